"""ContrastLimitedAdaptiveHistogramEqualization: Keras parity (tests/fixtures/image_clahe.json.gz,
bit-exact), properties of the kernel, dtypes, layouts and bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skprep import ContrastLimitedAdaptiveHistogramEqualization as CLAHE
from skprep import Equalization
from skprep.image.functional import clahe
from tests._fixtures import case_ids, load_cases

CASES = load_cases("image_clahe")


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_matches_keras_bit_exactly(case):
    out = CLAHE(**case["kwargs"]).transform(case["input"])
    assert out.dtype == case["output"].dtype and out.shape == case["output"].shape
    np.testing.assert_array_equal(out, case["output"])


def test_fixtures_cover_dtypes_odd_sizes_and_grids():
    dtypes = {c["input"].dtype.kind for c in CASES}
    assert dtypes == {"u", "f"}
    uneven = [
        c
        for c in CASES
        if c["kwargs"]["data_format"] is None
        and (
            c["input"].shape[1] % c["kwargs"]["tile_grid_size"][0]
            or c["input"].shape[2] % c["kwargs"]["tile_grid_size"][1]
        )
    ]
    assert len(uneven) >= 3
    assert {c["kwargs"]["clip_limit"] > 0 for c in CASES} == {True, False}


def test_one_tile_without_clipping_is_a_linear_equalisation():
    # one tile, no clipping: the table is (cdf - cdf[0]) * 255 / (area - cdf[0]); bin 0 is
    # empty here, so (as in Keras) cdf[0] = 0 and the darkest value maps to 255 / 16
    x = np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1) * 3 + 50
    out = clahe(x, clip_limit=0.0, tile_grid_size=(1, 1))
    np.testing.assert_allclose(out.ravel(), (np.arange(16) + 1) * 255 / 16, atol=1e-4)
    x[0, 0, 0, 0] = 0.0  # now bin 0 holds one pixel: the darkest value maps to 0
    out = clahe(x, clip_limit=0.0, tile_grid_size=(1, 1))
    np.testing.assert_allclose(out.ravel(), np.arange(16) * 17.0, atol=1e-4)


@settings(max_examples=25, deadline=None)
@given(
    h=st.integers(3, 20),
    w=st.integers(3, 20),
    gh=st.integers(1, 6),
    gw=st.integers(1, 6),
    clip=st.sampled_from([0.0, 1.0, 4.0]),
    seed=st.integers(0, 1000),
)
def test_output_in_range_and_monotone_within_a_tile_grid_of_one(h, w, gh, gw, clip, seed):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 255, (2, h, w, 2)).astype(np.float32)
    out = clahe(x, clip, (gh, gw))
    assert out.shape == x.shape and out.dtype == np.float32
    assert np.isfinite(out).all() and out.min() >= 0 and out.max() <= 255
    # the same image twice in a batch gives the same result (images are independent)
    both = clahe(np.concatenate([x[:1], x[:1]]), clip, (gh, gw))
    np.testing.assert_array_equal(both[0], both[1])
    # with one tile, equalisation is a monotone map of the (truncated) values
    single = clahe(x[:1, :, :, :1], clip, (1, 1)).ravel()
    order = np.argsort(np.trunc(x[0, :, :, 0]).ravel(), kind="stable")
    assert np.all(np.diff(single[order]) >= -1e-4)


def test_value_range_rescales_and_deterministic_layer():
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1, (2, 12, 10, 3)).astype(np.float32)
    est = CLAHE(value_range=(0, 1), tile_grid_size=(2, 2))
    out = est.transform(x)
    np.testing.assert_allclose(out * 255, clahe(x * 255, 4.0, (2, 2)), atol=2e-3)
    np.testing.assert_array_equal(est.fit_transform(x), out)  # training == inference
    assert out.min() >= 0 and out.max() <= 1


def test_dtypes_layouts_and_batches_of_one():
    rng = np.random.default_rng(1)
    x = rng.integers(0, 256, (2, 10, 12, 3)).astype(np.uint8)
    est = CLAHE(tile_grid_size=(2, 3))
    out = est.transform(x)
    assert out.dtype == np.uint8
    # Keras truncates the float result into the integer dtype
    expected = np.trunc(clahe(x, 4.0, (2, 3))).astype(np.uint8)
    np.testing.assert_array_equal(out, expected)
    first = CLAHE(tile_grid_size=(2, 3), data_format="channels_first")
    np.testing.assert_array_equal(
        first.transform(x.transpose(0, 3, 1, 2)).transpose(0, 2, 3, 1), out
    )
    # one image is a batch of one (a rank-3 array is a stack of grey images)
    np.testing.assert_array_equal(est.transform(x[:1])[0], out[0])
    assert est.transform(x.astype(np.float64)).dtype == np.float32


def test_grids_up_to_twice_the_image_size_work_finer_ones_raise():
    x = np.random.default_rng(2).uniform(0, 255, (1, 3, 2, 1)).astype(np.float32)
    out = CLAHE(tile_grid_size=(6, 4)).transform(x)  # one-pixel tiles, padding = image size
    assert out.shape == x.shape and np.isfinite(out).all()
    # Keras fails here inside TensorFlow; a huge grid must not allocate a huge padded image
    for grid in [(7, 4), (6, 5), (10**6, 10**6)]:
        with pytest.raises(ValueError, match="tile_grid_size"):
            CLAHE(tile_grid_size=grid).transform(x)


def test_nan_does_not_crash_and_stays_local():
    x = np.random.default_rng(3).uniform(0, 255, (1, 8, 8, 1)).astype(np.float32)
    x[0, 0, 0, 0] = np.nan
    out = CLAHE(tile_grid_size=(2, 2)).transform(x)
    assert np.isfinite(out).all()


def test_flat_image_is_not_amplified_like_global_equalisation():
    x = np.full((1, 16, 16, 1), 100.0, np.float32)
    x[0, :8] = 101.0
    eq = Equalization().transform(x)
    out = CLAHE(clip_limit=1.0, tile_grid_size=(2, 2)).transform(x)
    assert np.ptp(out) < np.ptp(eq)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"tile_grid_size": (0, 8)}, "tile_grid_size"),
        ({"tile_grid_size": 8}, "tile_grid_size"),
        ({"tile_grid_size": (2.5, 2)}, "tile_grid_size"),
        ({"clip_limit": float("nan")}, "clip_limit"),
        ({"clip_limit": "high"}, "clip_limit"),
        ({"value_range": (1, 1)}, "value_range"),
        ({"value_range": (0,)}, "value_range"),
    ],
)
def test_bad_parameters(kwargs, match):
    x = np.zeros((1, 4, 4, 1), np.float32)
    with pytest.raises((ValueError, TypeError), match=match):
        CLAHE(**kwargs).fit(x)
    with pytest.raises((ValueError, TypeError), match=match):
        CLAHE(**kwargs).transform(x)


def test_bad_input():
    with pytest.raises(ValueError, match="rank"):
        CLAHE().transform(np.zeros((4, 4)))
    with pytest.raises(TypeError, match="dtype"):
        CLAHE().transform(np.full((1, 4, 4, 1), "a"))
    with pytest.raises(ValueError, match="tile_grid_size"):
        clahe(np.zeros((1, 4, 4, 1)), 4.0, (1, 2, 3))
