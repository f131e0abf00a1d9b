"""Mixed labels that scikit-learn classifiers accept: hard labels from MixingSampler
(``labels="dominant"`` / ``"sampled"``), mixed copies next to the originals (``n_copies``),
and the kernels ``harden_labels`` / ``split_soft_labels`` for ``sample_weight``."""

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression

from skprep import CutMix, Flatten, MixingSampler, MixUp
from skprep.image.functional import harden_labels, split_soft_labels


@pytest.fixture
def images():
    return np.random.default_rng(0).uniform(0, 255, (40, 6, 6, 3)).astype(np.float32)


LABELS = np.array(["cat", "dog", "owl", "dog"] * 10)


# -- kernels -----------------------------------------------------------------------------------


def test_harden_labels_dominant_and_ties():
    soft = np.array([[0.2, 0.8], [0.5, 0.5], [0.0, 3.0]])
    np.testing.assert_array_equal(harden_labels(soft), [1, 0, 1])


def test_harden_labels_sampled_matches_the_weights():
    """Drawn classes follow the row weights (binomial 5-sigma bound), never a zero class."""
    n = 40_000
    soft = np.tile([[0.3, 0.0, 0.7]], (n, 1))
    u = np.random.default_rng(1).random(n)
    classes = harden_labels(soft, u)
    assert set(np.unique(classes)) == {0, 2}
    share = (classes == 0).mean()
    assert abs(share - 0.3) < 5 * np.sqrt(0.3 * 0.7 / n)
    # rows need not sum to 1: read relative to their sum
    np.testing.assert_array_equal(harden_labels(soft * 7, u), classes)


def test_harden_labels_sampled_boundaries():
    soft = np.array([[0.25, 0.75], [0.25, 0.75]])
    np.testing.assert_array_equal(harden_labels(soft, [0.0, 0.2499]), [0, 0])
    np.testing.assert_array_equal(harden_labels(soft, [0.25, 0.999999]), [1, 1])


def test_split_soft_labels_reconstructs_the_rows():
    rng = np.random.default_rng(2)
    soft = rng.dirichlet([0.3] * 5, size=50)
    soft[soft < 0.05] = 0.0
    rows, classes, weights = split_soft_labels(soft)
    rebuilt = np.zeros_like(soft)
    np.add.at(rebuilt, (rows, classes), weights)
    np.testing.assert_allclose(rebuilt, soft)
    assert (weights > 0).all() and np.all(np.diff(rows) >= 0)


@pytest.mark.parametrize(
    "bad, match",
    [
        (np.array([[0.5, -0.1]]), "non-negative"),
        (np.array([[0.0, 0.0]]), "positive weight"),
        (np.array([[np.nan, 1.0]]), "finite"),
        (np.array([0.5, 0.5]), "shape"),
        (np.array([["a", "b"]]), "numeric"),
    ],
)
def test_soft_label_kernels_reject_bad_rows(bad, match):
    with pytest.raises(ValueError, match=match):
        harden_labels(bad)
    with pytest.raises(ValueError, match=match):
        split_soft_labels(bad)


@pytest.mark.parametrize("u", [[0.5], [0.5, 1.0], [-0.1, 0.2]])
def test_harden_labels_rejects_bad_uniforms(u):
    with pytest.raises(ValueError, match=r"\[0, 1\)"):
        harden_labels(np.eye(2), u)


# -- MixingSampler --------------------------------------------------------------------------


@pytest.mark.parametrize("mixer", [MixUp(alpha=1.0, random_state=3), CutMix(random_state=3)])
def test_dominant_labels_are_the_argmax_of_the_soft_labels(images, mixer):
    ids = np.arange(40) % 4
    X_soft, soft = MixingSampler(clone(mixer)).fit_resample(images, ids)
    X_hard, hard = MixingSampler(clone(mixer), labels="dominant").fit_resample(images, ids)
    np.testing.assert_array_equal(X_hard, X_soft)
    np.testing.assert_array_equal(hard, soft.argmax(axis=1))


def test_sampled_labels_keep_the_label_kind_and_come_from_the_mixed_pair(images):
    X_soft, soft = MixingSampler(MixUp(alpha=1.0, random_state=4)).fit_resample(
        images, np.unique(LABELS, return_inverse=True)[1]
    )
    _, hard = MixingSampler(
        MixUp(alpha=1.0, random_state=4), labels="sampled", random_state=0
    ).fit_resample(images, LABELS)
    assert hard.dtype == LABELS.dtype and set(hard) <= set(LABELS)
    classes = np.unique(LABELS)
    for row, label in zip(soft, hard):  # only a class with weight in the mixed row
        assert row[np.searchsorted(classes, label)] > 0


def test_sampled_labels_follow_the_mixing_weights():
    """Over many images, the share of each drawn class matches the mean soft label."""
    images = np.zeros((4000, 2, 2, 1), dtype=np.float32)
    ids = np.arange(4000) % 2
    sampler = MixingSampler(MixUp(alpha=0.5, random_state=5), labels="sampled", random_state=6)
    _, hard = sampler.fit_resample(images, ids)
    _, soft = MixingSampler(MixUp(alpha=0.5, random_state=5)).fit_resample(images, ids)
    expected = soft[:, 1].mean()
    assert abs((hard == 1).mean() - expected) < 5 * np.sqrt(0.25 / 4000)


def test_n_copies_keeps_the_originals_and_adds_distinct_mixed_copies(images):
    ids = np.arange(40) % 4
    sampler = MixingSampler(MixUp(alpha=1.0, random_state=0), n_copies=3, random_state=1)
    X_out, y_out = sampler.fit_resample(images, ids)
    assert X_out.shape == (160, 6, 6, 3) and y_out.shape == (160, 4)
    np.testing.assert_array_equal(X_out[:40], images)
    np.testing.assert_array_equal(y_out[:40], np.eye(4)[ids])
    copies = X_out[40:].reshape(3, 40, -1)
    assert not np.array_equal(copies[0], copies[1])  # seeded clones, not one int seed
    np.testing.assert_allclose(y_out.sum(axis=1), 1.0, rtol=1e-6)
    again = clone(sampler).fit_resample(images, ids)[0]
    np.testing.assert_array_equal(again, X_out)  # an int random_state reproduces


def test_n_copies_with_hard_labels_and_missing_top_class(images):
    ids = np.arange(40) % 3  # class ids 0..2, num_classes=5 leaves columns 3, 4 empty
    sampler = MixingSampler(
        CutMix(num_classes=5, random_state=0), labels="dominant", n_copies=1, random_state=0
    )
    X_out, y_out = sampler.fit_resample(images, ids)
    assert X_out.shape == (80, 6, 6, 3) and X_out.dtype == np.float32
    np.testing.assert_array_equal(y_out[:40], ids)
    assert set(y_out[40:]) <= {0, 1, 2}


def test_the_imbalanced_learn_pipeline_now_works_with_a_classifier(images):
    imblearn_pipeline = pytest.importorskip("imblearn.pipeline")
    for labels in ("dominant", "sampled"):
        model = imblearn_pipeline.make_pipeline(
            MixingSampler(MixUp(random_state=0), labels=labels, n_copies=2, random_state=0),
            Flatten(),
            LogisticRegression(max_iter=200),
        )
        model.fit(images / 255, LABELS)
        assert set(model.predict(images / 255)) <= set(LABELS)
    soft = imblearn_pipeline.make_pipeline(
        MixingSampler(MixUp(random_state=0)), Flatten(), LogisticRegression()
    )
    with pytest.raises(ValueError):  # scikit-learn classifiers refuse soft labels
        soft.fit(images / 255, np.arange(40) % 4)


def test_split_soft_labels_feeds_sample_weight(images):
    """A classifier takes the weighted hard samples, and their weighted log-loss equals the
    soft labels' cross-entropy for any predicted probabilities."""
    X_mixed, soft = MixUp(alpha=1.0, random_state=0).fit_resample(images / 255, np.arange(40) % 4)
    rows, classes, weights = split_soft_labels(soft)
    X_flat = Flatten().fit_transform(X_mixed)
    clf = LogisticRegression(max_iter=500).fit(X_flat[rows], classes, sample_weight=weights)
    proba = clf.predict_proba(X_flat)
    cross_entropy = -(soft * np.log(proba)).sum()
    weighted = -(weights * np.log(proba[rows, classes])).sum()
    np.testing.assert_allclose(weighted, cross_entropy, rtol=1e-5)
    assert np.isclose(weights.sum(), 40.0)


@pytest.mark.parametrize(
    "params, match",
    [
        ({"labels": "hard"}, "labels"),
        ({"n_copies": 0}, "n_copies"),
        ({"n_copies": 1.5}, "n_copies"),
    ],
)
def test_bad_sampler_parameters(images, params, match):
    with pytest.raises(ValueError, match=match):
        MixingSampler(MixUp(), **params).fit_resample(images, np.arange(40) % 4)


def test_n_copies_refuses_a_huge_output_before_mixing(images):
    import skprep

    with skprep.config_context(max_output_bytes=10_000):
        with pytest.raises(ValueError, match="n_copies"):
            MixingSampler(MixUp(), n_copies=100).fit_resample(images, np.arange(40) % 4)
