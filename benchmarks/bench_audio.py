"""Audio layers on 64 clips of 1 s at 16 kHz (float32): skprep vs the Keras layer (TF backend).

``MelSpectrogram()`` with Keras's defaults (2048-point FFT every 512 samples, 128 mel bands,
decibels) on ``(64, 16000)``, and ``STFTSpectrogram()`` with its defaults (256-sample frames
every 128 samples, log magnitude) on ``(64, 16000, 1)``, plus its ``"stft"`` mode with
512-point FFTs on 2-channel ``(64, 16000, 2)`` input.
"""

import numpy as np

from benchmarks._harness import Benchmark, keras_or_none
from skprep import MelSpectrogram, STFTSpectrogram


def _clips(channels=None):
    shape = (64, 16000) if channels is None else (64, 16000, channels)
    return np.random.default_rng(0).uniform(-1, 1, size=shape).astype(np.float32)


def _keras(make_layer):
    keras = keras_or_none()
    if keras is None:
        return None
    layer = make_layer(keras)

    def fn(X):
        return np.asarray(layer(X))

    return fn


_CASES = [
    (
        "MelSpectrogram() on 64 x 16000",
        None,
        lambda: MelSpectrogram(),
        lambda k: k.layers.MelSpectrogram(),
    ),
    (
        "STFTSpectrogram() on 64 x 16000 x 1",
        1,
        lambda: STFTSpectrogram(),
        lambda k: k.layers.STFTSpectrogram(),
    ),
    (
        'STFTSpectrogram("stft", frame_length=400, frame_step=160, fft_length=512) on '
        "64 x 16000 x 2",
        2,
        lambda: STFTSpectrogram("stft", frame_length=400, frame_step=160, fft_length=512),
        lambda k: k.layers.STFTSpectrogram(
            "stft", frame_length=400, frame_step=160, fft_length=512
        ),
    ),
]


def benchmarks():
    out = []
    for name, channels, ours, theirs in _CASES:
        layer = ours()
        out.append(
            Benchmark(
                name,
                lambda channels=channels: _clips(channels),
                {"skprep": layer.transform, "keras": _keras(theirs)},
                target="<= 1.0x Keras",
            )
        )
    return out
