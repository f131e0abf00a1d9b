"""The meaning-level warps (rotate, translate, zoom, shear) equal affine_transform with their
builders, broadcast one value to every image, and keep or set the dtype as documented."""

import numpy as np
import pytest

from skprep.image.functional import (
    affine_transform,
    rotate,
    rotation_transform,
    shear,
    shear_transform,
    translate,
    translation_transform,
    zoom,
    zoom_transform,
)


@pytest.fixture
def images():
    return np.random.RandomState(0).uniform(0, 255, size=(3, 7, 9, 2)).astype(np.float32)


def test_each_warp_is_affine_transform_of_its_builder(images):
    a = np.array([0.3, -1.0, 2.0])
    h, w = images.shape[1:3]
    options = {"interpolation": "bilinear", "fill_mode": "wrap"}
    pairs = [
        (rotate(images, a, **options), rotation_transform(a, h, w)),
        (translate(images, a, -a, **options), translation_transform(a, -a)),
        (zoom(images, 1 + a / 4, 1 - a / 4, **options), zoom_transform(1 + a / 4, 1 - a / 4, h, w)),
        (shear(images, a / 3, a / 5, **options), shear_transform(a / 3, a / 5)),
    ]
    for got, transforms in pairs:
        np.testing.assert_array_equal(got, affine_transform(images, transforms, **options))


def test_one_value_applies_to_every_image(images):
    np.testing.assert_array_equal(rotate(images, 0.5), rotate(images, [0.5, 0.5, 0.5]))
    np.testing.assert_array_equal(zoom(images, 1.3), zoom(images, 1.3, 1.3))
    one = rotate(images[0], 0.5)
    assert one.shape == images[0].shape
    np.testing.assert_array_equal(one, rotate(images, 0.5)[0])


def test_identity_parameters_return_the_images(images):
    np.testing.assert_array_equal(rotate(images, 0.0), images)
    np.testing.assert_array_equal(translate(images, 0, 0), images)
    np.testing.assert_array_equal(zoom(images, 1.0), images)
    np.testing.assert_array_equal(shear(images, 0, 0), images)


def test_dtype_kept_or_set():
    rng = np.random.RandomState(1)
    images = rng.randint(0, 256, size=(2, 5, 6, 3)).astype(np.uint8)
    kept = translate(images, 0.5, 0.0)
    assert kept.dtype == np.uint8
    exact = translate(images, 0.5, 0.0, dtype=np.float32)
    assert exact.dtype == np.float32
    np.testing.assert_array_equal(kept, np.trunc(exact).astype(np.uint8))
    assert not np.array_equal(exact, np.trunc(exact))  # half-pixel shift blends values


@pytest.mark.parametrize(
    "call",
    [
        lambda x: rotate(x, [0.1, 0.2]),
        lambda x: translate(x, [1, 2, 3, 4], 0),
        lambda x: shear(x, [[0.1]], 0),
    ],
)
def test_wrong_number_of_values_is_a_clear_error(images, call):
    with pytest.raises(ValueError, match="one value per image"):
        call(images)


def test_bad_images_and_options_are_clear_errors(images):
    with pytest.raises(ValueError, match="rank 3"):
        rotate(images[0, 0], 0.1)
    with pytest.raises(ValueError, match="fill_mode"):
        rotate(images, 0.1, fill_mode="mirror")
