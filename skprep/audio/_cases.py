"""Example audio estimators and data for the common checks (skprep.utils.estimator_checks).

Their outputs are 3-D (or 4-D) spectrograms, which scikit-learn's 2-D common checks do not
expect, so they run skprep's own checks (``sklearn=False``).
"""

import numpy as np

from ..utils.estimator_checks import Case
from . import MelSpectrogram, STFTSpectrogram


def _clips():
    return np.random.RandomState(0).uniform(-1, 1, size=(3, 1200)).astype(np.float32)


def _int16_clips():
    return np.random.RandomState(1).randint(-32768, 32767, size=(2, 900)).astype(np.int16)


def _stereo():
    return np.random.RandomState(2).normal(size=(2, 700, 2))


def _channels_first():
    return np.random.RandomState(3).normal(size=(2, 3, 500)).astype(np.float32)


CASES = [
    Case(
        lambda: MelSpectrogram(fft_length=256, sequence_stride=128, num_mel_bins=20),
        _clips,
        sklearn=False,
    ),
    Case(
        lambda: MelSpectrogram(
            fft_length=128,
            sequence_length=100,
            window="hamming",
            sampling_rate=8000,
            num_mel_bins=12,
            power_to_db=False,
        ),
        _int16_clips,
        sklearn=False,
    ),
    Case(STFTSpectrogram, _clips, sklearn=False),
    Case(lambda: STFTSpectrogram("stft", frame_length=64, padding="same"), _stereo, sklearn=False),
    Case(
        lambda: STFTSpectrogram(
            "psd", frame_length=50, frame_step=20, expand_dims=True, data_format="channels_first"
        ),
        _channels_first,
        sklearn=False,
    ),
    Case(
        lambda: STFTSpectrogram("angle", frame_length=100, window=None), _int16_clips, sklearn=False
    ),
]
