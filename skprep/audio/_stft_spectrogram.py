"""STFTSpectrogram: short-time Fourier transforms of (multi-channel) audio."""

from __future__ import annotations

import warnings
from numbers import Integral

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from ..base import StatelessMixin
from ..utils._sklearn_compat import Interval, StrOptions
from ._base import check_audio
from .functional import STFT_MODES, default_fft_length, get_stft_window, stft_spectrogram

__all__ = ["STFTSpectrogram"]

_POSITIVE_INT = Interval(Integral, 1, None, closed="left")


class STFTSpectrogram(StatelessMixin, TransformerMixin, BaseEstimator):
    """Spectrograms from the short-time Fourier transform (Keras ``STFTSpectrogram``).

    Every channel of every clip is cut into frames of ``frame_length`` samples every
    ``frame_step`` samples (TF ``"valid"`` or ``"same"`` padding), each frame is multiplied by
    the window -- normalised by its L2 (``"density"``) or L1 (``"spectrum"``) norm -- and
    Fourier-transformed to ``fft_length // 2 + 1`` bins; ``mode`` chooses what is returned.
    Deterministic and stateless: ``fit`` only validates, ``transform`` works without it.

    Parameters
    ----------
    mode : {"log", "magnitude", "psd", "real", "imag", "angle", "stft"}, default="log"
        ``"real"`` / ``"imag"``: parts of the transform; ``"stft"``: both, the real bins
        then the imaginary bins; ``"angle"``: phase ``arctan2(imag, real)``; ``"psd"``:
        power with every bin but the first and last doubled; ``"magnitude"``:
        ``sqrt(max(power, 1e-7))``; ``"log"``: its natural logarithm.
    frame_length : int, default=256
        Samples per frame (the window length).
    frame_step : int or None, default=None
        Hop between frames, ``1 <= frame_step <= frame_length``; None means
        ``frame_length // 2``.
    fft_length : int or None, default=None
        FFT size, at least ``frame_length`` (a power of two is recommended; others warn,
        as in Keras); None means the smallest power of two ``>= frame_length``.
    window : str, array-like of shape (frame_length,) or None, default="hann"
        A window name of ``scipy.signal.get_window`` ("hann", "hamming", "blackman", ...),
        custom window values, or None (no window, no scaling).
    periodic : bool, default=False
        Use the periodic (DFT-even) form of a named window instead of the symmetric one.
    scaling : {"density", "spectrum"} or None, default="density"
        Divide the window by its L2 norm (``"density"``), its L1 norm (``"spectrum"``), or
        not at all.
    padding : {"valid", "same"}, default="valid"
        ``"valid"``: whole frames only, ``1 + (n_samples - frame_length) // frame_step``
        frames. ``"same"``: ``ceil(n_samples / frame_step)`` frames, zero padding split as
        TensorFlow does (the extra sample on the right).
    expand_dims : bool, default=False
        Keep frequency and channels as separate axes (an image-like output).
    data_format : {"channels_last", "channels_first"} or None, default=None
        Layout of 3-D input: ``(n_clips, n_samples, channels)`` or ``(n_clips, channels,
        n_samples)``; None is "channels_last".

    Attributes
    ----------
    fitted_ : bool
        Set by ``fit`` (nothing is learned).

    See Also
    --------
    skprep.audio.functional.stft_spectrogram : The kernel.
    MelSpectrogram : Mel-scale spectrograms.
    Flatten : Turn the 3-D output into a 2-D table for scikit-learn estimators.

    Notes
    -----
    Output shapes, with ``F = fft_length // 2 + 1`` (``2 F`` for ``"stft"``), ``T`` frames
    and ``C`` channels, float32:

    ============================  ====================  =====================
    data_format                   expand_dims=False     expand_dims=True
    ============================  ====================  =====================
    channels_last                 ``(n, T, C * F)``     ``(n, T, F, C)``
    channels_first                ``(n, C * F, T)``     ``(n, C, T, F)``
    ============================  ====================  =====================

    The transform is the one Keras computes: a correlation of each frame with float32
    cosine/sine kernels built exactly as ``keras.initializers.STFT`` builds them, so the
    values agree with Keras to float32 rounding, and phases (``mode="angle"``) agree within
    about 2e-4 rad wherever the bin's power is meaningful (above ~1e-5 of the largest).
    The phase of a bin whose magnitude is at float32 round-off level is not reproducible:
    its real and imaginary parts are rounding noise whose signs depend on the summation
    order (Keras's convolution versus skprep's FFT), so it can be anywhere in
    ``(-pi, pi]`` in either library. Differences from Keras 3, all additions:

    * 2-D input ``(n_clips, n_samples)`` is accepted as one channel (``C = 1``) in either
      ``data_format`` -- Keras needs rank 3.
    * Integer audio is accepted and computed in float32 (Keras raises ``TypeError``); NaN
      or infinite samples raise ``ValueError``.
    * ``data_format="channels_first"`` works on CPU (Keras's TensorFlow backend raises
      "Conv2D op currently only supports the NHWC tensor format on the CPU"); the layout is
      the one Keras documents.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import STFTSpectrogram
    >>> clips = np.random.default_rng(0).normal(size=(3, 16000, 1)).astype(np.float32)
    >>> STFTSpectrogram(frame_length=256, frame_step=128, fft_length=512).transform(clips).shape
    (3, 124, 257)
    >>> STFTSpectrogram(padding="same", expand_dims=True).transform(clips).shape
    (3, 125, 129, 1)
    >>> STFTSpectrogram(mode="stft").transform(clips[:, :, 0]).shape  # 2-D: one channel
    (3, 124, 258)
    """

    _parameter_constraints = {
        "mode": [StrOptions(set(STFT_MODES))],
        "frame_length": [_POSITIVE_INT],
        "frame_step": [_POSITIVE_INT, None],
        "fft_length": [_POSITIVE_INT, None],
        "window": [str, "array-like", None],
        "periodic": ["boolean"],
        "scaling": [StrOptions({"density", "spectrum"}), None],
        "padding": [StrOptions({"valid", "same"})],
        "expand_dims": ["boolean"],
        "data_format": [StrOptions({"channels_last", "channels_first"}), None],
    }

    def __init__(
        self,
        mode="log",
        *,
        frame_length=256,
        frame_step=None,
        fft_length=None,
        window="hann",
        periodic=False,
        scaling="density",
        padding="valid",
        expand_dims=False,
        data_format=None,
    ):
        self.mode = mode
        self.frame_length = frame_length
        self.frame_step = frame_step
        self.fft_length = fft_length
        self.window = window
        self.periodic = periodic
        self.scaling = scaling
        self.padding = padding
        self.expand_dims = expand_dims
        self.data_format = data_format

    def _resolved(self):
        frame_step = self.frame_step or self.frame_length // 2
        fft_length = self.fft_length or default_fft_length(self.frame_length)
        return frame_step, fft_length

    def _validate_params(self):
        super()._validate_params()
        if self.frame_step is not None and self.frame_step > self.frame_length:
            raise ValueError(
                "`frame_step` should be a positive integer not greater than `frame_length`. "
                f"Received frame_step={self.frame_step}, frame_length={self.frame_length}"
            )
        if self.frame_step is None and self.frame_length < 2:
            raise ValueError(
                "The default `frame_step` (frame_length // 2) is 0 for frame_length="
                f"{self.frame_length}; pass frame_step explicitly."
            )
        if self.fft_length is not None and self.fft_length < self.frame_length:
            raise ValueError(
                "`fft_length` should be not less than `frame_length`. Received "
                f"fft_length={self.fft_length}, frame_length={self.frame_length}"
            )
        _, fft_length = self._resolved()
        if fft_length < 2:
            raise ValueError(f"`fft_length` must be at least 2; it resolves to {fft_length}.")
        if self.fft_length is not None and (self.fft_length & -self.fft_length) != self.fft_length:
            warnings.warn(
                f"`fft_length` is recommended to be a power of two. Received "
                f"fft_length={self.fft_length}",
                UserWarning,
                stacklevel=3,
            )
        window = self.window
        if window is not None and not isinstance(window, str):
            array = np.asarray(window)
            if array.dtype.kind not in "iuf":
                raise ValueError(f"A custom `window` must be numbers; got dtype {array.dtype}.")
        get_stft_window(window, self.frame_length, self.periodic)  # raises on a bad window

    def _validate_input(self, X, reset: bool):
        X = check_audio(
            X,
            (2, 3),
            layer="STFTSpectrogram",
            expected=(
                "a batch (n_clips, n_samples, channels) -- (n_clips, channels, n_samples) with "
                'data_format="channels_first" -- or (n_clips, n_samples) for one channel'
            ),
        )
        channels_first = self.data_format == "channels_first"
        n_samples = X.shape[-1] if X.ndim == 2 or channels_first else X.shape[1]
        if self.padding == "valid" and n_samples < self.frame_length:
            raise ValueError(
                f'STFTSpectrogram with padding="valid" needs at least frame_length='
                f"{self.frame_length} samples per clip; got {n_samples}."
            )
        return X

    def transform(self, X):
        """Compute the spectrograms.

        Parameters
        ----------
        X : array-like of shape (n_clips, n_samples, channels), (n_clips, channels, \
n_samples) or (n_clips, n_samples)
            Audio (integers or floats); see ``data_format``.

        Returns
        -------
        out : ndarray, float32
            See the table in Notes.
        """
        self._ensure_params_checked()
        X = self._validate_input(X, reset=False)
        data_format = self.data_format or "channels_last"
        if X.ndim == 2:
            X = X[:, :, np.newaxis] if data_format == "channels_last" else X[:, np.newaxis]
        frame_step, fft_length = self._resolved()
        return stft_spectrogram(
            X,
            mode=self.mode,
            frame_length=self.frame_length,
            frame_step=frame_step,
            fft_length=fft_length,
            window=self.window,
            periodic=self.periodic,
            scaling=self.scaling,
            padding=self.padding,
            expand_dims=self.expand_dims,
            data_format=data_format,
        )

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.three_d_array = True
        tags.transformer_tags.preserves_dtype = ["float32"]
        return tags
