"""Port of keras/src/layers/preprocessing/mel_spectrogram_test.py."""

import numpy as np
import pytest

from ._adapter import call, make


def test_fft_shorter_than_sequence_raises():
    with pytest.raises(ValueError, match="fft_length"):
        call(
            make(
                "MelSpectrogram",
                fft_length=256,
                sequence_stride=256,
                sequence_length=512,
                num_mel_bins=80,
            ),
            np.random.default_rng(0).random((1, 2048)),
        )


@pytest.mark.parametrize(
    "shape, bins, stride, fft, rate, zeros",
    [
        ((2, 16000), 80, 128, 2048, 8000, False),
        ((16000,), 80, 128, 2048, 8000, False),
        ((2, 16001), 80, 128, 2048, 16000, False),
        ((16001,), 80, 128, 2048, 8000, False),
        ((2, 8000), 128, 64, 512, 32000, False),
        ((8000,), 128, 64, 512, 32000, False),
        ((2, 8000), 128, 64, 512, 32000, True),
        ((8000,), 128, 64, 512, 32000, True),
    ],
)
def test_output_shape(shape, bins, stride, fft, rate, zeros):
    x = np.zeros(shape) if zeros else np.random.default_rng(0).random(shape)
    layer = make(
        "MelSpectrogram",
        num_mel_bins=bins,
        sequence_stride=stride,
        fft_length=fft,
        sampling_rate=rate,
    )
    frames = (shape[-1] + stride + 1) // stride
    out = call(layer, x)
    assert out.shape == (*shape[:-1], bins, frames)
    assert np.isfinite(out).all()


def test_unbatched_signal():
    out = call(
        make(
            "MelSpectrogram",
            num_mel_bins=80,
            sampling_rate=8000,
            sequence_stride=128,
            fft_length=2048,
        ),
        np.random.default_rng(0).random(16000),
    )
    assert out.shape == (80, 126)
