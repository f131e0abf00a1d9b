"""Audio layers: MelSpectrogram and STFTSpectrogram.

Pure kernels live in :mod:`skprep.audio.functional`; the estimators validate and delegate.
"""

from . import functional  # noqa: F401  (public submodule: skprep.audio.functional)
from ._mel_spectrogram import MelSpectrogram
from ._stft_spectrogram import STFTSpectrogram

__all__ = ["MelSpectrogram", "STFTSpectrogram"]
