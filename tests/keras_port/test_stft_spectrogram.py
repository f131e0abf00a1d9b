"""Port of keras/src/layers/preprocessing/stft_spectrogram_test.py.

The reference is ``scipy.signal.spectrogram``, as in Keras's own test; signals are shorter
than Keras's (the assertions are the same) to keep the suite fast.
"""

import numpy as np
import pytest
import scipy.signal

from ._adapter import call, make

RNG = np.random.RandomState(41)


def _reference(x, mode, scaling, window, periodic, frame_length, frame_step, fft_length):
    win = scipy.signal.get_window(window, frame_length, periodic)
    _, _, spec = scipy.signal.spectrogram(
        x[..., 0].astype(np.float32),
        window=win.astype(np.float32),
        nperseg=frame_length,
        noverlap=frame_length - frame_step,
        mode=mode,
        scaling=scaling,
        detrend=False,
        nfft=fft_length,
    )
    return np.transpose(spec, [0, 2, 1])


def test_channels_concatenate_or_stack():
    audio = RNG.uniform(-1, 1, size=(3, 4000, 7))
    last = call(make("STFTSpectrogram", mode="psd", data_format="channels_last"), audio)
    expanded = call(make("STFTSpectrogram", mode="psd", expand_dims=True), audio)
    singles = [call(make("STFTSpectrogram", mode="psd"), audio[..., i : i + 1]) for i in range(7)]
    np.testing.assert_allclose(last, np.concatenate(singles, axis=-1), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(expanded, np.stack(singles, axis=-1), rtol=1e-5, atol=1e-7)


def test_channels_first():
    audio = RNG.uniform(-1, 1, size=(3, 4000, 7))
    first_in = np.transpose(audio, [0, 2, 1])
    first = call(make("STFTSpectrogram", mode="psd", data_format="channels_first"), first_in)
    last = call(make("STFTSpectrogram", mode="psd"), audio)
    expanded = call(
        make("STFTSpectrogram", mode="psd", data_format="channels_first", expand_dims=True),
        first_in,
    )
    singles = [call(make("STFTSpectrogram", mode="psd"), audio[..., i : i + 1]) for i in range(7)]
    np.testing.assert_allclose(np.transpose(first, [0, 2, 1]), last, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(expanded, np.stack(singles, axis=1), rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize(
    "kwargs, shape, expected",
    [
        (
            {
                "frame_length": 150,
                "frame_step": 10,
                "fft_length": 512,
                "padding": "same",
                "expand_dims": True,
                "data_format": "channels_first",
            },
            (2, 3, 16000),
            (2, 3, 1600, 257),
        ),
        (
            {"frame_length": 500, "frame_step": 25, "fft_length": 1024, "mode": "stft"},
            (2, 16000, 1),
            (2, 15500 // 25 + 1, 513 * 2),
        ),
        (
            {"frame_length": 150, "frame_step": 71, "fft_length": 4096, "mode": "real"},
            (2, 16000, 1),
            (2, 15850 // 71 + 1, 2049),
        ),
        (
            {
                "frame_length": 150,
                "frame_step": 43,
                "fft_length": 512,
                "mode": "imag",
                "padding": "same",
            },
            (2, 16000, 1),
            (2, 16000 // 43 + 1, 257),
        ),
        (
            {"frame_length": 150, "frame_step": 10, "fft_length": 512, "padding": "same"},
            (2, 16000, 3),
            (2, 1600, 257 * 3),
        ),
        (
            {
                "frame_length": 150,
                "frame_step": 10,
                "fft_length": 512,
                "padding": "same",
                "expand_dims": True,
            },
            (2, 16000, 3),
            (2, 1600, 257, 3),
        ),
        (
            {
                "frame_length": 256,
                "frame_step": 128,
                "fft_length": 715,
                "padding": "same",
                "scaling": None,
            },
            (2, 16000, 1),
            (2, 16000 // 128, 358),
        ),
    ],
)
@pytest.mark.filterwarnings("ignore:`fft_length` is recommended")
def test_output_shapes(kwargs, shape, expected):
    assert call(make("STFTSpectrogram", **kwargs), RNG.random(shape)).shape == expected


@pytest.mark.parametrize(
    "scaling, window, periodic, frame_length, frame_step, fft_length",
    [
        ("density", "hann", False, 512, 256, 1024),
        ("spectrum", "blackman", True, 512, 32, 1024),
        ("spectrum", "hamming", True, 256, 192, 512),
        ("spectrum", "tukey", False, 512, 128, 512),
        ("density", "hamming", True, 256, 256, 256),
        ("density", "hann", True, 256, 128, 256),
    ],
)
def test_matches_scipy(scaling, window, periodic, frame_length, frame_step, fft_length):
    x = RNG.uniform(-1, 1, size=(2, 8000, 1)).astype(np.float32)
    args = dict(
        scaling=scaling,
        window=window,
        periodic=periodic,
        frame_length=frame_length,
        frame_step=frame_step,
        fft_length=fft_length,
    )
    for mode in ("magnitude", "psd"):
        y = call(make("STFTSpectrogram", mode=mode, **args), x)
        ref = _reference(x, mode, **args)
        assert y.shape == ref.shape
        np.testing.assert_allclose(y, ref, atol=5e-4, rtol=1e-6)
    y = call(make("STFTSpectrogram", mode="angle", **args), x)
    ref = _reference(x, "angle", **args)
    # a phase matches if it, or its cosine, or its sine, is close (the rule Keras's test uses)
    tol = {"atol": 5e-4, "rtol": 1e-6}
    close = np.isclose(y, ref, **tol) | np.isclose(y + 2 * np.pi, ref, **tol)
    close |= np.isclose(y - 2 * np.pi, ref, **tol)
    close |= np.isclose(np.cos(y), np.cos(ref), **tol) | np.isclose(np.sin(y), np.sin(ref), **tol)
    assert np.mean(~close) < 2e-4


@pytest.mark.parametrize(
    "kwargs",
    [
        {"frame_length": 256, "frame_step": 1024, "fft_length": 512},
        {"frame_length": 256, "frame_step": 0, "fft_length": 512},
        {"frame_length": 256, "frame_step": 32, "fft_length": 128},
    ],
)
def test_invalid_arguments(kwargs):
    with pytest.raises(ValueError):
        call(make("STFTSpectrogram", **kwargs), RNG.random((1, 2000, 1)))


def test_integer_audio_is_converted_to_float():
    # Keras raises TypeError on integer audio; skprep converts it to float32.
    x = RNG.randint(-100, 100, size=(2, 2000, 1))
    out = call(make("STFTSpectrogram", mode="psd"), x)
    ref = call(make("STFTSpectrogram", mode="psd"), x.astype(np.float32))
    np.testing.assert_allclose(out, ref, rtol=1e-6)
