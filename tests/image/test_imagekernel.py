"""The optional compiled image kernels (``skprep.image._imagekernel``) against the NumPy
kernels they replace: bit-identical results over random shapes and parameters, and the
fallback when the kernels are absent or disabled (``SKPREP_NO_C=1``)."""

import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skprep.image.functional import _affine, _ckernel, affine_transform

pytest.importorskip("skprep.image._imagekernel")
if _ckernel.kernel is None:  # built, but disabled by SKPREP_NO_C
    pytest.skip("compiled image kernels disabled", allow_module_level=True)

FILL_MODES = ("reflect", "wrap", "constant", "nearest")


def both(monkeypatch, fn, *args, **kwargs):
    """``fn(*args, **kwargs)`` with the compiled kernels, then with the NumPy kernels."""
    compiled = fn(*args, **kwargs)
    with monkeypatch.context() as m:
        m.setattr(_ckernel, "kernel", None)
        reference = fn(*args, **kwargs)
    return compiled, reference


def assert_identical(a, b):
    assert a.dtype == b.dtype and a.shape == b.shape
    np.testing.assert_array_equal(a, b)  # NaN == NaN, values bit for bit (up to the sign of 0)


def images(rng, n, h, w, c, dtype):
    if dtype == "uint8":
        return rng.integers(0, 256, (n, h, w, c), dtype=np.uint8)
    x = rng.uniform(-10, 265, (n, h, w, c))
    return x.astype(dtype)


_shapes = st.tuples(
    st.integers(1, 5), st.integers(1, 40), st.integers(1, 40), st.sampled_from([1, 2, 3, 4])
)
_dtypes = st.sampled_from(["float32", "uint8", "float64", "int16"])


def _transforms(rng, n, kind, h, w):
    t = np.zeros((n, 8), np.float32)
    t[:, 0] = t[:, 4] = 1
    if kind in ("separable", "general", "projective"):
        t[:, 0] = rng.uniform(0.3, 2.5, n)
        t[:, 4] = rng.uniform(0.3, 2.5, n)
        t[:, 2] = rng.uniform(-2 * w, 2 * w, n)
        t[:, 5] = rng.uniform(-2 * h, 2 * h, n)
    if kind in ("general", "projective"):
        t[:, 1] = rng.uniform(-1.5, 1.5, n)
        t[:, 3] = rng.uniform(-1.5, 1.5, n)
    if kind == "projective":
        t[:, 6] = rng.uniform(-0.05, 0.05, n)
        t[:, 7] = rng.uniform(-0.05, 0.05, n)
    if kind == "integral":  # shifts by whole and half pixels: ties in rounding, exact zeros
        t[:, 2] = rng.integers(-2 * w, 2 * w, n) / 2
        t[:, 5] = rng.integers(-2 * h, 2 * h, n) / 2
    return t


@settings(max_examples=60, deadline=None)
@given(
    shape=_shapes,
    dtype=_dtypes,
    kind=st.sampled_from(["identity", "integral", "separable", "general", "projective"]),
    interpolation=st.sampled_from(["bilinear", "nearest"]),
    fill_mode=st.sampled_from(FILL_MODES),
    fill_value=st.sampled_from([0.0, -1.5, 300.0]),
    seed=st.integers(0, 2**16),
)
def test_affine_matches_numpy(shape, dtype, kind, interpolation, fill_mode, fill_value, seed):
    rng = np.random.default_rng(seed)
    n, h, w, c = shape
    x = images(rng, n, h, w, c, dtype)
    t = _transforms(rng, n, kind, h, w)
    with pytest.MonkeyPatch.context() as mp:
        a, b = both(mp, affine_transform, x, t, interpolation, fill_mode, fill_value)
    assert_identical(a, b)


def test_affine_projective_zero_and_infinite_points_match_numpy(monkeypatch):
    # k = 1 - x / 4 is 0 on column 4 (fill) and tiny around it (points far away)
    x = np.random.default_rng(0).uniform(0, 255, (2, 6, 9, 3)).astype(np.float32)
    t = np.array([[1, 0, 0, 0, 1, 0, -0.25, 0], [1, 0.5, 1, 0, 1, 0, 0, -1 / 3]], np.float32)
    for mode in FILL_MODES:
        for interpolation in ("bilinear", "nearest"):
            a, b = both(monkeypatch, affine_transform, x, t, interpolation, mode, 7.0)
            assert_identical(a, b)


def test_affine_large_batch_runs_threaded_and_matches_numpy(monkeypatch):
    rng = np.random.default_rng(1)
    x = images(rng, 12, 64, 80, 3, "uint8")
    t = np.concatenate(
        [_transforms(rng, 6, "general", 64, 80), _transforms(rng, 6, "separable", 64, 80)]
    )
    monkeypatch.setattr(_ckernel, "_MIN_PARALLEL", 1)
    a, b = both(monkeypatch, affine_transform, x, t)
    assert_identical(a, b)


def test_geometry_layer_reads_uint8_without_float_copy_same_result(monkeypatch):
    from skprep import RandomRotation

    x = np.random.default_rng(2).integers(0, 256, (4, 30, 20, 3), dtype=np.uint8)
    a = RandomRotation(0.2, random_state=0).fit_transform(x)
    b = RandomRotation(0.2, random_state=0).fit_transform(x.astype(np.float32))
    assert a.dtype == np.float32
    assert_identical(a, b)


def test_affine_kernel_rejects_short_buffers():
    x = np.zeros((2, 4, 4, 3), np.float32)
    with pytest.raises(ValueError, match="buffer too small"):
        _ckernel.kernel.affine(
            x,
            False,
            np.empty(3, np.float32),
            np.zeros((2, 8), np.float32),
            0,
            2,
            4,
            4,
            3,
            False,
            0,
            0.0,
        )


def test_no_c_environment_variable_disables_the_kernels():
    code = "from skprep.image.functional import _ckernel; print(_ckernel.kernel is None)"
    env = dict(os.environ, SKPREP_NO_C="1")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "True", out.stderr


def test_affine_numpy_internals_still_importable():
    # the NumPy kernels remain the fallback: keep them reachable
    assert callable(_affine._warp_general) and callable(_affine._warp_separable)


@settings(max_examples=80, deadline=None)
@given(
    shape=_shapes,
    dtype=_dtypes,
    size=st.tuples(st.integers(1, 50), st.integers(1, 50)),
    interpolation=st.sampled_from(["bilinear", "bicubic", "area", "lanczos3", "lanczos5"]),
    antialias=st.booleans(),
    uint8_out=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_resize_matches_numpy(shape, dtype, size, interpolation, antialias, uint8_out, seed):
    from skprep.image.functional._resize import _resize

    n, h, w, c = shape
    x = images(np.random.default_rng(seed), n, h, w, c, dtype)
    with pytest.MonkeyPatch.context() as mp:
        a, b = both(mp, _resize, x, size, interpolation, antialias, uint8_out=uint8_out)
    assert a.dtype == (np.uint8 if uint8_out and dtype == "uint8" else np.float32)
    assert_identical(a, b)


@pytest.mark.parametrize("dtype", ["uint8", "float32", "int32"])
def test_resizing_layer_matches_numpy_on_a_large_threaded_batch(monkeypatch, dtype):
    from skprep import Resizing

    x = images(np.random.default_rng(3), 9, 70, 90, 3, dtype)
    monkeypatch.setattr(_ckernel, "_MIN_PARALLEL", 1)
    a, b = both(monkeypatch, Resizing(33, 121).transform, x)
    assert a.dtype == np.dtype(dtype)
    assert_identical(a, b)


def test_uint8_cast_rounds_half_to_even_and_saturates(monkeypatch):
    # 1 x 2 -> 1 x 3 bilinear of [0, 5]: samples -1/6, 0.5, 7/6 of the way: 0, 2.5, 5 -> 0, 2, 5
    from skprep import Resizing

    x = np.array([0, 5, 255, 254], np.uint8).reshape(1, 1, 4, 1)
    a, b = both(monkeypatch, Resizing(1, 8).transform, x)
    assert_identical(a, b)
    assert a.dtype == np.uint8


@settings(max_examples=80, deadline=None)
@given(
    shape=_shapes,
    dtype=_dtypes,
    kernel_size=st.tuples(st.sampled_from([1, 3, 5, 7, 9]), st.sampled_from([1, 3, 5, 7, 9])),
    value_range=st.sampled_from([None, (0, 255), (10.5, 100.25)]),
    uint8_out=st.booleans(),
    seed=st.integers(0, 2**16),
)
def test_gaussian_blur_matches_numpy(shape, dtype, kernel_size, value_range, uint8_out, seed):
    from skprep.image.functional._pointwise import _gaussian_blur

    n, h, w, c = shape
    rng = np.random.default_rng(seed)
    x = images(rng, n, h, w, c, dtype)
    sigma = rng.uniform(0.1, 4.0, (n, 2))
    with pytest.MonkeyPatch.context() as mp:
        a, b = both(mp, _gaussian_blur, x, sigma, kernel_size, value_range, uint8_out=uint8_out)
    if uint8_out and dtype == "uint8":
        from skprep.image._base import cast_back

        b = cast_back(b, np.uint8)
    assert_identical(a, b)


def test_gaussian_blur_keeps_nan_like_numpy(monkeypatch):
    from skprep.image.functional import gaussian_blur

    x = np.zeros((1, 5, 6, 3), np.float32)
    x[0, 2, 3, 1] = np.nan
    a, b = both(monkeypatch, gaussian_blur, x, 1.0, 3, (0, 255))
    assert np.isnan(a).sum() == 9
    assert_identical(a, b)


@pytest.mark.parametrize("dtype", ["uint8", "float32", "int16"])
def test_random_gaussian_blur_layer_matches_numpy(monkeypatch, dtype):
    from skprep import RandomGaussianBlur

    x = images(np.random.default_rng(4), 10, 40, 50, 3, dtype)
    monkeypatch.setattr(_ckernel, "_MIN_PARALLEL", 1)
    for factor in (1.0, 0.5):
        layer = RandomGaussianBlur(factor=factor, kernel_size=(3, 5), sigma=(0.5, 2.0))
        a, b = both(monkeypatch, layer.set_params(random_state=0).fit_transform, x)
        assert a.dtype == (np.float32 if dtype == "float32" else np.dtype(dtype))
        assert_identical(a, b)


@settings(max_examples=40, deadline=None)
@given(shape=_shapes, dtype=_dtypes, seed=st.integers(0, 2**16))
def test_flip_and_crop_layers_match_numpy(shape, dtype, seed):
    from skprep import RandomCrop, RandomFlip

    n, h, w, c = shape
    rng = np.random.default_rng(seed)
    x = images(rng, n, h, w, c, dtype)
    crop_h, crop_w = int(rng.integers(1, h + 1)), int(rng.integers(1, w + 1))
    for layer in (
        RandomFlip(random_state=seed),
        RandomFlip("horizontal", random_state=seed),
        RandomCrop(crop_h, crop_w, random_state=seed),
    ):
        with pytest.MonkeyPatch.context() as mp:
            a, b = both(mp, lambda X, layer=layer: layer.fit_transform(X), x)
        assert a.dtype == np.float32
        assert_identical(a, b)


def test_window_kernel_rejects_windows_outside_the_image():
    x = np.zeros((1, 4, 4, 3), np.float32)
    with pytest.raises(ValueError, match="outside"):
        _ckernel.window_float32(x, 2, 0, 3, 4, False, False)


@settings(max_examples=40, deadline=None)
@given(
    shape=_shapes,
    factor=st.sampled_from([0.3, (0.0, 1.0), (1.0, 4.0)]),
    value_range=st.sampled_from([(0, 255), (20, 200.5), (-10, 300)]),
    seed=st.integers(0, 2**16),
)
def test_contrast_uint8_tables_match_numpy(shape, factor, value_range, seed):
    from skprep import RandomContrast

    x = images(np.random.default_rng(seed), *shape, "uint8")
    layer = RandomContrast(factor, value_range=value_range, random_state=seed)
    with pytest.MonkeyPatch.context() as mp:
        a, b = both(mp, layer.fit_transform, x)
    assert a.dtype == np.uint8
    assert_identical(a, b)


@settings(max_examples=30, deadline=None)
@given(
    shape=_shapes,
    factor=st.sampled_from([0.5, (-1.0, 1.0), (0.2, 0.9)]),
    value_range=st.sampled_from([(0, 255), (20, 200.5), (-10, 300)]),
    seed=st.integers(0, 2**16),
)
def test_brightness_uint8_tables_match_numpy(shape, factor, value_range, seed):
    from skprep import RandomBrightness

    x = images(np.random.default_rng(seed), *shape, "uint8")
    layer = RandomBrightness(factor, value_range=value_range, random_state=seed)
    with pytest.MonkeyPatch.context() as mp:
        a, b = both(mp, layer.fit_transform, x)
    assert a.dtype == np.uint8
    assert_identical(a, b)


def test_contrast_uint8_means_are_exact_on_the_largest_table_images(monkeypatch):
    # 256 x 256 pixels of 255: channel sums of 2^24 - 2^16, exact as float32
    from skprep import RandomContrast

    x = np.full((2, 256, 256, 3), 255, np.uint8)
    x[0, 0, 0] = 0
    a, b = both(monkeypatch, RandomContrast((0.5, 0.5), random_state=0).fit_transform, x)
    assert_identical(a, b)


@pytest.mark.parametrize("busy", [False, True])
def test_run_images_keeps_short_calls_on_one_thread_when_busy(monkeypatch, busy):
    monkeypatch.setattr(_ckernel, "_MIN_PARALLEL", 1)
    monkeypatch.setattr(_ckernel, "_busy", lambda: busy)
    monkeypatch.setattr(_ckernel, "n_cores", lambda: 2)
    for ns_per_value, split in ((1e-3, not busy), (1e9, True)):
        calls = []
        _ckernel.run_images(lambda a, b, calls=calls: calls.append((a, b)), 16, 100, ns_per_value)
        assert sorted(calls)[0][0] == 0 and max(b for _, b in calls) == 16
        assert sum(b - a for a, b in calls) == 16  # every image exactly once
        assert (len(calls) > 1) == split
