"""Behaviour of the audio layers: shapes, layouts, dtypes, the functional kernels against
NumPy / SciPy references, statelessness, pipelines, and bad input."""

import pickle
import warnings

import numpy as np
import pytest
import scipy.signal
import scipy.sparse
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from skprep import Flatten, MelSpectrogram, STFTSpectrogram
from skprep.audio import functional as F

from ._data import chirp, noise

# ------------------------------------------------------------------------------------------
# Kernels against references
# ------------------------------------------------------------------------------------------


def test_frame_is_a_view_with_keras_frame_count():
    x = np.arange(20.0)
    frames = F.frame(x, 6, 4)
    assert frames.shape == (4, 6) and np.shares_memory(frames, x)
    np.testing.assert_array_equal(frames[:, 0], [0, 4, 8, 12])
    assert F.frame(x[:3], 6, 4).shape == (0, 6)


@pytest.mark.parametrize("name", ["hann", "hamming"])
@pytest.mark.parametrize("length", [1, 2, 7, 64, 400])
def test_tf_window_matches_scipy(name, length):
    # TensorFlow: periodic for even lengths only.
    expected = scipy.signal.get_window(name, length, fftbins=length % 2 == 0)
    if length == 1:
        expected = np.ones(1)
    np.testing.assert_allclose(F.tf_window(name, length), expected, atol=1e-6)


def test_stft_matches_scipy_stft(seed):
    x = noise((2, 1000), seed)
    real, imag = F.stft(x, 200, 50, 256, "hann", center=True)
    assert real.shape == (2, 1 + 1000 // 50, 129)
    padded = np.pad(x, ((0, 0), (128, 128)), mode="reflect")
    win = np.pad(scipy.signal.get_window("hann", 200), (28, 28))
    frames = np.lib.stride_tricks.sliding_window_view(padded, 256, axis=-1)[:, ::50]
    expected = np.fft.rfft(frames * win, axis=-1)
    np.testing.assert_allclose(real, expected.real, atol=2e-4)
    np.testing.assert_allclose(imag, expected.imag, atol=2e-4)


def test_mel_matrix_triangles():
    W = F.linear_to_mel_weight_matrix(10, 257, 16000, 20.0, 8000.0)
    assert W.shape == (257, 10) and W.dtype == np.float32
    assert not W.flags.writeable
    assert (W[0] == 0).all() and W.min() >= 0 and W.max() <= 1
    # Peaks move up in frequency band after band.
    assert (np.diff(W.argmax(axis=0)) > 0).all()


def test_mel_matrix_against_htk_formula():
    W = F.linear_to_mel_weight_matrix(4, 9, 8000, 0.0, 4000.0).astype(float)
    mel = lambda f: 1127.0 * np.log1p(f / 700.0)  # noqa: E731
    edges = np.linspace(mel(0.0), mel(4000.0), 6)
    bins = mel(np.linspace(0, 4000, 9))
    for m in range(4):
        lo, c, hi = edges[m : m + 3]
        tri = np.maximum(0, np.minimum((bins - lo) / (c - lo), (hi - bins) / (hi - c)))
        tri[0] = 0
        np.testing.assert_allclose(W[:, m], tri, atol=1e-6)


def test_power_to_db():
    out = F.power_to_db([[1.0, 1e-3], [100.0, 0.0]], ref_power=10.0, top_db=None)
    np.testing.assert_allclose(out, [[-10, -40], [10, -110]], atol=1e-4)
    out = F.power_to_db([[1.0, 1e-3], [100.0, 0.0]], top_db=25.0, axis=1)
    np.testing.assert_allclose(out, [[0, -25], [20, -5]], atol=1e-4)


@pytest.mark.parametrize("mode", F.STFT_MODES)
def test_stft_spectrogram_kernel_against_rfft(mode, seed):
    x = noise((2, 500, 1), seed)
    out = F.stft_spectrogram(x, mode=mode, frame_length=128, frame_step=64)
    win = scipy.signal.get_window("hann", 128, fftbins=False)
    frames = np.lib.stride_tricks.sliding_window_view(x[..., 0], 128, axis=-1)[:, ::64]
    spec = np.fft.rfft(frames * win / np.sqrt((win**2).sum()), axis=-1)
    power = np.abs(spec) ** 2
    expected = {
        "real": spec.real,
        "imag": spec.imag,
        "stft": np.concatenate([spec.real, spec.imag], axis=-1),
        "psd": power * np.r_[1, [2] * 63, 1],
        "magnitude": np.sqrt(np.maximum(power, 1e-7)),
        "log": np.log(np.sqrt(np.maximum(power, 1e-7))),
    }
    if mode == "angle":
        keep = power > 1e-6 * power.max()
        diff = np.angle(np.exp(1j * (out[keep] - np.angle(spec)[keep])))
        np.testing.assert_allclose(diff, 0, atol=1e-3)
    else:
        np.testing.assert_allclose(out, expected[mode], rtol=1e-3, atol=1e-4)


# ------------------------------------------------------------------------------------------
# Estimators: shapes, layouts, dtypes
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, n, frames",
    [
        ({}, 16000, 32),
        ({"sequence_stride": 256, "num_mel_bins": 64, "sampling_rate": 8000}, 16000, 63),
        ({"fft_length": 2048, "sequence_stride": 128, "num_mel_bins": 80}, 16000, 126),
        ({"fft_length": 255, "sequence_stride": 100}, 1001, 11),
    ],
)
def test_mel_shapes(kwargs, n, frames):
    layer = MelSpectrogram(**kwargs)
    mel_bins = kwargs.get("num_mel_bins", 128)
    x = noise((2, n))
    assert layer.transform(x).shape == (2, mel_bins, frames)
    assert layer.transform(x[0]).shape == (mel_bins, frames)


def test_mel_default_parameters_are_keras():
    assert MelSpectrogram().get_params() == {
        "fft_length": 2048,
        "sequence_stride": 512,
        "sequence_length": None,
        "window": "hann",
        "sampling_rate": 16000,
        "num_mel_bins": 128,
        "min_freq": 20.0,
        "max_freq": None,
        "power_to_db": True,
        "top_db": 80.0,
        "mag_exp": 2.0,
        "min_power": 1e-10,
        "ref_power": 1.0,
    }


def test_stft_default_parameters_are_keras():
    assert STFTSpectrogram().get_params() == {
        "mode": "log",
        "frame_length": 256,
        "frame_step": None,
        "fft_length": None,
        "window": "hann",
        "periodic": False,
        "scaling": "density",
        "padding": "valid",
        "expand_dims": False,
        "data_format": None,
    }


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.int16, np.int32])
def test_dtypes_compute_in_float32(dtype):
    x = (noise((2, 3000)) * 1000).astype(dtype)
    ref = (noise((2, 3000)) * 1000).astype(dtype).astype(np.float32)
    for layer in (MelSpectrogram(num_mel_bins=20), STFTSpectrogram(frame_length=64)):
        out = layer.transform(x)
        assert out.dtype == np.float32
        np.testing.assert_allclose(out, layer.transform(ref), rtol=1e-6)


def test_mel_chirp_peak_follows_frequency():
    rate = 8000
    mel = MelSpectrogram(256, sequence_stride=128, sampling_rate=rate, num_mel_bins=40)
    out = mel.transform(chirp(8000, rate))
    peaks = out.argmax(axis=0)[2:-2]
    assert (np.diff(peaks) >= -1).all() and peaks[-1] > peaks[0] + 20


def test_mel_top_db_and_none():
    x = chirp(4000)
    clipped = MelSpectrogram(256, sequence_stride=128, top_db=20.0).transform(x)
    assert clipped.max() - clipped.min() <= 20.0 + 1e-4
    free = MelSpectrogram(256, sequence_stride=128, top_db=None).transform(x)
    assert free.max() - free.min() > 20.0
    np.testing.assert_allclose(np.maximum(free, free.max() - 20), clipped, atol=1e-4)


def test_mel_rows_are_independent():
    x = noise((4, 3000))
    x[2] *= 1e-4
    layer = MelSpectrogram(512, sequence_stride=256, num_mel_bins=32)
    whole = layer.transform(x)
    for i in range(4):
        np.testing.assert_allclose(whole[i], layer.transform(x[i]), rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first", None])
@pytest.mark.parametrize("expand_dims", [False, True])
@pytest.mark.parametrize("mode", ["log", "stft"])
def test_stft_layouts(data_format, expand_dims, mode):
    x = noise((2, 1000, 3))
    cl = STFTSpectrogram(mode, frame_length=64, expand_dims=True).transform(x)  # (b, T, F, C)
    f = 33 * (2 if mode == "stft" else 1)
    assert cl.shape == (2, 30, f, 3)
    xin = x if data_format != "channels_first" else x.transpose(0, 2, 1)
    out = STFTSpectrogram(
        mode, frame_length=64, expand_dims=expand_dims, data_format=data_format
    ).transform(xin)
    if data_format != "channels_first":
        expected = cl if expand_dims else cl.transpose(0, 1, 3, 2).reshape(2, 30, 3 * f)
    else:
        expected = (
            cl.transpose(0, 3, 1, 2)
            if expand_dims
            else cl.transpose(0, 3, 2, 1).reshape(2, 3 * f, 30)
        )
    # Same numbers up to BLAS summation order (frames are multiplied in another row order).
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("data_format", ["channels_last", "channels_first"])
def test_stft_two_d_input_is_one_channel(data_format):
    x = noise((3, 800))
    three = x[:, :, None] if data_format == "channels_last" else x[:, None, :]
    layer = STFTSpectrogram("psd", frame_length=100, data_format=data_format)
    np.testing.assert_array_equal(layer.transform(x), layer.transform(three))


@pytest.mark.parametrize(
    "kwargs, n, frames, freq",
    [
        ({}, 16000, 124, 129),
        ({"frame_length": 256, "frame_step": 128, "fft_length": 512}, 160000, 1249, 257),
        ({"frame_length": 256, "frame_step": 128, "padding": "same"}, 160000, 1250, 129),
        ({"frame_length": 100}, 1000, 19, 65),
        ({"frame_length": 100, "padding": "same", "frame_step": 33}, 1000, 31, 65),
    ],
)
def test_stft_shapes(kwargs, n, frames, freq):
    x = np.zeros((1, n, 1), dtype=np.float32)
    assert STFTSpectrogram(**kwargs).transform(x).shape == (1, frames, freq)


@pytest.mark.parametrize("window", ["hann", "hamming", "blackman", "boxcar", None])
@pytest.mark.parametrize("scaling", ["density", "spectrum", None])
def test_stft_window_scaling_periodic(window, scaling):
    x = noise((1, 600, 1))
    for periodic in (False, True):
        out = STFTSpectrogram(
            "magnitude", frame_length=64, window=window, scaling=scaling, periodic=periodic
        ).transform(x)
        assert np.isfinite(out).all()
    if window is not None:
        custom = scipy.signal.get_window(window, 64, fftbins=True)
        a = STFTSpectrogram("real", frame_length=64, window=custom, scaling=scaling)
        b = STFTSpectrogram("real", frame_length=64, window=window, scaling=scaling, periodic=True)
        np.testing.assert_allclose(a.transform(x), b.transform(x), rtol=1e-5, atol=1e-6)


def test_stft_odd_fft_and_frame_longer_than_period():
    # fft_length 129 -> 65 bins with period 128 (Keras's kernel); frame_length 129 wraps.
    x = noise((1, 1000, 1))
    with pytest.warns(UserWarning, match="power of two"):
        out = STFTSpectrogram("real", frame_length=129, fft_length=129, window=None).transform(x)
    frames = F.frame(x[0, :, 0], 129, 64)
    folded = frames[:, :128].copy()
    folded[:, 0] += frames[:, 128]
    np.testing.assert_allclose(out[0], np.fft.rfft(folded, axis=-1).real, atol=2e-4)


# ------------------------------------------------------------------------------------------
# Estimator contract
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "layer", [MelSpectrogram(256, sequence_stride=128, num_mel_bins=16), STFTSpectrogram()]
)
def test_stateless_and_picklable(layer):
    x = noise((2, 2000))
    a = layer.transform(x)  # no fit needed
    assert layer.fit(x) is layer
    np.testing.assert_array_equal(a, layer.fit_transform(x))
    np.testing.assert_array_equal(a, pickle.loads(pickle.dumps(layer)).transform(x))
    np.testing.assert_array_equal(a, clone(layer).transform(x))
    assert layer.__sklearn_tags__().requires_fit is False


def test_pipeline_with_flatten_and_classifier():
    rate = 8000
    t = np.arange(4000) / rate
    rng = np.random.default_rng(0)
    freqs = rng.choice([300.0, 1200.0], size=40)
    X = np.sin(2 * np.pi * freqs[:, None] * t) + 0.5 * rng.normal(size=(40, 4000))
    y = (freqs > 500).astype(int)
    for spec in (
        MelSpectrogram(512, sequence_stride=256, sampling_rate=rate, num_mel_bins=24),
        STFTSpectrogram(frame_length=128, frame_step=128),
    ):
        model = make_pipeline(spec, Flatten(), LogisticRegression(max_iter=500))
        assert model.fit(X[:30], y[:30]).score(X[30:], y[30:]) == 1.0


# ------------------------------------------------------------------------------------------
# Bad input and bad parameters
# ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("layer", [MelSpectrogram(256), STFTSpectrogram()])
@pytest.mark.parametrize(
    "X, error, match",
    [
        (np.array([["a"] * 600]), TypeError, "numeric audio"),
        (np.ones((2, 600), dtype=bool), TypeError, "numeric audio"),
        (np.ones((2, 600), dtype=complex), TypeError, "numeric audio"),
        (np.zeros((0, 600)), ValueError, "empty"),
        (scipy.sparse.csr_matrix(np.ones((2, 600))), TypeError, "does not support sparse"),
        (np.zeros((1, 2, 3, 600)), ValueError, "expects"),
    ],
)
def test_bad_input(layer, X, error, match):
    with pytest.raises(error, match=match):
        layer.transform(X)


@pytest.mark.parametrize("layer", [MelSpectrogram(256), STFTSpectrogram()])
@pytest.mark.parametrize("value", [np.nan, np.inf, -np.inf])
def test_non_finite_input_raises(layer, value):
    x = noise((2, 600))
    x[1, 17] = value
    with pytest.raises(ValueError, match=r"NaN or infinity \(1 values, first at index \(1, 17\)"):
        layer.transform(x)


def test_rank_errors():
    with pytest.raises(ValueError, match=r"one clip \(n_samples,\)"):
        MelSpectrogram().transform(np.zeros((2, 3000, 1)))
    with pytest.raises(ValueError, match=r"\(n_clips, n_samples, channels\)"):
        STFTSpectrogram().transform(np.zeros(3000))


def test_too_short_clips():
    with pytest.raises(ValueError, match="longer than fft_length // 2 = 1024"):
        MelSpectrogram().transform(np.zeros((2, 1024)))
    with pytest.raises(ValueError, match="at least frame_length=256"):
        STFTSpectrogram().transform(np.zeros((2, 255)))
    assert STFTSpectrogram(padding="same").transform(np.zeros((2, 10))).shape == (2, 1, 129)


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"fft_length": 256, "sequence_length": 300}, "`fft_length` must be greater"),
        ({"window": "blackman"}, "'window' parameter"),
        ({"window": np.ones(7)}, "custom `window` must be 2048"),
        ({"min_freq": 9000.0}, "`min_freq` must be below `max_freq`"),
        ({"min_freq": 500.0, "max_freq": 400.0}, "`min_freq` must be below"),
        ({"fft_length": 0}, "'fft_length' parameter"),
        ({"sequence_stride": 0}, "'sequence_stride' parameter"),
        ({"num_mel_bins": 0}, "'num_mel_bins' parameter"),
        ({"sampling_rate": -1}, "'sampling_rate' parameter"),
        ({"min_power": 0.0}, "'min_power' parameter"),
        ({"top_db": -1.0}, "'top_db' parameter"),
        ({"power_to_db": "yes"}, "'power_to_db' parameter"),
    ],
)
def test_mel_bad_parameters(kwargs, match):
    layer = MelSpectrogram(**kwargs)
    with pytest.raises(ValueError, match=match):
        layer.fit(noise((1, 3000)))
    with pytest.raises(ValueError, match=match):
        layer.transform(noise((1, 3000)))


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"mode": "power"}, "'mode' parameter"),
        ({"frame_step": 300}, "`frame_step` should be a positive integer not greater"),
        ({"frame_step": 0}, "'frame_step' parameter"),
        ({"fft_length": 128}, "`fft_length` should be not less than `frame_length`"),
        ({"scaling": "l2"}, "'scaling' parameter"),
        ({"padding": "causal"}, "'padding' parameter"),
        ({"window": "no_such_window"}, "Unknown `window` 'no_such_window'"),
        ({"window": np.ones(10)}, r"The shape of `window` must be equal to \[256\]"),
        ({"window": ["a"] * 256}, "custom `window` must be numbers"),
        ({"data_format": "NCW"}, "'data_format' parameter"),
        ({"frame_length": 1}, "default `frame_step`"),
        ({"frame_length": 1, "frame_step": 1}, "`fft_length` must be at least 2"),
    ],
)
def test_stft_bad_parameters(kwargs, match):
    layer = STFTSpectrogram(**kwargs)
    with pytest.raises(ValueError, match=match):
        layer.transform(noise((1, 3000)))


def test_stft_power_of_two_warning():
    with pytest.warns(UserWarning, match="power of two"):
        STFTSpectrogram(frame_length=100, fft_length=120).transform(noise((1, 500)))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        STFTSpectrogram(frame_length=100, fft_length=128).transform(noise((1, 500)))


def test_mel_large_batch_chunks_agree_with_clip_by_clip():
    # 20 x 16000 samples is above the threshold that splits the batch over the thread pool.
    x = noise((20, 16000))
    x[::3] *= 1e-3
    layer = MelSpectrogram(num_mel_bins=32)
    whole = layer.transform(x)
    for i in (0, 7, 19):
        np.testing.assert_allclose(whole[i], layer.transform(x[i]), rtol=1e-6, atol=1e-5)


def test_pandas_and_list_input():
    pd = pytest.importorskip("pandas")
    x = noise((3, 3000))
    layer = MelSpectrogram(512, sequence_stride=256, num_mel_bins=16)
    expected = layer.transform(x)
    np.testing.assert_array_equal(layer.transform(pd.DataFrame(x)), expected)
    np.testing.assert_array_equal(layer.transform(x.tolist()), expected)
