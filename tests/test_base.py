"""The estimator contract in skprep.base and the shared utilities."""

import numpy as np
import pytest
import scipy.sparse as sp

import skprep
from skprep.base import AdaptMixin, AugmentationMixin, StatelessMixin, is_batch_iterable
from skprep.utils.encoding import encode_indices
from skprep.utils.random import as_generator


@pytest.mark.parametrize(
    "X, expected",
    [
        (np.ones(3), False),
        ([1, 2], False),
        ((1, 2), False),
        ("abc", False),
        (sp.csr_matrix(np.eye(2)), False),
        (iter([np.ones(2)]), True),
        ((np.ones(2) for _ in range(2)), True),
    ],
)
def test_is_batch_iterable(X, expected):
    assert is_batch_iterable(X) is expected


def test_pandas_is_data_not_batches():
    pd = pytest.importorskip("pandas")
    assert not is_batch_iterable(pd.DataFrame({"a": [1]}))
    assert not is_batch_iterable(pd.Series([1]))


def test_as_generator_semantics():
    assert as_generator(3).random() == as_generator(3).random()
    rs = np.random.RandomState(0)
    assert as_generator(rs).random() != as_generator(rs).random()
    g = np.random.default_rng(0)
    assert as_generator(g) is g
    assert as_generator(None).random() != as_generator(None).random()
    with pytest.raises(TypeError, match="random_state"):
        as_generator("seed")
    with pytest.raises(ValueError, match="non-negative"):
        as_generator(-1)


def test_all_estimators_and_filters():
    names = [n for n, _ in skprep.all_estimators()]
    assert names == sorted(names) and "Normalization" in names
    for kind, mixin in [
        ("stateful", AdaptMixin),
        ("stateless", StatelessMixin),
        ("augmentation", AugmentationMixin),
    ]:
        assert all(issubclass(c, mixin) for _, c in skprep.all_estimators(kind))
    assert ("Normalization", skprep.Normalization) in skprep.all_estimators("stateful")
    with pytest.raises(ValueError, match="type_filter"):
        skprep.all_estimators("nope")


def test_every_public_name_is_exported():
    for name in skprep.__all__:
        assert hasattr(skprep, name)


def test_encode_indices_modes():
    idx = np.array([[0, 2, 2], [1, -1, 1]])
    np.testing.assert_array_equal(
        encode_indices(idx, 3, "count", sparse=False, dtype=np.int64), [[1, 0, 2], [0, 2, 0]]
    )
    np.testing.assert_array_equal(
        encode_indices(idx, 3, "multi_hot", sparse=False), [[1, 0, 1], [0, 1, 0]]
    )
    tfidf = encode_indices(idx, 3, "tf_idf", idf=np.array([0.5, 1.0, 2.0]))
    assert sp.isspmatrix_csr(tfidf) and tfidf.dtype == np.float32
    np.testing.assert_allclose(tfidf.toarray(), [[0.5, 0, 4.0], [0, 2.0, 0]])
    one = encode_indices(np.array([2, -1]), 3, "one_hot", sparse=False)
    np.testing.assert_array_equal(one, [[0, 0, 1], [0, 0, 0]])
    with pytest.raises(ValueError, match="sparse=False"):
        encode_indices(idx, 3, "one_hot")


def test_demo_runs(capsys):
    from skprep._demo import run_demo

    rows = run_demo()
    assert rows and all(r["dump_kib"] > 0 for r in rows)
    assert all(r.get("accuracy", 1.0) > 0.5 for r in rows)
    out = capsys.readouterr().out
    assert "reloaded pipeline predicts" in out
