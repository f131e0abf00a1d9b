"""MelSpectrogram: raw audio clips to (optionally decibel) mel spectrograms."""

from __future__ import annotations

from numbers import Integral, Real

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from ..base import StatelessMixin
from ..utils._sklearn_compat import Interval, StrOptions
from ._base import check_audio
from .functional import mel_spectrogram

__all__ = ["MelSpectrogram"]

_POSITIVE_INT = Interval(Integral, 1, None, closed="left")


class MelSpectrogram(StatelessMixin, TransformerMixin, BaseEstimator):
    """Mel spectrograms of raw audio clips (Keras ``MelSpectrogram``).

    Each clip is reflect-padded by ``fft_length // 2`` samples on both sides, cut into
    frames of ``fft_length`` samples every ``sequence_stride`` samples, windowed, and
    Fourier-transformed; the magnitude raised to ``mag_exp`` is weighted into
    ``num_mel_bins`` triangular mel bands between ``min_freq`` and ``max_freq`` (HTK mel
    scale) and, with ``power_to_db``, converted to decibels. Deterministic and stateless:
    ``fit`` only validates, ``transform`` works without it, training and inference agree.

    Parameters
    ----------
    fft_length : int, default=2048
        FFT size and frame length.
    sequence_stride : int, default=512
        Samples between successive frames.
    sequence_length : int or None, default=None
        Length of the window applied to each frame (zero-padded, centred, to
        ``fft_length``); None means ``fft_length``. Must not exceed ``fft_length``.
    window : {"hann", "hamming"}, array-like of shape (sequence_length,) or None, \
default="hann"
        TensorFlow's periodic Hann or Hamming window, a custom window, or None (no window:
        whole ``fft_length``-sample frames, as in Keras).
    sampling_rate : float, default=16000
        Sample rate of the clips (Hz).
    num_mel_bins : int, default=128
        Number of mel bands.
    min_freq : float, default=20.0
        Lower edge of the lowest band (Hz).
    max_freq : float or None, default=None
        Upper edge of the highest band (Hz); None (or 0) means ``int(sampling_rate / 2)``.
    power_to_db : bool, default=True
        Convert to decibels, ``10 log10(max(S, min_power) / max(|ref_power|, min_power))``.
    top_db : float or None, default=80.0
        In decibels, values more than ``top_db`` below the clip's maximum are raised to
        ``max - top_db``. None disables the clip (a skprep addition).
    mag_exp : float, default=2.0
        Exponent of the magnitude: 1 for magnitude, 2 for power.
    min_power : float, default=1e-10
        Floor of the power and of ``ref_power`` before the logarithm.
    ref_power : float, default=1.0
        Reference power for the decibel scale.

    Attributes
    ----------
    fitted_ : bool
        Set by ``fit`` (nothing is learned).

    See Also
    --------
    skprep.audio.functional.mel_spectrogram : The kernel.
    STFTSpectrogram : Linear-frequency spectrograms.
    Flatten : Turn the 3-D output into a 2-D table for scikit-learn estimators.

    Notes
    -----
    Input is one clip ``(n_samples,)`` or a batch ``(n_clips, n_samples)`` of integer or
    floating audio, computed in float32 (Keras's compute dtype); the output is float32 of
    shape ``([n_clips,] num_mel_bins, n_frames)`` with ``n_frames = 1 + (n_samples + 2
    (fft_length // 2) - fft_length) // sequence_stride``. Clips must be longer than
    ``fft_length // 2`` samples (the reflect padding needs it, as in Keras).

    Deviations from Keras 3, deliberately:

    * The ``top_db`` clip is relative to **each clip's** maximum. Keras takes the maximum over
      the whole batch, so a clip's spectrogram would depend on which other clips share its
      batch (and on chunking, streaming or ``n_jobs``); for a single clip the two agree.
    * NaN or infinite samples raise ``ValueError`` (Keras propagates them through whole
      frames, or -- through the batch maximum -- the whole batch).
    * ``top_db=None`` is accepted and disables the clip (Keras fails on it).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import MelSpectrogram
    >>> t = np.arange(16000) / 16000
    >>> clips = np.stack([np.sin(2 * np.pi * 440 * t), np.sin(2 * np.pi * 1000 * t)])
    >>> mel = MelSpectrogram(num_mel_bins=64).transform(clips)
    >>> mel.shape, mel.dtype
    ((2, 64, 32), dtype('float32'))
    >>> MelSpectrogram(num_mel_bins=64).transform(clips[0]).shape  # one clip
    (64, 32)

    The output is 3-D; ``Flatten`` makes rows for a scikit-learn classifier:

    >>> from sklearn.linear_model import LogisticRegression
    >>> from sklearn.pipeline import make_pipeline
    >>> from skprep import Flatten
    >>> model = make_pipeline(MelSpectrogram(num_mel_bins=16, fft_length=512,
    ...                                      sequence_stride=256), Flatten(),
    ...                       LogisticRegression())
    >>> model.fit(clips, [0, 1]).predict(clips)
    array([0, 1])
    """

    _parameter_constraints = {
        "fft_length": [_POSITIVE_INT],
        "sequence_stride": [_POSITIVE_INT],
        "sequence_length": [_POSITIVE_INT, None],
        "window": [StrOptions({"hann", "hamming"}), "array-like", None],
        "sampling_rate": [Interval(Real, 0, None, closed="neither")],
        "num_mel_bins": [_POSITIVE_INT],
        "min_freq": [Interval(Real, 0, None, closed="left")],
        "max_freq": [Interval(Real, 0, None, closed="left"), None],
        "power_to_db": ["boolean"],
        "top_db": [Interval(Real, 0, None, closed="left"), None],
        "mag_exp": [Interval(Real, 0, None, closed="neither")],
        "min_power": [Interval(Real, 0, None, closed="neither")],
        "ref_power": [Real],
    }

    def __init__(
        self,
        fft_length=2048,
        *,
        sequence_stride=512,
        sequence_length=None,
        window="hann",
        sampling_rate=16000,
        num_mel_bins=128,
        min_freq=20.0,
        max_freq=None,
        power_to_db=True,
        top_db=80.0,
        mag_exp=2.0,
        min_power=1e-10,
        ref_power=1.0,
    ):
        self.fft_length = fft_length
        self.sequence_stride = sequence_stride
        self.sequence_length = sequence_length
        self.window = window
        self.sampling_rate = sampling_rate
        self.num_mel_bins = num_mel_bins
        self.min_freq = min_freq
        self.max_freq = max_freq
        self.power_to_db = power_to_db
        self.top_db = top_db
        self.mag_exp = mag_exp
        self.min_power = min_power
        self.ref_power = ref_power

    def _validate_params(self):
        super()._validate_params()
        sequence_length = self.sequence_length or self.fft_length
        if self.fft_length < sequence_length:
            raise ValueError(
                "`fft_length` must be greater than or equal to `sequence_length`. Received: "
                f"sequence_length={self.sequence_length}, fft_length={self.fft_length}."
            )
        max_freq = self.max_freq or int(self.sampling_rate / 2)
        if not self.min_freq < max_freq:
            raise ValueError(
                f"`min_freq` must be below `max_freq` (None means int(sampling_rate / 2) = "
                f"{int(self.sampling_rate / 2)}). Received: min_freq={self.min_freq}, "
                f"max_freq={self.max_freq}."
            )
        if self.window is not None and not isinstance(self.window, str):
            window = np.asarray(self.window)
            if window.dtype.kind not in "iuf" or window.shape != (sequence_length,):
                raise ValueError(
                    f"A custom `window` must be {sequence_length} numbers (sequence_length); "
                    f"got an array of shape {window.shape} and dtype {window.dtype}."
                )

    def _validate_input(self, X, reset: bool):
        X = check_audio(
            X,
            (1, 2),
            layer="MelSpectrogram",
            expected="one clip (n_samples,) or a batch (n_clips, n_samples)",
        )
        pad = self.fft_length // 2
        if X.shape[-1] <= pad:
            raise ValueError(
                f"MelSpectrogram needs clips longer than fft_length // 2 = {pad} samples (they "
                f"are reflect-padded by that much); got {X.shape[-1]} samples."
            )
        return X

    def transform(self, X):
        """Compute the mel spectrograms.

        Parameters
        ----------
        X : array-like of shape (n_clips, n_samples) or (n_samples,)
            Audio clips (integers or floats).

        Returns
        -------
        mel : ndarray of shape (n_clips, num_mel_bins, n_frames) or (num_mel_bins, n_frames)
            float32; decibels if ``power_to_db``.
        """
        self._ensure_params_checked()
        X = self._validate_input(X, reset=False)
        return mel_spectrogram(
            X,
            fft_length=self.fft_length,
            sequence_stride=self.sequence_stride,
            sequence_length=self.sequence_length,
            window=self.window,
            sampling_rate=self.sampling_rate,
            num_mel_bins=self.num_mel_bins,
            min_freq=self.min_freq,
            max_freq=self.max_freq,
            power_to_db=self.power_to_db,
            top_db=self.top_db,
            mag_exp=self.mag_exp,
            min_power=self.min_power,
            ref_power=self.ref_power,
        )

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags
