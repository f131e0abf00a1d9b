"""MixUp, CutMix, RandomErasing: Keras parity of the kernels, statistics of the draws,
label mixing (fit_resample, MixingSampler), dtypes, layouts and bad input."""

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from skprep import CutMix, MixingSampler, MixUp, RandomErasing
from skprep.image.functional import box_slices, cut_mix, erase, mix_up
from skprep.utils.random import as_generator
from tests._fixtures import case_ids, load_cases

FIXTURES = load_cases("image_mixing")


def _cases(prefix):
    return [c for c in FIXTURES if c["name"].startswith(prefix)]


def _nhwc(x, case):
    return np.moveaxis(x, 1, -1) if case["kwargs"].get("data_format") == "channels_first" else x


def _close(actual, expected):
    scale = max(1.0, float(np.abs(expected).max()))
    np.testing.assert_allclose(actual, expected, rtol=1e-5, atol=1e-4 * scale)


@pytest.fixture
def images(seed):
    return np.random.RandomState(seed).uniform(0, 255, size=(6, 9, 10, 3)).astype(np.float32)


# --------------------------------------------------------------------------------------------
# Keras parity of the kernels (draws pinned through Keras's transformation dicts)
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _cases("mix_up_"), ids=case_ids(_cases("mix_up_")))
def test_mix_up_matches_keras(case):
    out, labels = mix_up(_nhwc(case["input"], case), case["labels"], case["lam"], case["partner"])
    assert out.dtype == np.float32 and labels.dtype == np.float32
    _close(out, _nhwc(case["output"], case))
    _close(labels, case["output_labels"])


@pytest.mark.parametrize("case", _cases("cut_mix_"), ids=case_ids(_cases("cut_mix_")))
def test_cut_mix_matches_keras(case):
    x = _nhwc(case["input"], case)
    out, labels = cut_mix(x, case["labels"], case["boxes"], case["partner"])
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, _nhwc(case["output"], case).astype(np.float32))
    _close(labels, case["output_labels"])


@pytest.mark.parametrize("case", _cases("erase_"), ids=case_ids(_cases("erase_")))
def test_erase_matches_keras(case):
    if "boxes" not in case:  # the layer-level cases, see below
        return
    x = _nhwc(case["input"], case)
    boxes = np.where(case["apply"][:, None], case["boxes"], 0.0)
    est = RandomErasing(**{k: v for k, v in case["kwargs"].items() if k != "data_format"})
    fill = case["fill"] if "fill" in case else est._fill(x.shape[-1])
    value_range = tuple(case["kwargs"]["value_range"])
    out = erase(x, boxes, fill, value_range=value_range)
    _close(out, _nhwc(case["output"], case))


def test_random_erasing_zero_probability_matches_keras():
    (case,) = [c for c in FIXTURES if c["name"] == "erase_layer_never"]
    est = RandomErasing(factor=(0.0, 0.0), random_state=0)
    out = est.fit_transform(case["input"])
    assert out.dtype == case["output"].dtype == np.float32
    np.testing.assert_array_equal(out, case["output"])


def test_random_erasing_scalar_factor_is_the_probability_unlike_keras_3():
    (case,) = [c for c in FIXTURES if c["name"] == "erase_keras_default_rate"]
    assert 0.4 < case["erased_fraction"] < 0.6  # Keras 3: probability drawn from U(0, 1)
    images = np.full((case["n_images"], 8, 8, 1), 100.0, dtype=np.float32)
    out = RandomErasing(fill_value=0.0, random_state=0).fit_transform(images)
    assert (out == 0).any(axis=(1, 2, 3)).all()  # documented: factor=1.0 always erases


@pytest.mark.parametrize("case", _cases("inference_"), ids=case_ids(_cases("inference_")))
def test_inference_matches_keras(case):
    est = {"MixUp": MixUp, "CutMix": CutMix, "RandomErasing": RandomErasing}[case["layer"]]()
    x = case["input"]
    out = est.fit(x).transform(x)
    np.testing.assert_array_equal(out, case["output"])
    if case["layer"] == "MixUp":
        # Keras returns the input as is; skprep keeps integer dtypes and gives float32 for
        # floats, as its colour layers do.
        assert out.dtype == (np.uint8 if x.dtype == np.uint8 else np.float32)
    else:
        assert out.dtype == np.dtype(case["output_dtype"]) == np.float32


# --------------------------------------------------------------------------------------------
# Kernels: semantics and edge cases
# --------------------------------------------------------------------------------------------


def test_box_slices_follow_keras_mask_rule():
    boxes = np.array(
        [[0.0, 0.0, 2.0, 3.0], [0.5, 1.0, 2.5, 1.0], [1.0000001, 0.2, 9.0, 9.0]], np.float32
    )
    expected = []
    for x0, y0, x1, y1 in boxes:
        cols = np.flatnonzero((np.arange(5) >= x0) & (np.arange(5) < x1))
        rows = np.flatnonzero((np.arange(4) >= y0) & (np.arange(4) < y1))
        expected.append((rows, cols))
    for (r0, r1, c0, c1), (rows, cols) in zip(box_slices(boxes, 4, 5), expected):
        np.testing.assert_array_equal(np.arange(r0, r1), rows)
        np.testing.assert_array_equal(np.arange(c0, c1), cols)


_coord = st.floats(-3.0, 12.0, allow_nan=False, width=32)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_coord, _coord, _coord, _coord), min_size=1, max_size=4))
def test_box_slices_equal_the_float32_mask(boxes):
    h, w = 7, 9
    boxes = np.array(boxes, dtype=np.float32)
    grid_y, grid_x = np.meshgrid(
        np.arange(h, dtype=np.float32), np.arange(w, dtype=np.float32), indexing="ij"
    )
    for (x0, y0, x1, y1), (r0, r1, c0, c1) in zip(boxes, box_slices(boxes, h, w)):
        mask = (grid_x >= x0) & (grid_x < x1) & (grid_y >= y0) & (grid_y < y1)
        expected = np.zeros((h, w), bool)
        expected[r0:r1, c0:c1] = True
        np.testing.assert_array_equal(mask, expected)


def test_kernels_do_not_modify_input_and_handle_empty_boxes(images):
    before = images.copy()
    n = images.shape[0]
    empty = np.zeros((n, 4))
    out, _ = cut_mix(images, None, empty, np.arange(n)[::-1])
    np.testing.assert_array_equal(out, images)
    np.testing.assert_array_equal(erase(images, empty, 5.0), images)
    out, labels = mix_up(images, None, np.ones(n), np.arange(n)[::-1])
    np.testing.assert_array_equal(out, images)
    assert labels is None
    np.testing.assert_array_equal(images, before)


def test_erase_fill_forms(images):
    n, h, w, c = images.shape
    boxes = np.tile([1.0, 2.0, 4.0, 5.0], (n, 1))
    per_channel = erase(images, boxes, [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(
        per_channel[:, 2:5, 1:4], np.broadcast_to([1, 2, 3], (n, 3, 3, 3))
    )
    per_image = erase(images, boxes, np.arange(n * c).reshape(n, c), value_range=(0, 4))
    assert per_image[:, 2:5, 1:4].max() == 4
    np.testing.assert_array_equal(per_image[:, :2], images[:, :2])
    with pytest.raises(ValueError, match="one value per channel"):
        erase(images, boxes, [1.0, 2.0])
    with pytest.raises(ValueError, match=r"shape \(n_images, 4\)"):
        erase(images, boxes[:2], 0.0)


def test_kernels_bad_arguments(images):
    n = images.shape[0]
    with pytest.raises(ValueError, match="partner"):
        mix_up(images, None, np.ones(n), np.arange(n) + 1)
    with pytest.raises(ValueError, match="lam"):
        mix_up(images, None, np.ones(n + 1), np.arange(n))
    with pytest.raises(ValueError, match="labels"):
        mix_up(images, np.ones((n + 1, 2)), np.ones(n), np.arange(n))
    with pytest.raises(ValueError, match="batch"):
        cut_mix(images[0], None, np.zeros((1, 4)), [0])


# --------------------------------------------------------------------------------------------
# Statistics of the draws
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("alpha", [0.2, 1.0, 3.0])
def test_mix_up_weights_are_beta_and_partners_a_permutation(alpha, seed):
    params = MixUp(alpha)._sample_params(20000, 4, 4, as_generator(seed))
    lam = params["lam"]
    assert np.all((lam >= 0) & (lam <= 1))
    assert abs(lam.mean() - 0.5) < 0.01
    assert abs(lam.var() - 1 / (4 * (2 * alpha + 1))) < 0.01
    np.testing.assert_array_equal(np.sort(params["partner"]), np.arange(20000))


@pytest.mark.parametrize("cls", [MixUp, CutMix])
def test_partners_are_uniform_permutations(cls, seed):
    rng = np.random.default_rng(seed)
    est = cls()
    partners = np.array([est._sample_params(5, 4, 4, rng)["partner"] for _ in range(3000)])
    counts = np.stack([(partners == j).mean(axis=0) for j in range(5)])  # P(partner[i] = j)
    np.testing.assert_allclose(counts, 0.2, atol=0.035)
    assert all(len(set(row)) == 5 for row in partners)


def test_mix_up_weights_independent_across_images(seed):
    lam = MixUp(1.0)._sample_params(20000, 4, 4, as_generator(seed))["lam"]
    assert abs(np.corrcoef(lam[:-1], lam[1:])[0, 1]) < 0.03


def test_mix_up_fit_resample_mixes_labels_like_images(images, seed):
    n = images.shape[0]
    est = MixUp(alpha=1.0, random_state=seed)
    X_mixed, y_mixed = est.fit_resample(images, np.arange(n))
    params = MixUp(alpha=1.0)._sample_params(n, 9, 10, as_generator(seed))
    expected, expected_y = mix_up(images, np.eye(n), params["lam"], params["partner"])
    np.testing.assert_array_equal(X_mixed, expected)
    np.testing.assert_array_equal(y_mixed, expected_y)
    np.testing.assert_array_equal(X_mixed, est.fit_transform(images))
    np.testing.assert_allclose(y_mixed.sum(axis=1), 1, rtol=1e-6)
    # one-hot labels of distinct classes: row i holds lam at i and 1 - lam at its partner
    moved = params["partner"] != np.arange(n)
    rows = np.arange(n)[moved]
    np.testing.assert_allclose(y_mixed[rows, rows], params["lam"][moved], rtol=1e-6)
    np.testing.assert_allclose(
        y_mixed[rows, params["partner"][moved]], 1 - params["lam"][moved], rtol=1e-5, atol=1e-7
    )


@pytest.mark.parametrize("a", [0.3, 1.0])
def test_cut_mix_boxes_inside_and_area_follows_beta(a, seed):
    n, h, w = 4000, 20, 30
    params = CutMix((a, a))._sample_params(n, h, w, as_generator(seed))
    x0, y0, x1, y1 = params["boxes"].T
    assert np.all((x0 >= 0) & (x1 <= w + 1e-4) & (y0 >= 0) & (y1 <= h + 1e-4))
    np.testing.assert_allclose((x1 - x0) / w, (y1 - y0) / h, rtol=1e-5, atol=1e-6)
    lam = 1 - (x1 - x0) * (y1 - y0) / (w * h)
    assert abs(lam.mean() - 0.5) < 0.02
    assert abs(lam.var() - 1 / (4 * (2 * a + 1))) < 0.02
    # positions are uniform: box centres spread over the free range
    free = w - (x1 - x0)
    u = np.divide(x0, free, out=np.full_like(x0, 0.5), where=free > 1e-3)
    assert abs(u.mean() - 0.5) < 0.03
    np.testing.assert_array_equal(np.sort(params["partner"]), np.arange(n))


def test_cut_mix_labels_follow_pasted_area(seed):
    rng = np.random.RandomState(seed)
    n, h, w = 50, 16, 24
    # distinct constant images: every pasted pixel is visible
    images = np.arange(n, dtype=np.float32)[:, None, None, None] * np.ones((n, h, w, 2))
    X_mixed, y_mixed = CutMix(random_state=rng).fit_resample(images, np.arange(n))
    pasted = (X_mixed[..., 0] != images[..., 0]).mean(axis=(1, 2))
    own = np.diag(y_mixed)
    moved = own < 1 - 1e-6  # the partner is another image and the box is not empty
    assert moved.any()
    np.testing.assert_allclose(pasted[moved], 1 - own[moved], atol=1 / h + 1 / w + 1e-6)
    np.testing.assert_allclose(y_mixed.sum(axis=1), 1, rtol=1e-6)


def test_cut_mix_batch_of_one_unchanged():
    image = np.random.RandomState(0).randint(0, 256, size=(1, 5, 6, 3)).astype(np.uint8)
    out = CutMix(random_state=0).fit_transform(image)
    assert out.dtype == np.float32
    np.testing.assert_array_equal(out, image)


@pytest.mark.parametrize(
    "factor, rate", [(1.0, 1.0), (0.0, 0.0), (0.5, 0.5), ((0.2, 0.6), 0.4), ((0.0, 1.0), 0.5)]
)
def test_random_erasing_probability(factor, rate, seed):
    images = np.full((2000, 6, 7, 1), 100.0, dtype=np.float32)
    out = RandomErasing(factor, scale=(0.3, 0.5), fill_value=0.0, random_state=seed).fit_transform(
        images
    )
    erased = (out == 0).any(axis=(1, 2, 3)).mean()
    assert abs(erased - rate) < 0.04


def test_random_erasing_sides_are_sqrt_of_uniform_scale(seed):
    n, h, w = 20000, 40, 50
    params = RandomErasing(scale=(0.04, 0.64))._sample_params(n, h, w, as_generator(seed))
    x0, y0, x1, y1 = params["boxes"].T
    side_w, side_h = (x1 - x0) / w, (y1 - y0) / h
    for side in (side_w, side_h):
        assert side.min() >= 0.2 - 1e-6 and side.max() <= 0.8 + 1e-6
        assert abs((side**2).mean() - 0.34) < 0.01  # U(0.04, 0.64)
    assert abs(np.corrcoef(side_w, side_h)[0, 1]) < 0.03  # drawn independently
    assert np.all((x0 >= 0) & (x1 <= w + 1e-3) & (y0 >= 0) & (y1 <= h + 1e-3))


def test_random_erasing_noise_fill(seed):
    images = np.full((200, 12, 12, 3), 100.0, dtype=np.float32)
    out = RandomErasing(scale=(0.5, 0.5), random_state=seed).fit_transform(images)
    erased = out[out != 100.0]
    assert erased.size > 0 and erased.min() >= 0 and erased.max() <= 255
    # N(0, 1) * 255 clipped to [0, 255]: about half at 0, about 32% at 255 (|z| > 1)
    assert abs((erased == 0).mean() - 0.5) < 0.03
    assert abs((erased == 255).mean() - 0.1587) < 0.03
    per_image = (out != 100.0).any(axis=(1, 2, 3))
    assert per_image.all()


def test_random_erasing_constant_and_per_channel_fill(images, seed):
    out = RandomErasing(fill_value=[1.0, 300.0, -4.0], random_state=seed).fit_transform(images)
    changed = (out != images).any(axis=-1)
    assert changed.any(axis=(1, 2)).all()
    np.testing.assert_array_equal(
        out[changed], np.broadcast_to([1.0, 255.0, 0.0], out[changed].shape)
    )


def test_per_image_draws_differ(images):
    for est in (MixUp(1.0), CutMix(), RandomErasing(scale=(0.1, 0.9))):
        params = est._sample_params(64, 10, 10, as_generator(0))
        values = params.get("lam", params.get("boxes"))
        assert len(np.unique(np.round(values, 4), axis=0)) > 50


# --------------------------------------------------------------------------------------------
# Estimator behaviour: random_state, layouts, dtypes, labels
# --------------------------------------------------------------------------------------------


MAKERS = [
    lambda **kw: MixUp(0.5, **kw),
    lambda **kw: CutMix(**kw),
    lambda **kw: RandomErasing(**kw),
]


@pytest.mark.parametrize("make", MAKERS)
def test_random_state_semantics(make, images):
    a = make(random_state=3).fit_transform(images)
    np.testing.assert_array_equal(a, make(random_state=3).fit_transform(images))
    gen = np.random.default_rng(0)
    est = make(random_state=gen)
    assert not np.array_equal(est.fit_transform(images), est.fit_transform(images))


@pytest.mark.parametrize("make", MAKERS)
def test_channels_first_equals_channels_last(make, images):
    last = make(random_state=1).fit_transform(images)
    first = make(random_state=1, data_format="channels_first").fit_transform(
        np.moveaxis(images, -1, 1)
    )
    np.testing.assert_array_equal(np.moveaxis(first, 1, -1), last)


def test_dtypes_training_and_inference():
    x = np.random.RandomState(0).randint(0, 256, size=(4, 5, 6, 3)).astype(np.uint8)
    est = MixUp(1.0, random_state=0)
    out = est.fit_transform(x)
    assert out.dtype == np.uint8 and est.transform(x).dtype == np.uint8
    params = MixUp(1.0)._sample_params(4, 5, 6, as_generator(0))
    expected = np.clip(np.rint(mix_up(x, None, params["lam"], params["partner"])[0]), 0, 255)
    np.testing.assert_array_equal(out, expected)
    for est in (CutMix(random_state=0), RandomErasing(random_state=0)):
        assert est.fit_transform(x).dtype == np.float32
        assert est.transform(x).dtype == np.float32
    assert MixUp().fit(x).transform(x.astype(np.float64)).dtype == np.float32


@pytest.mark.parametrize("cls", [MixUp, CutMix])
def test_fit_resample_labels(cls, images):
    n = images.shape[0]
    ids = np.array([0, 1, 2, 0, 1, 2])
    _, y = cls(random_state=0).fit_resample(images, ids)
    assert y.shape == (n, 3) and y.dtype == np.float32
    _, y = cls(num_classes=5, random_state=0).fit_resample(images, ids)
    assert y.shape == (n, 5) and not y[:, 3:].any()
    soft = np.random.RandomState(0).dirichlet(np.ones(4), size=n)
    X1, y1 = cls(random_state=0).fit_resample(images, soft)
    np.testing.assert_allclose(y1.sum(axis=1), 1, rtol=1e-5)
    X2, y2 = cls(random_state=0).fit_resample(images, np.eye(3)[ids])
    X3, y3 = cls(random_state=0).fit_resample(images, ids)
    np.testing.assert_array_equal(X2, X3)
    np.testing.assert_array_equal(y2, y3)


@pytest.mark.parametrize("cls", [MixUp, CutMix])
def test_fit_resample_bad_labels(cls, images):
    est = cls()
    with pytest.raises(ValueError, match="rows but X has 6"):
        est.fit_resample(images, np.arange(5))
    with pytest.raises(TypeError, match="integer class ids"):
        est.fit_resample(images, np.array(list("abcabc")))
    with pytest.raises(TypeError, match="integer class ids"):
        est.fit_resample(images, np.linspace(0, 1, 6))
    with pytest.raises(ValueError, match=r"\[0, 3\)"):
        cls(num_classes=3).fit_resample(images, np.arange(6))
    with pytest.raises(ValueError, match="lie in"):
        est.fit_resample(images, -np.arange(6))
    with pytest.raises(ValueError, match="num_classes=4"):
        cls(num_classes=4).fit_resample(images, np.eye(3)[np.arange(6) % 3])
    with pytest.raises(ValueError, match="shape"):
        est.fit_resample(images, np.zeros((6, 2, 2)))
    with pytest.raises(ValueError, match="rank 4"):
        est.fit_resample(images[None], np.arange(1))
    with pytest.raises(TypeError, match="must not be None"):
        est.fit_resample(images, None)


def test_mixing_sampler(images):
    inner = MixUp(alpha=1.0, random_state=np.random.RandomState(0))
    sampler = MixingSampler(inner)
    assert not hasattr(sampler, "transform") and not hasattr(sampler, "fit_transform")
    X1, y1 = sampler.fit_resample(images, np.arange(6))
    X2, _ = sampler.fit_resample(images, np.arange(6))
    assert not np.array_equal(X1, X2)  # the inner RandomState advances
    cloned = clone(MixingSampler(CutMix(random_state=0)))
    assert isinstance(cloned.estimator, CutMix)
    np.testing.assert_array_equal(
        cloned.fit_resample(images, np.arange(6))[0], CutMix(random_state=0).fit_transform(images)
    )
    assert pickle.loads(pickle.dumps(sampler)).get_params()["estimator"].alpha == 1.0
    with pytest.raises(TypeError, match="fit_resample"):
        MixingSampler(FunctionTransformer()).fit_resample(images, np.arange(6))


def test_imblearn_pipeline_accepts_the_sampler(images):
    imblearn_pipeline = pytest.importorskip("imblearn.pipeline")
    from sklearn.dummy import DummyClassifier

    flatten = FunctionTransformer(lambda X: X.reshape(len(X), -1))
    pipe = imblearn_pipeline.make_pipeline(
        MixingSampler(MixUp(random_state=0)), flatten, DummyClassifier()
    )
    pipe.fit(images, np.eye(3)[[0, 1, 2, 0, 1, 2]])
    assert pipe.predict(images).shape == (6, 3)


def test_sklearn_pipeline_mixes_images_only(images):
    pipe = make_pipeline(MixUp(random_state=0), FunctionTransformer())
    out = pipe.fit_transform(images)
    np.testing.assert_array_equal(out, MixUp(random_state=0).fit_transform(images))
    np.testing.assert_array_equal(pipe.transform(images), images)


# --------------------------------------------------------------------------------------------
# Bad parameters and input
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "est, match",
    [
        (MixUp(alpha=0.0), "alpha"),
        (MixUp(alpha=-1), "alpha"),
        (MixUp(num_classes=0), "num_classes"),
        (CutMix(factor=1.5), "factor"),
        (CutMix(factor=(0.8, 0.2)), "factor"),
        (CutMix(factor="big"), "factor"),
        (RandomErasing(factor=-0.1), "factor"),
        (RandomErasing(scale=(0.5, 1.2)), "scale"),
        (RandomErasing(fill_value="red"), "fill_value"),
        (RandomErasing(fill_value=[1.0, np.nan, 2.0]), "fill_value"),
        (RandomErasing(value_range=(0, 1, 2)), "value_range"),
    ],
)
def test_bad_parameters(est, match, images):
    with pytest.raises(ValueError, match=match):
        est.fit_transform(images)


def test_bad_input(images):
    with pytest.raises(ValueError, match="fill_value"):
        RandomErasing(fill_value=[1.0, 2.0]).fit_transform(images)
    for est in (MixUp(), CutMix(), RandomErasing()):
        with pytest.raises(ValueError, match="rank 3"):
            est.fit_transform(images[0, 0])
        with pytest.raises(TypeError, match="integers or floats"):
            est.fit_transform(images.astype(str))
