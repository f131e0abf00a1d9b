"""Parity of the image layers with Keras fixtures (tools/keras_fixtures/image.py).

Tolerance: 1e-4 relative to the 0-255 range; bilinear, nearest and integer
outputs are compared exactly.
"""

import numpy as np
import pytest

from skprep import CenterCrop, RandomBrightness, Resizing
from skprep.image.functional import adjust_contrast, center_crop, resize
from tests._fixtures import case_ids, load_cases

RESIZING = load_cases("image", "Resizing")
CENTER = load_cases("image", "CenterCrop")
CONTRAST = load_cases("image", "RandomContrast")
BRIGHT = load_cases("image", "RandomBrightness")

ATOL = 1e-4 * 255


def _kwargs(case):
    return dict(case["kwargs"])


def _assert_matches(out, expected, method="bilinear", antialias=False):
    assert out.shape == expected.shape
    assert out.dtype == expected.dtype
    if out.dtype.kind in "iu":
        np.testing.assert_array_equal(out, expected)
    elif method in ("bilinear", "nearest") and not antialias:
        np.testing.assert_array_equal(out, expected)
    else:
        np.testing.assert_allclose(out, expected, rtol=1e-6, atol=ATOL)


def _single_as_batch(method, x):
    """Keras's single image ``(h, w, c)`` is a batch of one for skprep's estimators (a rank-3
    array is ``n`` single-channel images there)."""
    return method(x[np.newaxis])[0] if x.ndim == 3 else method(x)


@pytest.mark.parametrize("case", RESIZING, ids=case_ids(RESIZING))
def test_resizing_matches_keras(case, backend):
    kw = _kwargs(case)
    height, width = kw.pop("height"), kw.pop("width")
    out = _single_as_batch(Resizing(height, width, **kw).fit_transform, case["input"])
    _assert_matches(out, case["output"], kw.get("interpolation", "bilinear"), kw.get("antialias"))


FUNCTIONAL = [c for c in RESIZING if c["input"].ndim == 4 and "data_format" not in c["kwargs"]]


@pytest.mark.parametrize("case", FUNCTIONAL, ids=case_ids(FUNCTIONAL))
def test_resize_kernel_matches_keras(case, backend):
    kw = _kwargs(case)
    size = (kw.pop("height"), kw.pop("width"))
    out = resize(case["input"], size, **kw)
    expected = case["output"]
    if out.dtype != expected.dtype:  # the layer rounds integer images back; the kernel not
        assert expected.dtype == case["input"].dtype
        np.testing.assert_array_less(np.abs(out - expected), 0.5 + 1e-3)
        return
    _assert_matches(out, expected, kw.get("interpolation", "bilinear"), kw.get("antialias"))


@pytest.mark.parametrize("case", CENTER, ids=case_ids(CENTER))
def test_center_crop_matches_keras(case, backend):
    out = _single_as_batch(CenterCrop(**case["kwargs"]).transform, case["input"])
    _assert_matches(out, case["output"])
    x = case["input"] if case["input"].ndim == 4 else case["input"][None]
    kernel = center_crop(x, case["kwargs"]["height"], case["kwargs"]["width"])
    np.testing.assert_array_equal(kernel.reshape(out.shape), out)


@pytest.mark.parametrize("case", CONTRAST, ids=case_ids(CONTRAST))
def test_contrast_kernel_matches_keras(case, backend):
    out = adjust_contrast(
        case["input"], case["contrast_factor"], value_range=case["kwargs"]["value_range"]
    )
    scale = max(case["kwargs"]["value_range"])
    np.testing.assert_allclose(out, case["output"], rtol=1e-6, atol=1e-4 * scale)


@pytest.mark.parametrize("case", BRIGHT, ids=case_ids(BRIGHT))
def test_brightness_matches_keras(case):
    # A pair (f, f) fixes Keras's draw, so the whole layer is comparable.
    kw = _kwargs(case)
    out = RandomBrightness(tuple(kw["factor"]), tuple(kw["value_range"])).fit_transform(
        case["input"]
    )
    scale = max(kw["value_range"])
    np.testing.assert_allclose(out, case["output"], rtol=1e-6, atol=1e-5 * scale)


def test_fixture_covers_every_method():
    methods = {c["kwargs"].get("interpolation", "bilinear") for c in RESIZING}
    assert methods == {"bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5"}
    assert any(c["kwargs"].get("antialias") for c in RESIZING)
    assert any(c["input"].dtype == np.uint8 for c in RESIZING)
