"""Keras cases for the audio layers: MelSpectrogram and STFTSpectrogram.

Inputs are seeded uniform noise and a linear chirp (a tone sweeping 50 Hz -> 3.5 kHz at
8 kHz), both float32. MelSpectrogram's ``top_db`` clip uses the batch maximum in Keras and
the clip's own maximum in skprep, so its decibel cases call Keras on one clip at a time (the
``per_clip`` flag); Keras's ``channels_first`` STFTSpectrogram fails on the TF CPU backend, so
those cases run Keras channels-last on the transposed input and transpose its output into the
documented channels-first layout (``via_channels_last``).
"""

import numpy as np

from tests.audio._data import make_input

STFT_MODES = ("log", "magnitude", "psd", "real", "imag", "angle", "stft")


NOISE = {"kind": "noise", "shape": [2, 1600], "seed": 0}
CHIRP = {"kind": "chirp", "n": 1600}
STEREO = {"kind": "noise", "shape": [2, 300, 2], "seed": 1}
CHIRP_3D = {"kind": "chirp", "n": 800, "shape": [1, 800, 1]}


def _short(out):
    """float32 values as the shortest decimal that round-trips to the same float32 (smaller
    fixtures; exact once cast back to float32)."""
    out = np.asarray(out, dtype=np.float32)
    return np.array([float(str(v)) for v in out.ravel()]).reshape(out.shape)


def _case(name, layer, kwargs, recipe, out, **extra):
    return {
        "name": name,
        "layer": layer,
        "kwargs": kwargs,
        "recipe": recipe,
        "output": _short(out),
        **extra,
    }


MEL_KWARGS = [
    ("defaults", {}),
    (
        "hamming_seq400",
        {
            "fft_length": 512,
            "sequence_stride": 160,
            "sequence_length": 400,
            "window": "hamming",
            "sampling_rate": 8000,
            "num_mel_bins": 40,
        },
    ),
    (
        "no_window_odd_fft_power",
        {
            "fft_length": 255,
            "sequence_stride": 100,
            "window": None,
            "num_mel_bins": 24,
            "power_to_db": False,
        },
    ),
    (
        "magnitude_topdb30_ref",
        {
            "fft_length": 256,
            "sequence_stride": 64,
            "num_mel_bins": 32,
            "mag_exp": 1.0,
            "top_db": 30.0,
            "ref_power": 0.5,
            "min_freq": 100.0,
            "max_freq": 3000.0,
            "sampling_rate": 8000,
        },
    ),
    (
        "min_power_odd_stride",
        {
            "fft_length": 300,
            "sequence_stride": 77,
            "sequence_length": 201,
            "num_mel_bins": 16,
            "min_power": 1e-4,
            "sampling_rate": 22050,
            "top_db": 50.0,
        },
    ),
]


def _mel():
    import keras

    noise, chirp = make_input(NOISE), make_input(CHIRP)
    cases = []
    for label, kwargs in MEL_KWARGS:
        layer = keras.layers.MelSpectrogram(**kwargs)
        # One clip, unbatched (1-D in, 2-D out): Keras's max is the clip's max.
        out = layer(chirp)
        cases.append(_case(f"mel_{label}_chirp", "MelSpectrogram", kwargs, CHIRP, out))
        if kwargs.get("power_to_db", True):
            out = np.stack([np.asarray(layer(clip)) for clip in noise])
            cases.append(
                _case(f"mel_{label}_noise", "MelSpectrogram", kwargs, NOISE, out, per_clip=True)
            )
        else:
            out = layer(noise)
            cases.append(_case(f"mel_{label}_noise", "MelSpectrogram", kwargs, NOISE, out))
    # A custom window (array of sequence_length values).
    window = np.kaiser(200, 6.0).astype(np.float32)
    kwargs = {
        "fft_length": 256,
        "sequence_stride": 128,
        "sequence_length": 200,
        "num_mel_bins": 20,
        "sampling_rate": 8000,
    }
    out = keras.layers.MelSpectrogram(window=window, **kwargs)(chirp)
    cases.append(
        _case("mel_custom_window_chirp", "MelSpectrogram", kwargs, CHIRP, out, window=window)
    )
    return cases


STFT_KWARGS = [
    ("defaults", {"frame_length": 128}),
    (
        "hamming_periodic_spectrum_same_odd_fft",
        {
            "frame_length": 100,
            "frame_step": 45,
            "fft_length": 129,
            "window": "hamming",
            "periodic": True,
            "scaling": "spectrum",
            "padding": "same",
        },
    ),
    (
        "no_window_expand",
        {"frame_length": 64, "window": None, "scaling": None, "expand_dims": True},
    ),
    ("blackman_step_eq_length", {"frame_length": 64, "frame_step": 64, "window": "blackman"}),
    (
        "fft_longer_scaling_none",
        {
            "frame_length": 48,
            "frame_step": 17,
            "fft_length": 128,
            "scaling": None,
            "padding": "same",
        },
    ),
]


def _stft():
    import keras

    stereo = make_input(STEREO)
    cases = []
    # Every mode on the defaults and on two of the other configurations (each configuration
    # meets several modes); the chirp with the defaults for the modes that mix real and
    # imaginary parts.
    configs = dict(STFT_KWARGS)
    others = [label for label, _ in STFT_KWARGS[1:]]
    for i, mode in enumerate(STFT_MODES):
        labels = ["defaults", others[i % 4], others[(i + 1) % 4]]
        for label in labels:
            kwargs = {"mode": mode, **configs[label]}
            runs = [("stereo", STEREO)]
            if label == "defaults" and mode in ("log", "angle", "stft"):
                runs.append(("chirp", CHIRP_3D))
            for data_name, recipe in runs:
                out = keras.layers.STFTSpectrogram(**kwargs)(make_input(recipe))
                cases.append(
                    _case(
                        f"stft_{mode}_{label}_{data_name}", "STFTSpectrogram", kwargs, recipe, out
                    )
                )
    # channels_first: Keras's documented layout, computed through channels_last.
    for mode in ("log", "stft", "angle"):
        for expand in (False, True):
            kwargs = {"mode": mode, "frame_length": 64, "frame_step": 24, "expand_dims": expand}
            out = np.asarray(keras.layers.STFTSpectrogram(**kwargs)(stereo))
            out = out.transpose(0, 3, 1, 2) if expand else out.transpose(0, 2, 1)
            cases.append(
                _case(
                    f"stft_{mode}_channels_first{'_expand' if expand else ''}",
                    "STFTSpectrogram",
                    {**kwargs, "data_format": "channels_first"},
                    {**STEREO, "transpose": [0, 2, 1]},
                    out,
                    via_channels_last=True,
                )
            )
    # A custom window.
    window = np.kaiser(80, 4.0).astype(np.float32)
    kwargs = {"mode": "magnitude", "frame_length": 80, "frame_step": 40}
    out = keras.layers.STFTSpectrogram(window=window, **kwargs)(stereo)
    cases.append(_case("stft_custom_window", "STFTSpectrogram", kwargs, STEREO, out, window=window))
    return cases


#: (num_mel_bins, num_spectrogram_bins, sampling_rate, lower_edge_hertz, upper_edge_hertz)
MEL_MATRIX_ARGS = [
    (20, 129, 8000, 125.0, 3800.0),
    (128, 257, 16000, 0.0, 8000.0),
    (80, 513, 22050, 20.0, 11025.0),
    (40, 201, 16000, 300.0, 7600.0),
    (64, 1025, 44100, 50.0, 14000.0),
    (128, 1025, 16000, 20.0, 8000.0),
    (13, 65, 8000, 0.0, 4000.0),
]


def _mel_matrix():
    import keras

    layer = keras.layers.MelSpectrogram()
    return [
        {
            "name": "mel_weight_matrix_" + "_".join(str(a) for a in args),
            "layer": "MelWeightMatrix",
            "kwargs": dict(
                zip(
                    [
                        "num_mel_bins",
                        "num_spectrogram_bins",
                        "sampling_rate",
                        "lower_edge_hertz",
                        "upper_edge_hertz",
                    ],
                    args,
                )
            ),
            "output": np.asarray(layer.linear_to_mel_weight_matrix(*args)),
        }
        for args in MEL_MATRIX_ARGS
    ]


def generate():
    return _mel() + _stft() + _mel_matrix()
