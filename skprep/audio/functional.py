"""Pure audio kernels: framing, windows, STFT, mel filterbank, decibels, spectrograms.

Every function takes explicit parameters and NumPy arrays, never an estimator, and treats the
clips of a batch independently. The arithmetic follows Keras 3 on the TensorFlow backend:

* :func:`stft` is ``keras.ops.stft`` (``tf.signal.stft`` with a centred, reflect-padded
  signal and TensorFlow's periodic Hann / Hamming windows zero-padded to ``fft_length``);
* :func:`linear_to_mel_weight_matrix` is Keras's (and ``tf.signal``'s) HTK mel filterbank;
* :func:`mel_spectrogram` is ``keras.layers.MelSpectrogram`` (with the ``top_db`` clip taken
  per clip, see its Notes);
* :func:`stft_spectrogram` is ``keras.layers.STFTSpectrogram``: a strided correlation of every
  frame with Keras's float32 DFT kernels (:func:`stft_kernels`), computed as one matrix
  product over stride-trick frame views.

Framing never copies the signal per frame and never loops over frames in Python:
:func:`frame` is a strided view.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
import scipy.fft
from numpy.lib.stride_tricks import sliding_window_view

from .._config import check_output_size
from ..utils._threads import n_cores, run_all

__all__ = [
    "default_fft_length",
    "frame",
    "get_stft_window",
    "linear_to_mel_weight_matrix",
    "mel_spectrogram",
    "power_to_db",
    "stft",
    "stft_kernels",
    "stft_spectrogram",
    "tf_window",
]

#: Keras's mel-scale constants (HTK): ``mel(f) = 1127 ln(1 + f / 700)``.
_MEL_BREAK_FREQUENCY_HERTZ = 700.0
_MEL_HIGH_FREQUENCY_Q = 1127.0
#: ``keras.backend.epsilon()``, the floor STFTSpectrogram puts under power and magnitude.
_EPSILON = 1e-7

STFT_MODES = ("log", "magnitude", "psd", "real", "imag", "angle", "stft")


# --------------------------------------------------------------------------------------------
# Framing and windows
# --------------------------------------------------------------------------------------------


def frame(x: np.ndarray, frame_length: int, frame_step: int) -> np.ndarray:
    """Frames of the last axis as a read-only strided view (no copy).

    Parameters
    ----------
    x : ndarray of shape (..., n_samples)
    frame_length, frame_step : int
        Samples per frame and hop between frame starts. Frames start at ``0, frame_step, ...``
        and only whole frames are kept (``tf.signal.frame`` with ``pad_end=False``).

    Returns
    -------
    frames : ndarray of shape (..., n_frames, frame_length)
        ``n_frames = 1 + (n_samples - frame_length) // frame_step`` (0 if the signal is
        shorter than one frame).

    Examples
    --------
    >>> import numpy as np
    >>> frame(np.arange(7), 3, 2)
    array([[0, 1, 2],
           [2, 3, 4],
           [4, 5, 6]])
    """
    n = x.shape[-1]
    if n < frame_length:
        return np.empty((*x.shape[:-1], 0, frame_length), dtype=x.dtype)
    return sliding_window_view(x, frame_length, axis=-1)[..., ::frame_step, :]


def tf_window(name: str, length: int, periodic: bool = True) -> np.ndarray:
    """TensorFlow's ``hann_window`` / ``hamming_window`` in float32.

    ``a - b cos(2 pi k / N)`` with ``(a, b) = (0.5, 0.5)`` (Hann) or ``(0.54, 0.46)``
    (Hamming); ``N = length`` for a periodic window of even length, ``length - 1`` otherwise
    (TensorFlow ignores ``periodic`` for odd lengths). A length-1 window is ``[1.0]``.

    Parameters
    ----------
    name : {"hann", "hamming"}
        Window kind.
    length : int
        Number of values.
    periodic : bool, default=True
        Periodic (for spectral analysis) rather than symmetric window.

    Returns
    -------
    ndarray of shape (length,), float32

    Examples
    --------
    >>> tf_window("hann", 4)
    array([0. , 0.5, 1. , 0.5], dtype=float32)
    """
    if name not in ("hann", "hamming"):
        raise ValueError(
            f'If a string is passed to `window`, it must be one of "hann", "hamming". '
            f"Received: window={name!r}"
        )
    if length == 1:
        return np.ones(1, dtype=np.float32)
    a, b = (0.5, 0.5) if name == "hann" else (0.54, 0.46)
    denom = length - 1 + (1 if periodic and length % 2 == 0 else 0)
    arg = np.float32(2 * np.pi) * np.arange(length, dtype=np.float32) / np.float32(denom)
    return (np.float32(a) - np.float32(b) * np.cos(arg)).astype(np.float32)


def _as_window(window, length: int, name: str = "window") -> np.ndarray:
    win = np.asarray(window, dtype=np.float32)
    if win.ndim != 1 or win.shape[0] != length:
        raise ValueError(
            f"The shape of `{name}` must be equal to [{length}]. Received: window shape={win.shape}"
        )
    if not np.isfinite(win).all() or not np.any(win):
        raise ValueError(
            f"`{name}` must hold finite values, not all zero (an all-zero window makes every "
            "frame zero, and its normalisation divides by zero); got "
            f"{'NaN/inf' if not np.isfinite(win).all() else 'only zeros'}."
        )
    return win


# --------------------------------------------------------------------------------------------
# keras.ops.stft and the mel filterbank
# --------------------------------------------------------------------------------------------


def stft(
    x,
    sequence_length: int,
    sequence_stride: int,
    fft_length: int,
    window="hann",
    center: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Short-time Fourier transform of the last axis (``keras.ops.stft``, TF backend).

    Parameters
    ----------
    x : array-like of shape (..., n_samples)
        Signals; computed in float32.
    sequence_length : int
        Length of the window applied to each frame (``<= fft_length``).
    sequence_stride : int
        Hop between frames.
    fft_length : int
        Frame length and FFT size; the window is zero-padded to it, centred
        (``(fft_length - sequence_length) // 2`` zeros on the left).
    window : {"hann", "hamming"}, array-like of shape (sequence_length,) or None
        TensorFlow's periodic windows, a custom window, or none (then whole
        ``fft_length``-sample frames are transformed unwindowed, as in Keras).
    center : bool
        Reflect-pad ``fft_length // 2`` samples on both sides first (needs
        ``n_samples > fft_length // 2``).

    Returns
    -------
    real, imag : ndarray of shape (..., n_frames, fft_length // 2 + 1), float32

    Examples
    --------
    >>> import numpy as np
    >>> real, imag = stft(np.sin(np.arange(64) / 2), 16, 8, 16)
    >>> real.shape
    (9, 9)
    """
    x = np.asarray(x, dtype=np.float32)
    if fft_length < sequence_length:
        raise ValueError(
            "`fft_length` must equal or larger than `sequence_length`. Received: "
            f"sequence_length={sequence_length}, fft_length={fft_length}"
        )
    if center:
        pad = fft_length // 2
        if x.shape[-1] <= pad:
            raise ValueError(
                f"With center=True the signal is reflect-padded by fft_length // 2 = {pad} "
                f"samples, which needs more than {pad} samples; got {x.shape[-1]}."
            )
        widths = [(0, 0)] * (x.ndim - 1) + [(pad, pad)]
        x = np.pad(x, widths, mode="reflect")
    frames = frame(x, fft_length, sequence_stride)
    check_output_size(
        (*frames.shape[:-1], max(fft_length, 1)), np.complex64, "stft frames (frames x fft_length)"
    )
    if window is not None:
        if isinstance(window, str):
            win = tf_window(window, sequence_length, periodic=True)
        else:
            win = _as_window(window, sequence_length)
        left = (fft_length - sequence_length) // 2
        win = np.pad(win, (left, fft_length - sequence_length - left))
        frames = frames * win
    # SciPy's pocketfft keeps float32 in single precision and is ~2.5x NumPy's here.
    spectrum = scipy.fft.rfft(frames, n=fft_length, axis=-1)
    return (
        np.ascontiguousarray(spectrum.real, dtype=np.float32),
        np.ascontiguousarray(spectrum.imag, dtype=np.float32),
    )


# TensorFlow's float32 ``log`` on CPU for tensors (Eigen's vectorised kernel, built without
# FMA): the mantissa m in [sqrt(1/2), sqrt(2)) gives log(m) = x p(x) / q(x), x = m - 1, with
# these rational coefficients (highest degree first), and the exponent adds e * ln 2.
_LOG_P = (0.18256296349849254, 1.0000000190281063, 1.0000000190281136)
_LOG_Q = (0.049616247954120038, 0.59923249590823520, 1.4999999999999927, 1.0)


def _log_float32_tf(x):
    """``log`` of positive finite float32 values, rounded step by step as TensorFlow's CPU
    kernel rounds them (NumPy's own float32 ``log`` differs in the last bit for ~10 % of
    values, which the Mel matrix's slopes amplify to ~1e-5)."""
    f32 = np.float32
    m, e = np.frexp(np.asarray(x, dtype=f32))
    m, e = m.astype(f32), e.astype(f32)
    low = m < f32(0.7071067811865476)  # shift the mantissa to [sqrt(1/2), sqrt(2))
    t = m - f32(1.0)
    e = e - low.astype(f32)
    t = t + np.where(low, m, f32(0.0))
    p = np.full_like(t, f32(_LOG_P[0]))
    for c in _LOG_P[1:]:
        p = p * t + f32(c)
    q = np.full_like(t, f32(_LOG_Q[0]))
    for c in _LOG_Q[1:]:
        q = q * t + f32(c)
    return e * f32(np.log(2.0)) + (t * p) / q


def _hertz_to_mel(hertz):
    """HTK mel of float32 frequencies, in float32 as Keras computes it (a 0-d tensor's log
    is the C library's, which NumPy's float64 log rounded to float32 approximates)."""
    f32 = np.float32
    x = f32(1.0) + np.asarray(hertz, dtype=f32) / f32(_MEL_BREAK_FREQUENCY_HERTZ)
    log = _log_float32_tf(x) if np.ndim(x) else f32(np.log(np.float64(x)))
    return f32(_MEL_HIGH_FREQUENCY_Q) * log


@lru_cache(maxsize=32)
def _mel_matrix(num_mel_bins, num_spectrogram_bins, sampling_rate, lower, upper):
    # float32 throughout, as Keras builds it (float64 was up to 1.2e-5 away).
    f32 = np.float32
    nyquist = f32(sampling_rate) / f32(2.0)
    # HTK excludes the DC bin: its row stays zero.
    freqs = np.linspace(f32(0.0), nyquist, num_spectrogram_bins, dtype=f32)[1:]
    bins_mel = _hertz_to_mel(freqs)[:, np.newaxis]
    edges = np.linspace(_hertz_to_mel(lower), _hertz_to_mel(upper), num_mel_bins + 2, dtype=f32)
    lower_mel, center_mel, upper_mel = edges[:-2], edges[1:-1], edges[2:]
    with np.errstate(divide="ignore", invalid="ignore"):
        lower_slopes = (bins_mel - lower_mel) / (center_mel - lower_mel)
        upper_slopes = (upper_mel - bins_mel) / (upper_mel - center_mel)
    weights = np.maximum(f32(0.0), np.minimum(lower_slopes, upper_slopes))
    weights = np.pad(weights, ((1, 0), (0, 0))).astype(np.float32)
    weights.setflags(write=False)
    return weights


def linear_to_mel_weight_matrix(
    num_mel_bins: int = 20,
    num_spectrogram_bins: int = 129,
    sampling_rate: float = 8000,
    lower_edge_hertz: float = 125.0,
    upper_edge_hertz: float = 3800.0,
) -> np.ndarray:
    """Matrix warping a linear-frequency spectrum onto the mel scale (Keras / ``tf.signal``).

    ``num_spectrogram_bins`` bins linearly spaced on ``[0, sampling_rate / 2]`` are weighted
    into ``num_mel_bins`` triangular bands whose edges are equally spaced on the HTK mel scale
    ``mel(f) = 1127 ln(1 + f / 700)`` between ``lower_edge_hertz`` and ``upper_edge_hertz``;
    each triangle peaks at 1.0, and the DC bin gets no weight.

    Parameters
    ----------
    num_mel_bins : int, default=20
        Number of mel bands.
    num_spectrogram_bins : int, default=129
        Number of linear-frequency bins of the spectrum (``fft_length // 2 + 1``).
    sampling_rate : float, default=8000
        Sampling rate of the signal, in Hz.
    lower_edge_hertz : float, default=125.0
        Lower edge of the lowest band, in Hz.
    upper_edge_hertz : float, default=3800.0
        Upper edge of the highest band, in Hz.

    Returns
    -------
    weights : ndarray of shape (num_spectrogram_bins, num_mel_bins), float32 (read-only)
        Right-multiply a spectrum ``(..., num_spectrogram_bins)`` by it.

    Examples
    --------
    >>> W = linear_to_mel_weight_matrix(4, 9, 8000, 0.0, 4000.0)
    >>> W.shape
    (9, 4)
    >>> float(W.max()) <= 1.0, bool((W[0] == 0).all())
    (True, True)
    """
    check_output_size(
        (num_spectrogram_bins, num_mel_bins), np.float32, "mel filterbank (bins x mel bins)"
    )
    return _mel_matrix(
        int(num_mel_bins),
        int(num_spectrogram_bins),
        float(sampling_rate),
        float(lower_edge_hertz),
        float(upper_edge_hertz),
    )


def power_to_db(
    S,
    *,
    ref_power: float = 1.0,
    min_power: float = 1e-10,
    top_db: float | None = 80.0,
    axis=None,
) -> np.ndarray:
    """``10 log10(max(S, min_power) / max(|ref_power|, min_power))``, clipped ``top_db`` below
    the maximum.

    Parameters
    ----------
    S : array-like
        Power (or any magnitude) values.
    ref_power, min_power : float
        Reference and floor (Keras's ``MelSpectrogram`` arguments).
    top_db : float or None
        Values below ``max - top_db`` are raised to it; None disables the clip.
    axis : int, tuple of int or None
        Axes over which the maximum is taken (None: the whole array, as Keras does).

    Examples
    --------
    >>> power_to_db([1.0, 0.1, 1e-12], top_db=15.0)
    array([  0., -10., -15.], dtype=float32)
    """
    S = np.asarray(S, dtype=np.float32)
    out = np.float32(10.0) * np.log10(np.maximum(S, np.float32(min_power)))
    out -= np.float32(10.0 * np.log10(max(abs(float(ref_power)), float(min_power))))
    if top_db is not None and out.size:
        floor = np.max(out, axis=axis, keepdims=True) - np.float32(top_db)
        np.maximum(out, floor, out=out)
    return out


_to_db = power_to_db  # mel_spectrogram's ``power_to_db`` argument shadows the function

#: Batches with at least this many samples are split over the shared thread pool.
_MIN_PARALLEL = 1 << 18


def _mel_batch(
    x,
    *,
    fft_length,
    sequence_stride,
    sequence_length,
    window,
    sampling_rate,
    num_mel_bins,
    min_freq,
    max_freq,
    power_to_db,
    top_db,
    mag_exp,
    min_power,
    ref_power,
):
    """mel_spectrogram of a 2-D batch with resolved defaults (one chunk of the pool)."""
    real, imag = stft(x, sequence_length, sequence_stride, fft_length, window, center=True)
    spec = np.sqrt(real * real + imag * imag)
    if mag_exp == 2:
        spec *= spec
    elif mag_exp != 1:
        spec = np.power(spec, np.float32(mag_exp))
    n, n_frames, n_bins = spec.shape
    weights = linear_to_mel_weight_matrix(num_mel_bins, n_bins, sampling_rate, min_freq, max_freq)
    mel = (spec.reshape(n * n_frames, n_bins) @ weights).reshape(n, n_frames, num_mel_bins)
    mel = np.ascontiguousarray(mel.transpose(0, 2, 1))
    if power_to_db:
        mel = _to_db(mel, ref_power=ref_power, min_power=min_power, top_db=top_db, axis=(1, 2))
    return mel


def mel_spectrogram(
    x,
    *,
    fft_length: int = 2048,
    sequence_stride: int = 512,
    sequence_length: int | None = None,
    window="hann",
    sampling_rate: float = 16000,
    num_mel_bins: int = 128,
    min_freq: float = 20.0,
    max_freq: float | None = None,
    power_to_db: bool = True,
    top_db: float | None = 80.0,
    mag_exp: float = 2.0,
    min_power: float = 1e-10,
    ref_power: float = 1.0,
) -> np.ndarray:
    """Mel spectrogram of one clip ``(n_samples,)`` or a batch ``(n_clips, n_samples)``.

    Keras's ``MelSpectrogram``: centred :func:`stft`, ``|X| ** mag_exp``, the mel filterbank
    of :func:`linear_to_mel_weight_matrix`, then optionally :func:`power_to_db` -- with the
    ``top_db`` clip relative to each clip's own maximum.

    Parameters
    ----------
    x : array-like of shape (n_samples,) or (n_clips, n_samples)
        Audio signal(s).
    fft_length : int, default=2048
        FFT size (and default window length).
    sequence_stride : int, default=512
        Hop between frames, in samples.
    sequence_length : int or None, default=None
        Window length; None uses ``fft_length``.
    window : str, default="hann"
        ``"hann"`` or ``"hamming"`` (TensorFlow's windows).
    sampling_rate : float, default=16000
        Sampling rate, in Hz.
    num_mel_bins : int, default=128
        Number of mel bands.
    min_freq : float, default=20.0
        Lower edge of the mel bands, in Hz.
    max_freq : float or None, default=None
        Upper edge of the mel bands, in Hz; None is ``sampling_rate / 2``.
    power_to_db : bool, default=True
        Convert the mel power to decibels with :func:`power_to_db`.
    top_db : float or None, default=80.0
        Clip the decibels to ``top_db`` below each clip's maximum; None does not clip.
    mag_exp : float, default=2.0
        Exponent of the STFT magnitude (2 is power).
    min_power : float, default=1e-10
        Floor of the power before the logarithm.
    ref_power : float, default=1.0
        Reference power of 0 dB.

    Returns
    -------
    mel : ndarray of shape ([n_clips,] num_mel_bins, n_frames), float32
        ``n_frames = 1 + n_samples // sequence_stride`` for even ``fft_length``.

    Examples
    --------
    >>> import numpy as np
    >>> clip = np.sin(2 * np.pi * 440 * np.arange(8000) / 8000)
    >>> mel_spectrogram(clip, sampling_rate=8000, num_mel_bins=16, fft_length=256,
    ...                 sequence_stride=128).shape
    (16, 63)
    """
    x = np.asarray(x, dtype=np.float32)
    single = x.ndim == 1
    if single:
        x = x[np.newaxis]
    params = {
        "fft_length": fft_length,
        "sequence_stride": sequence_stride,
        "sequence_length": sequence_length or fft_length,
        "window": window,
        "sampling_rate": sampling_rate,
        "num_mel_bins": num_mel_bins,
        "min_freq": min_freq,
        "max_freq": max_freq or int(sampling_rate / 2),
        "power_to_db": power_to_db,
        "top_db": top_db,
        "mag_exp": mag_exp,
        "min_power": min_power,
        "ref_power": ref_power,
    }
    # Clips are independent (the top_db clip is per clip): large batches are split into one
    # chunk per core on the shared pool (the FFT and the BLAS product release the GIL).
    n_chunks = min(n_cores(), x.shape[0]) if x.size >= _MIN_PARALLEL else 1
    chunks = np.array_split(x, n_chunks) if n_chunks > 1 else [x]
    parts = run_all(lambda chunk: _mel_batch(chunk, **params), [(c,) for c in chunks])
    mel = parts[0] if len(parts) == 1 else np.concatenate(parts)
    return mel[0] if single else mel


# --------------------------------------------------------------------------------------------
# keras.layers.STFTSpectrogram
# --------------------------------------------------------------------------------------------


def default_fft_length(frame_length: int) -> int:
    """The smallest power of two ``>= frame_length`` (STFTSpectrogram's default).

    Parameters
    ----------
    frame_length : int
        Window length, in samples.

    Returns
    -------
    int

    Examples
    --------
    >>> default_fft_length(256), default_fft_length(400)
    (256, 512)
    """
    return 2 ** int(math.ceil(math.log2(frame_length)))


def get_stft_window(window, frame_length: int, periodic: bool = False):
    """STFTSpectrogram's window: a ``scipy.signal.get_window`` name (``periodic`` is its
    ``fftbins``), an array of ``frame_length`` values, or None; as float32.

    Parameters
    ----------
    window : str, array-like or None
        A ``scipy.signal.get_window`` name, ``frame_length`` values, or None (no window).
    frame_length : int
        Window length, in samples.
    periodic : bool, default=False
        Periodic window (``scipy``'s ``fftbins=True``).

    Returns
    -------
    ndarray of shape (frame_length,), float32, or None
    """
    if window is None:
        return None
    if isinstance(window, str):
        from scipy.signal import get_window

        check_output_size((frame_length,), np.float64, "STFT window (frame_length values)")
        try:
            win = get_window(window, frame_length, fftbins=periodic)
        except ValueError as exc:
            raise ValueError(
                f"Unknown `window` {window!r} for scipy.signal.get_window ({exc})."
            ) from None
        return np.asarray(win, dtype=np.float32)
    return _as_window(window, frame_length)


@lru_cache(maxsize=32)
def _kernels(frame_length, fft_length, window_key, scaling, periodic):
    window = window_key if not isinstance(window_key, tuple) else np.asarray(window_key)
    n_freq = fft_length // 2 + 1
    period = np.float32((n_freq - 1) * 2)
    freq = np.arange(n_freq, dtype=np.float32)[np.newaxis, :] / period
    time = np.arange(frame_length, dtype=np.float32)[:, np.newaxis]
    args = (np.float32(-2) * time) * freq * np.arccos(np.float32(-1))
    real, imag = np.cos(args), np.sin(args)
    win = get_stft_window(window, frame_length, periodic)
    if win is not None:
        win = win[:, np.newaxis]
        if scaling == "density":
            scale = np.sqrt(np.sum(np.square(win)))
        elif scaling == "spectrum":
            scale = np.sum(np.abs(win))
        else:
            scale = np.float32(1)
        real, imag = real * win / scale, imag * win / scale
    out = np.concatenate([real, imag], axis=1).astype(np.float32)
    out.setflags(write=False)
    return out


def stft_kernels(
    frame_length: int,
    fft_length: int,
    window="hann",
    scaling: str | None = "density",
    periodic: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Keras's STFT convolution kernels (``keras.initializers.STFT``), float32.

    ``cos`` and ``sin`` of ``-2 pi t k / P`` for ``t < frame_length``, ``k <= fft_length // 2``
    and ``P = 2 (fft_length // 2)``, times the window divided by its L2 norm
    (``"density"``) or L1 norm (``"spectrum"``). Computed in float32 exactly as Keras does,
    so the tiny float32 phase errors of Keras's kernels are reproduced too.

    Parameters
    ----------
    frame_length : int
        Window length, in samples.
    fft_length : int
        FFT size; ``fft_length // 2 + 1`` frequency bins.
    window : str, array-like or None, default="hann"
        See :func:`get_stft_window`.
    scaling : {"density", "spectrum"} or None, default="density"
        Divide the window by its L2 norm, its L1 norm, or not at all.
    periodic : bool, default=False
        Periodic window.

    Returns
    -------
    real, imag : ndarray of shape (frame_length, fft_length // 2 + 1), float32
    """
    key = window if window is None or isinstance(window, str) else tuple(np.ravel(window))
    both = _kernels(int(frame_length), int(fft_length), key, scaling, bool(periodic))
    n_freq = fft_length // 2 + 1
    return both[:, :n_freq], both[:, n_freq:]


def _conv_frames(x, frame_length, frame_step, padding):
    """Frames ``(..., n_frames, frame_length)`` of TF's strided 1-D convolution."""
    n = x.shape[-1]
    if padding == "same":
        n_out = -(-n // frame_step)
        total = max((n_out - 1) * frame_step + frame_length - n, 0)
        left = total // 2
        widths = [(0, 0)] * (x.ndim - 1) + [(left, total - left)]
        x = np.pad(x, widths)
    return frame(x, frame_length, frame_step)


def stft_spectrogram(
    x,
    *,
    mode: str = "log",
    frame_length: int = 256,
    frame_step: int | None = None,
    fft_length: int | None = None,
    window="hann",
    periodic: bool = False,
    scaling: str | None = "density",
    padding: str = "valid",
    expand_dims: bool = False,
    data_format: str = "channels_last",
) -> np.ndarray:
    """Keras's ``STFTSpectrogram`` on ``(batch, time, channels)`` (or channels-first) input.

    Each channel is correlated, every ``frame_step`` samples, with the kernels of
    :func:`stft_kernels` (TF ``"valid"`` or ``"same"`` padding); ``mode`` picks the output:
    ``"real"`` / ``"imag"`` parts, ``"stft"`` (both, real first along frequency), ``"angle"``
    (``arctan2(imag, real)``), ``"psd"`` (power, non-edge bins doubled), ``"magnitude"``
    (``sqrt(max(power, 1e-7))``) or ``"log"`` (its natural log, floored at ``1e-7``).

    Parameters
    ----------
    x : array-like of shape (batch, time, channels)
        Signals (``(batch, channels, time)`` with ``data_format="channels_first"``).
    mode : {"log", "magnitude", "psd", "real", "imag", "angle", "stft"}, default="log"
        What to return (see above).
    frame_length : int, default=256
        Window length, in samples.
    frame_step : int or None, default=None
        Hop between frames; None is ``frame_length // 2``.
    fft_length : int or None, default=None
        FFT size; None is :func:`default_fft_length` of ``frame_length``.
    window : str, array-like or None, default="hann"
        See :func:`get_stft_window`.
    periodic : bool, default=False
        Periodic window.
    scaling : {"density", "spectrum"} or None, default="density"
        Window normalisation (see :func:`stft_kernels`).
    padding : {"valid", "same"}, default="valid"
        TensorFlow's convolution padding.
    expand_dims : bool, default=False
        Keep frequency and channels as separate axes.
    data_format : {"channels_last", "channels_first"}, default="channels_last"
        Layout of ``x`` and of the output.

    Returns
    -------
    out : ndarray, float32
        ``(batch, frames, channels * freq)`` channels-last or ``(batch, channels * freq,
        frames)`` channels-first; with ``expand_dims`` ``(batch, frames, freq, channels)`` or
        ``(batch, channels, frames, freq)``. ``freq = fft_length // 2 + 1`` (twice that for
        ``"stft"``).

    Examples
    --------
    >>> import numpy as np
    >>> x = np.random.default_rng(0).normal(size=(2, 1000, 1))
    >>> stft_spectrogram(x, frame_length=64).shape
    (2, 30, 33)
    """
    x = np.asarray(x, dtype=np.float32)
    frame_step = frame_step or frame_length // 2
    fft_length = fft_length or default_fft_length(frame_length)
    if data_format == "channels_last":
        x = np.moveaxis(x, -1, 1)  # (b, c, t)
    b, c, n = x.shape
    n_freq = fft_length // 2 + 1
    # What frame_length / fft_length make skprep build: the kernels (L x 2F), the padded
    # signal ("same" pads up to L - 1 samples) and the output (b, c, T, 2F at most).
    n_frames = (
        -(-n // frame_step) if padding == "same" else max(n - frame_length, -1) // frame_step + 1
    )
    check_output_size((frame_length, 2 * n_freq), np.float32, "STFTSpectrogram kernels")
    check_output_size((b, c, n + frame_length), np.float32, "STFTSpectrogram padded signal")
    check_output_size((b, c, max(n_frames, 0), 2 * n_freq), np.float32, "STFTSpectrogram output")
    frames = _conv_frames(x, frame_length, frame_step, padding)  # (b, c, T, L)
    kernel = _kernels(
        int(frame_length),
        int(fft_length),
        window if window is None or isinstance(window, str) else tuple(np.ravel(window)),
        scaling,
        bool(periodic),
    )
    if mode == "real":
        kernel = kernel[:, :n_freq]
    elif mode == "imag":
        kernel = kernel[:, n_freq:]
    # Channels-last without expand_dims wants (b, T, c * F'): order the frames (b, T, c, L)
    # so the result lands in that layout without a transpose of the (larger) output.
    frames_last = data_format == "channels_last" and not expand_dims
    if frames_last:
        frames = frames.transpose(0, 2, 1, 3)
    # Clips are independent: large batches go over the shared pool, one chunk per core.
    n_chunks = min(n_cores(), b) if frames.size >= _MIN_PARALLEL else 1
    chunks = np.array_split(frames, n_chunks) if n_chunks > 1 else [frames]
    parts = run_all(lambda f: _stft_modes(f, kernel, n_freq, mode), [(f,) for f in chunks])
    out = parts[0] if len(parts) == 1 else np.concatenate(parts)
    if frames_last:  # already (b, T, c, F'): merging the last two axes is free
        return out.reshape(out.shape[0], out.shape[1], -1)
    return _layout(out, data_format, expand_dims)


def _stft_modes(frames, kernel, n_freq, mode):
    """Frames ``(..., L)`` -> the ``mode`` output ``(..., F')`` (any leading axes)."""
    lead, frame_length = frames.shape[:-1], frames.shape[-1]
    rows = frames.reshape(-1, frame_length)  # copies the strided view once
    if frames.size:
        spec = rows @ kernel
    else:
        spec = np.zeros((rows.shape[0], kernel.shape[1]), dtype=np.float32)
    spec = spec.reshape(*lead, kernel.shape[1])
    if mode in ("real", "imag", "stft"):
        out = spec
    else:
        real, imag = spec[..., :n_freq], spec[..., n_freq:]
        if mode == "angle":
            out = np.arctan2(imag, real)
        else:
            out = np.square(real)
            out += np.square(imag)
            if mode == "psd":
                out[..., 1:-1] *= np.float32(2)
            else:
                np.maximum(out, np.float32(_EPSILON), out=out)
                if mode == "magnitude":
                    np.sqrt(out, out=out)
                else:
                    # log(max(sqrt(max(p, eps)), eps)) == log(max(p, eps)) / 2: the outer
                    # floor never binds, since sqrt(1e-7) > 1e-7.
                    np.log(out, out=out)
                    out *= np.float32(0.5)
    return out


def _layout(out, data_format, expand_dims):
    b, c, t, f = out.shape
    if data_format == "channels_last":
        if expand_dims:
            out = out.transpose(0, 2, 3, 1)  # (b, T, F, C)
        else:
            out = out.transpose(0, 2, 1, 3).reshape(b, t, c * f)
    elif not expand_dims:
        out = out.transpose(0, 1, 3, 2).reshape(b, c * f, t)
    return np.ascontiguousarray(out, dtype=np.float32)
