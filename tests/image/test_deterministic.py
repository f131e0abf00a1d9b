"""Behaviour of Resizing, CenterCrop, Flatten and the deterministic kernels."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.exceptions import NotFittedError

from skprep import CenterCrop, Flatten, Resizing
from skprep.image.functional import center_crop, crop, flip, pad, resize


@pytest.fixture
def images():
    return np.random.RandomState(0).uniform(0, 255, size=(3, 7, 9, 3)).astype(np.float32)


# ---------------------------------------------------------------------------- Resizing


def test_resizing_spec_examples():
    ramp = np.arange(24, dtype=np.float32).reshape(1, 4, 6, 1)
    up = Resizing(8, 12).transform(ramp)[0, 0, :, 0]
    np.testing.assert_allclose(up[:3], [0, 0.25, 0.75])
    np.testing.assert_allclose(up[-2:], [4.75, 5])
    padded = Resizing(4, 12, pad_to_aspect_ratio=True, fill_value=-1).transform(ramp)
    assert padded.shape == (1, 4, 12, 1)


@pytest.mark.parametrize(
    "dtype, expected",
    [
        (np.uint8, np.uint8),
        (np.int16, np.int16),
        (np.int64, np.int64),
        (np.float16, np.float32),
        (np.float32, np.float32),
        (np.float64, np.float32),
    ],
)
@pytest.mark.parametrize("interpolation", ["bilinear", "nearest", "bicubic"])
def test_resizing_output_dtype(dtype, expected, interpolation):
    x = np.random.RandomState(0).randint(0, 200, size=(2, 5, 6, 1)).astype(dtype)
    out = Resizing(3, 8, interpolation=interpolation).transform(x)
    assert out.dtype == expected
    if np.dtype(dtype).kind in "iu":
        # Rounded and within the input's range (bicubic may overshoot; saturated to dtype).
        assert out.min() >= np.iinfo(dtype).min


def test_resizing_uint8_saturates():
    x = np.zeros((1, 4, 4, 1), np.uint8)
    x[0, 1:3, 1:3] = 255
    out = Resizing(7, 7, interpolation="bicubic").transform(x)
    assert out.dtype == np.uint8
    ref = resize(x, (7, 7), "bicubic")
    assert ref.max() > 255 or ref.min() < 0  # bicubic overshoots ...
    np.testing.assert_array_equal(out, np.clip(np.rint(ref), 0, 255))  # ... saturated


def test_resizing_channels_first_and_batch_of_one(images):
    est = Resizing(4, 5, interpolation="bicubic")
    expected = est.transform(images)
    cf = Resizing(4, 5, interpolation="bicubic", data_format="channels_first")
    out = cf.transform(np.transpose(images, (0, 3, 1, 2)))
    np.testing.assert_array_equal(np.transpose(out, (0, 2, 3, 1)), expected)
    np.testing.assert_array_equal(est.transform(images[1:2])[0], expected[1])


def test_resizing_same_size_is_identity(images):
    for method in ("bilinear", "nearest", "bicubic", "area"):
        np.testing.assert_array_equal(
            Resizing(7, 9, interpolation=method).transform(images), images
        )


def test_resizing_works_without_fit_and_fit_transform_agrees(images):
    est = Resizing(3, 3)
    np.testing.assert_array_equal(est.transform(images), est.fit_transform(images))


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"height": 0, "width": 3}, ValueError, "height"),
        ({"height": 3, "width": -1}, ValueError, "width"),
        ({"height": 2.5, "width": 3}, ValueError, "height"),
        ({"height": 3, "width": 3, "interpolation": "cubic"}, ValueError, "interpolation"),
        ({"height": 3, "width": 3, "fill_mode": "reflect"}, ValueError, "fill_mode"),
        ({"height": 3, "width": 3, "data_format": "nchw"}, ValueError, "data_format"),
        (
            {"height": 3, "width": 3, "crop_to_aspect_ratio": True, "pad_to_aspect_ratio": True},
            ValueError,
            "Only one of",
        ),
    ],
)
def test_resizing_bad_parameters(images, kwargs, error, match):
    with pytest.raises(error, match=match):
        Resizing(**kwargs).fit(images)
    with pytest.raises(error, match=match):
        Resizing(**kwargs).transform(images)


@pytest.mark.parametrize("shape", [(10, 4), (2, 3, 4, 5, 1), (5,)])
def test_image_layers_refuse_other_ranks(shape):
    for est in (Resizing(2, 2), CenterCrop(2, 2)):
        with pytest.raises(ValueError, match=r"rank 4 \(n, h, w, c\) or rank 3 \(n, h, w\)"):
            est.transform(np.zeros(shape))


def test_image_layers_refuse_non_numeric():
    with pytest.raises(TypeError, match="integers or floats"):
        Resizing(2, 2).transform(np.full((1, 2, 2, 1), "a"))
    with pytest.raises(TypeError, match="integers or floats"):
        CenterCrop(1, 1).transform(np.zeros((1, 2, 2, 1), dtype=bool))


def test_resize_kernel_bad_arguments(images):
    with pytest.raises(ValueError, match="size"):
        resize(images, (0, 3))
    with pytest.raises(ValueError, match="size"):
        resize(images, (3,))
    with pytest.raises(ValueError, match="interpolation"):
        resize(images, (3, 3), "linear")
    with pytest.raises(ValueError, match="Only one of"):
        resize(images, (3, 3), crop_to_aspect_ratio=True, pad_to_aspect_ratio=True)


@settings(max_examples=25, deadline=None)
@given(
    h=st.integers(1, 12),
    w=st.integers(1, 12),
    oh=st.integers(1, 12),
    ow=st.integers(1, 12),
    method=st.sampled_from(["bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5"]),
    antialias=st.booleans(),
)
def test_resize_of_constant_image_is_constant(h, w, oh, ow, method, antialias):
    # Every kernel's weights sum to one: a flat image stays flat.
    x = np.full((2, h, w, 3), 37.5, np.float32)
    out = resize(x, (oh, ow), method, antialias)
    assert out.shape == (2, oh, ow, 3)
    np.testing.assert_allclose(out, 37.5, rtol=1e-5)


# ---------------------------------------------------------------------------- CenterCrop


def test_center_crop_large_and_small():
    x = np.arange(24, dtype=np.float32).reshape(1, 4, 6, 1)
    np.testing.assert_array_equal(CenterCrop(3, 3).transform(x)[0, :, :, 0], x[0, 0:3, 1:4, 0])
    # Smaller than the target on one side: column 2 only, upsampled (Keras's rule).
    out = CenterCrop(8, 3).transform(x)
    assert out.shape == (1, 8, 3, 1)
    np.testing.assert_allclose(out[0, :, 0, 0], out[0, :, 2, 0])
    assert set(np.unique(out)) <= set(np.linspace(2, 20, 73).tolist())


def test_center_crop_dtype_and_errors():
    x = np.zeros((2, 5, 5, 1), np.uint8)
    assert CenterCrop(3, 3).transform(x).dtype == np.float32
    with pytest.raises(ValueError, match="height"):
        CenterCrop(0, 2).fit(x)


# ---------------------------------------------------------------------------- kernels


def test_crop_kernel_per_image_and_errors():
    x = np.arange(2 * 4 * 4).reshape(2, 4, 4, 1)
    out = crop(x, [0, 2], [1, 0], 2, 2)
    np.testing.assert_array_equal(out[0], x[0, 0:2, 1:3])
    np.testing.assert_array_equal(out[1], x[1, 2:4, 0:2])
    with pytest.raises(ValueError, match="does not fit"):
        crop(x, 3, 0, 2, 2)
    with pytest.raises(ValueError, match="positive"):
        crop(x, 0, 0, 0, 2)


def test_pad_kernel():
    x = np.ones((1, 2, 2, 1), np.uint8)
    out = pad(x, 1, 1, 0, 2, fill_value=7)
    assert out.dtype == np.uint8 and out.shape == (1, 4, 4, 1)
    assert pad(x, 1, 0, 0, 0, fill_value=0.5).dtype == np.float32
    with pytest.raises(ValueError, match="non-negative"):
        pad(x, -1, 0, 0, 0)


@pytest.mark.parametrize("size", [(3, 4), (40, 40)])  # small-image and large-image paths
def test_flip_kernel(size):
    x = np.random.RandomState(0).rand(4, *size, 2)
    h = np.array([True, False, True, False])
    v = np.array([False, False, True, True])
    out = flip(x, h, v)
    np.testing.assert_array_equal(out[0], x[0, :, ::-1])
    np.testing.assert_array_equal(out[1], x[1])
    np.testing.assert_array_equal(out[2], x[2, ::-1, ::-1])
    np.testing.assert_array_equal(out[3], x[3, ::-1])
    np.testing.assert_array_equal(flip(out, h, v), x)


def test_center_crop_kernel_equals_layer(images):
    np.testing.assert_array_equal(center_crop(images, 5, 4), CenterCrop(5, 4).transform(images))


# ---------------------------------------------------------------------------- Flatten


def test_flatten_round_trip(images):
    est = Flatten().fit(images)
    flat = est.transform(images)
    assert flat.shape == (3, 7 * 9 * 3)
    np.testing.assert_array_equal(flat, images.reshape(3, -1))
    np.testing.assert_array_equal(est.inverse_transform(flat), images)
    assert est.get_feature_names_out().shape == (7 * 9 * 3,)


def test_flatten_channels_first(images):
    cf = np.transpose(images, (0, 3, 1, 2))
    est = Flatten(data_format="channels_first").fit(cf)
    flat = est.transform(cf)
    # Keras moves channels last first, so the features match the channels-last layout.
    np.testing.assert_array_equal(flat, images.reshape(3, -1))
    np.testing.assert_array_equal(est.inverse_transform(flat), cf)


def test_flatten_1d_and_errors(images):
    assert Flatten().fit_transform(np.arange(4.0)).shape == (4, 1)
    with pytest.raises(NotFittedError):
        Flatten().inverse_transform(np.zeros((2, 3)))
    est = Flatten().fit(images)
    with pytest.raises(ValueError, match="inverse_transform expects"):
        est.inverse_transform(np.zeros((3, 5)))


# ---------------------------------------------------------------------------- chunking


def test_chunked_threaded_kernels_equal_per_image_results():
    # 12 images of 128 x 128 x 3 exceed the chunk size: the batch is split over threads.
    from skprep.image.functional import adjust_brightness, adjust_contrast

    X = np.random.RandomState(0).uniform(0, 255, size=(12, 128, 128, 3)).astype(np.float32)
    factors = np.linspace(0.5, 1.5, 12)
    for method in ("bilinear", "bicubic", "area", "lanczos3"):
        whole = resize(X, (50, 70), method)
        for i in (0, 5, 11):
            np.testing.assert_array_equal(whole[i], resize(X[i : i + 1], (50, 70), method)[0])
    whole = adjust_contrast(X, factors, (0, 255))
    bright = adjust_brightness(X, factors, (0, 255))
    for i in (0, 7, 11):
        np.testing.assert_array_equal(
            whole[i], adjust_contrast(X[i : i + 1], factors[i], (0, 255))[0]
        )
        np.testing.assert_array_equal(
            bright[i], adjust_brightness(X[i : i + 1], factors[i], (0, 255))[0]
        )


def test_threads_work_in_a_forked_child():
    import multiprocessing as mp

    if "fork" not in mp.get_all_start_methods():
        pytest.skip("no fork on this platform")
    X = np.random.RandomState(0).uniform(0, 255, size=(8, 128, 128, 3)).astype(np.float32)
    expected = resize(X, (64, 64))  # starts the thread pool in this process
    ctx = mp.get_context("fork")
    with ctx.Pool(1) as pool:
        out = pool.apply_async(resize, (X, (64, 64))).get(timeout=60)
    np.testing.assert_array_equal(out, expected)
