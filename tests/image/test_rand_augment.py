"""RandAugment and AugMix: each operation at fixed magnitudes against Keras
(tests/fixtures/image_policies.json.gz), the policies' draws, mixing, dtypes and bad input."""

import numpy as np
import pytest

from skprep import AugMix, RandAugment
from skprep.image._policies import (
    ALL_OPS,
    GEOMETRIC_AND_TONE_OPS,
    OpContext,
    apply_op,
    draw_op,
)
from tests._fixtures import case_ids, load_cases

ALL_CASES = load_cases("image_policies")
CASES = [c for c in ALL_CASES if c["layer"] == "RandAugment"]
AUGMIX_CASES = [c for c in ALL_CASES if c["layer"] == "AugMix"]


def _ctx(kwargs, images, lower=None, upper=None):
    lo, hi = kwargs["factor"]
    vr = tuple(float(v) for v in kwargs["value_range"])
    return OpContext(
        lo if lower is None else lower,
        hi if upper is None else upper,
        vr,
        kwargs["interpolation"],
        images.shape[1],
        images.shape[2],
    )


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_operations_match_keras_at_fixed_magnitudes(case):
    x = case["input"]
    params = {k: np.asarray(v) for k, v in case["params"].items()}
    out = apply_op(case["op"], x, params, _ctx(case["kwargs"], x))
    scale = case["kwargs"]["value_range"][1]
    assert out.dtype == np.float32
    np.testing.assert_allclose(out, case["output"], rtol=0, atol=2e-6 * scale)


def test_fixtures_cover_every_operation_and_the_layer_applies_them():
    assert {c["op"] for c in CASES} == set(ALL_OPS)
    # the estimator runs the chosen operation with the drawn numbers
    case = next(c for c in CASES if c["op"] == "random_rotation")
    est = RandAugment(num_ops=1, **case["kwargs"])
    choice = np.array([ALL_OPS.index("random_rotation")])
    drawn = [case["params"] if name == "random_rotation" else {} for name in ALL_OPS]
    out = est._apply(case["input"], {"steps": [(choice, drawn)]})
    np.testing.assert_allclose(out, case["output"], atol=1e-3)


@pytest.mark.parametrize("case", AUGMIX_CASES, ids=case_ids(AUGMIX_CASES))
def test_augmix_mixing_matches_keras_with_pinned_chains(case):
    chains = []
    for chain in case["chains"]:
        steps = []
        for step in chain:
            drawn = [{} for _ in ALL_OPS]
            drawn[ALL_OPS.index(step["op"])] = {k: np.asarray(v) for k, v in step["params"].items()}
            steps.append((np.array([ALL_OPS.index(step["op"])]), drawn))
        chains.append(steps)
    params = {
        "weights": case["weights"][None, :],
        "blend": np.array([case["blend"]]),
        "chains": chains,
    }
    est = AugMix(num_chains=len(chains), **case["kwargs"])
    out = est._apply(case["input"], params)
    scale = case["kwargs"]["value_range"][1]
    np.testing.assert_allclose(out, case["output"], rtol=0, atol=1e-5 * scale)


def test_fixed_magnitudes_draw_keras_numbers():
    x = np.zeros((1, 5, 6, 3), np.float32)
    ctx = OpContext(0.3, 0.3, (0.0, 255.0), "bilinear", 5, 6)
    rng = np.random.default_rng(0)
    t = draw_op("random_translation", rng, 1, ctx)
    assert np.allclose([t["dx"][0], t["dy"][0]], [1.8, 1.5])
    assert np.isclose(draw_op("random_rotation", rng, 1, ctx)["angle"][0], 0.3 * 2 * np.pi)
    assert np.isclose(draw_op("random_brightness", rng, 1, ctx)["delta"][0], 76.5)
    assert x.shape == (1, 5, 6, 3)


def test_magnitude_draws_stay_in_their_ranges():
    rng = np.random.default_rng(1)
    ctx = OpContext(0.1, 0.5, (0.0, 1.0), "bilinear", 20, 30)
    n = 5000
    shear = draw_op("random_shear", rng, n, ctx)
    assert np.all((np.abs(shear["sx"]) >= 0.1) & (np.abs(shear["sx"]) <= 0.5))
    assert 0.45 < np.mean(shear["sx"] < 0) < 0.55
    t = draw_op("random_translation", rng, n, ctx)
    assert t["dx"].min() >= 3 - 1e-4 and t["dx"].max() <= 15 + 1e-4
    assert t["dy"].min() >= 2 - 1e-4 and t["dy"].max() <= 10 + 1e-4
    c = draw_op("random_contrast", rng, n, ctx)["factor"]
    assert 0.9 <= c.min() and c.max() <= 1.5
    bits = draw_op("random_posterization", rng, n, ctx)["bits"]
    assert set(np.unique(bits)) == {1, 2, 3, 4}  # max(1, int(8 * 0.5)) included
    s = draw_op("solarization", rng, n, ctx)
    assert s["threshold"].min() >= 25.5 - 1e-6 and s["threshold"].max() <= 127.5
    b = draw_op("random_brightness", rng, n, ctx)["delta"]
    assert 0.1 <= b.min() and b.max() <= 0.5  # a fraction of the (0, 1) range


def test_operations_are_drawn_uniformly_and_per_image():
    est = RandAugment(num_ops=3, random_state=0)
    p = est._sample_params(22000, 8, 8, np.random.default_rng(0))
    choices = np.stack([c for c, _ in p["steps"]])
    counts = np.bincount(choices.ravel(), minlength=len(ALL_OPS)) / choices.size
    assert np.all(np.abs(counts - 1 / len(ALL_OPS)) < 0.006)
    # per image: the steps are independent of each other and across images
    assert np.mean(choices[0] == choices[1]) < 0.12
    assert len(np.unique(choices[0][:50])) > 5
    # each step drew parameters for exactly the images that chose each operation
    c0, drawn = p["steps"][0]
    shear = drawn[ALL_OPS.index("random_shear")]
    assert shear["sx"].shape == (np.count_nonzero(c0 == 0),)


def test_rand_augment_contract():
    rng = np.random.default_rng(2)
    x = rng.integers(0, 256, (6, 12, 14, 3)).astype(np.uint8)
    est = RandAugment(random_state=5)
    a, b = est.fit_transform(x), est.fit_transform(x)
    np.testing.assert_array_equal(a, b)
    assert a.dtype == np.float32 and not np.array_equal(a, x)
    assert a.min() >= 0 and a.max() <= 255
    inference = est.transform(x)
    assert inference.dtype == np.float32
    np.testing.assert_array_equal(inference, x)
    np.testing.assert_array_equal(RandAugment(num_ops=0).fit_transform(x), x)
    first = RandAugment(random_state=5, data_format="channels_first")
    np.testing.assert_allclose(
        first.fit_transform(x.transpose(0, 3, 1, 2)).transpose(0, 2, 3, 1), a, atol=1e-3
    )
    grey = RandAugment(random_state=0).fit_transform(x[..., :1])
    assert grey.shape == (6, 12, 14, 1)
    x32 = x.astype(np.float32)
    RandAugment(random_state=0).fit_transform(x32)
    np.testing.assert_array_equal(x32, x)  # input not modified


def _augmix_params(n, chains, weights, blend):
    return {
        "weights": np.asarray(weights, float),
        "blend": np.asarray(blend, float),
        "chains": chains,
    }


def test_augmix_blends_chains_with_the_original():
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 255, (2, 9, 8, 3)).astype(np.float32)
    est = AugMix(num_chains=2, chain_depth=1, factor=(0.4, 0.4))
    ctx = OpContext(0.4, 0.4, (0.0, 255.0), "bilinear", 9, 8)
    ops = list(ALL_OPS)
    rot = {"angle": np.full(2, 0.4 * 2 * np.pi, np.float32)}
    # chain 0: rotation for both images; chain 1: nothing
    chain0 = [
        (
            np.array([ops.index("random_rotation")] * 2),
            [rot if o == "random_rotation" else {} for o in ops],
        )
    ]
    chain1 = [(np.array([-1, -1]), [{} for _ in ops])]
    params = _augmix_params(2, [chain0, chain1], [[0.25, 0.75], [1.0, 0.0]], [0.5, 0.2])
    out = est._apply(x, params)
    rotated = apply_op("random_rotation", x, rot, ctx)
    mix0 = 0.25 * rotated[0] + 0.75 * x[0]
    np.testing.assert_allclose(out[0], 0.5 * x[0] + 0.5 * mix0, atol=1e-3)
    np.testing.assert_allclose(out[1], 0.2 * x[1] + 0.8 * rotated[1], atol=1e-3)


def test_augmix_draws():
    est = AugMix(num_chains=4, chain_depth=3, alpha=0.5, all_ops=False)
    n = 20000
    p = est._sample_params(n, 8, 8, np.random.default_rng(4))
    w = p["weights"]
    assert w.shape == (n, 4) and np.allclose(w.sum(axis=1), 1)
    assert np.allclose(w.mean(axis=0), 0.25, atol=0.01)
    # Dirichlet(0.5) marginal: Beta(0.5, 1.5), variance 0.25 * 0.75 / 3
    assert abs(w[:, 0].var() - 0.0625) < 0.005
    assert abs(p["blend"].mean() - 0.5) < 0.01 and abs(p["blend"].var() - 0.125) < 0.005
    for steps in p["chains"]:
        active = np.stack([c >= 0 for c, _ in steps]).sum(axis=0)  # the chain's length
        freq = np.bincount(active, minlength=4) / n
        assert np.all(np.abs(freq - 0.25) < 0.015)
        used = np.concatenate([c[c >= 0] for c, _ in steps])
        assert used.max() == len(GEOMETRIC_AND_TONE_OPS) - 1
        # a chain stops once: no operation after a skipped step
        masks = np.stack([c >= 0 for c, _ in steps])
        assert not np.any(~masks[0] & masks[1]) and not np.any(~masks[1] & masks[2])


def test_augmix_contract():
    rng = np.random.default_rng(5)
    x = rng.uniform(0, 1, (5, 10, 9, 3)).astype(np.float32)
    est = AugMix(value_range=(0, 1), random_state=1)
    a = est.fit_transform(x)
    np.testing.assert_array_equal(a, est.fit_transform(x))
    assert a.dtype == np.float32 and a.min() >= 0 and a.max() <= 1
    assert not np.allclose(a, x)
    np.testing.assert_array_equal(est.transform(x), x)
    np.testing.assert_allclose(
        AugMix(chain_depth=0, random_state=0).fit_transform(x * 255), x * 255, atol=1e-3
    )
    four = rng.uniform(0, 255, (2, 6, 6, 4))
    assert AugMix(all_ops=False, random_state=0).fit_transform(four).shape == four.shape


@pytest.mark.parametrize(
    ("est", "match"),
    [
        (RandAugment(factor=1.5), "factor"),
        (RandAugment(factor=(0.6, 0.2)), "factor"),
        (RandAugment(num_ops=-1), "num_ops"),
        (RandAugment(num_ops=1.5), "num_ops"),
        (RandAugment(value_range=(1, 1)), "value_range"),
        (RandAugment(interpolation="bicubic"), "interpolation"),
        (AugMix(alpha=0), "alpha"),
        (AugMix(num_chains=0), "num_chains"),
        (AugMix(chain_depth=-1), "chain_depth"),
        (AugMix(all_ops="yes"), "all_ops"),
        (AugMix(factor=-0.2), "factor"),
    ],
)
def test_bad_parameters(est, match):
    with pytest.raises((ValueError, TypeError), match=match):
        est.fit_transform(np.zeros((1, 4, 4, 3)))


@pytest.mark.parametrize("est", [RandAugment(), AugMix()])
def test_colour_operations_need_grey_or_rgb(est):
    before = est.get_params()
    with pytest.raises(ValueError, match="channels"):
        est.fit_transform(np.zeros((1, 4, 4, 4)))
    assert est.get_params() == before and not hasattr(est, "fitted_")


def test_colour_degeneration_of_grey_images_is_the_identity():
    x = np.random.default_rng(6).uniform(0, 255, (3, 5, 4, 1)).astype(np.float32)
    ctx = OpContext(0.5, 0.5, (0.0, 255.0), "bilinear", 5, 4)
    out = apply_op("random_color_degeneration", x, {"factor": np.full(3, 0.5)}, ctx)
    np.testing.assert_array_equal(out, x)
