"""FeatureSpace: Keras parity of the output layout and values, scikit-learn integration,
persistence and bad input."""

import joblib
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline

from skprep import FeatureSpace, StringLookup, TextVectorization
from tests._fixtures import case_ids, load_cases

CASES = load_cases("feature_space")


def _build(case, **extra):
    features = {
        k: v if isinstance(v, str) else getattr(FeatureSpace, v["type"])(**v["kwargs"])
        for k, v in case["features"].items()
    }
    crosses = [
        tuple(c)
        if isinstance(c, list)
        else FeatureSpace.cross(
            c["feature_names"], **{k: v for k, v in c.items() if k != "feature_names"}
        )
        for c in case["crosses"]
    ]
    return FeatureSpace(features=features, crosses=crosses, **case["kwargs"], **extra)


def _assert_block(got, expected):
    got = got.toarray() if sp.issparse(got) else np.asarray(got)
    assert got.shape == expected.shape
    assert got.dtype == expected.dtype
    if expected.dtype.kind == "f":  # Normalization: float64 moments vs Keras's float32
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    else:
        np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_matches_keras_feature_space(case):
    space = _build(case).fit(case["input"])
    out = space.transform(case["input"])
    expected = case["output"]
    if isinstance(expected, dict):
        assert set(out) == set(expected)
        for name in expected:
            _assert_block(out[name], expected[name])
    else:
        _assert_block(out, expected)
        assert len(space.get_feature_names_out()) == expected.shape[1]


@pytest.mark.parametrize("case", [c for c in CASES if not isinstance(c["output"], dict)])
def test_sparse_concat_equals_dense(case):
    dense = _build(case).fit_transform(case["input"])
    sparse = _build(case, sparse=True).fit_transform(case["input"])
    assert sp.issparse(sparse) and sparse.format == "csr" and sparse.dtype == np.float32
    np.testing.assert_array_equal(sparse.toarray(), dense)


def _data(n=80, seed=0):
    rng = np.random.RandomState(seed)
    return pd.DataFrame(
        {
            "x": rng.normal(size=n),
            "color": rng.choice(["red", "green", "blue"], size=n).astype(object),
            "rooms": rng.randint(0, 5, size=n),
            "unused": np.zeros(n),
        }
    )


SPACE = dict(
    features={
        "x": "float_discretized",
        "color": "string_categorical",
        "rooms": FeatureSpace.integer_categorical(max_tokens=4),
    },
    crosses=[("color", "rooms")],
    crossing_dim=8,
    num_discretization_bins=4,
)


def test_layout_and_names():
    space = FeatureSpace(**SPACE).fit(_data())
    names = space.get_feature_names_out().tolist()
    # sorted features (color: 3 + OOV, rooms: max_tokens=4, x: 4 bins), then the cross
    assert names[:4] == ["color_[UNK]"] + [
        f"color_{t}" for t in space.preprocessors_["color"].get_vocabulary()[1:]
    ]
    assert len(names) == 4 + 4 + 4 + 8
    assert names[-8:] == [f"color_X_rooms_{i}" for i in range(8)]
    assert list(space.feature_names_in_) == ["color", "rooms", "x"]
    assert set(space.crossers_) == {"color_X_rooms"}
    out = space.transform(_data())
    assert out.dtype == np.float32 and out.shape == (80, 20)
    np.testing.assert_array_equal(out[:, :12].sum(axis=1), 3)  # one-hot blocks
    np.testing.assert_array_equal(out[:, 12:].sum(axis=1), 1)


def test_dict_input_equals_dataframe_input():
    frame = _data()
    as_dict = {k: frame[k].to_numpy() for k in frame}
    as_dict["x"] = as_dict["x"].reshape(-1, 1)  # (n, 1) columns are accepted too
    a = FeatureSpace(**SPACE).fit(frame)
    b = FeatureSpace(**SPACE).fit(as_dict)
    np.testing.assert_array_equal(a.transform(frame), b.transform(as_dict))
    as_dict["color"] = list(as_dict["color"])
    np.testing.assert_array_equal(a.transform(frame), b.transform(as_dict))


def test_one_vocabulary_per_column_and_unseen_values():
    space = FeatureSpace(
        features={"a": "string_categorical", "b": "string_categorical"}, output_mode="dict"
    ).fit({"a": ["x", "y", "y"], "b": ["p", "p", "q"]})
    assert space.preprocessors_["a"].get_vocabulary() == ["[UNK]", "y", "x"]
    assert space.preprocessors_["b"].get_vocabulary() == ["[UNK]", "p", "q"]
    out = space.transform({"a": ["zzz"], "b": ["q"]})
    np.testing.assert_array_equal(out["a"], [[1, 0, 0]])  # unseen -> OOV column
    np.testing.assert_array_equal(out["b"], [[0, 0, 1]])


def test_text_feature_and_custom_int_feature():
    texts = ["the cat sat", "the dog", "a cat and a dog", "dog"]
    space = FeatureSpace(
        features={
            "text": FeatureSpace.feature(
                dtype="string",
                preprocessor=TextVectorization(output_mode="tf_idf", sparse=False),
                output_mode="float",
            ),
            "tag": FeatureSpace.feature(
                dtype="string", preprocessor=StringLookup(), output_mode="int"
            ),
        },
        output_mode="dict",
    ).fit({"text": texts, "tag": ["a", "b", "a", "a"]})
    out = space.transform({"text": texts, "tag": ["a", "b", "a", "c"]})
    layer = TextVectorization(output_mode="tf_idf", sparse=False).fit(np.array(texts))
    np.testing.assert_allclose(out["text"], layer.transform(np.array(texts)), rtol=1e-6)
    np.testing.assert_array_equal(out["tag"], [[1], [2], [1], [0]])


def test_user_preprocessor_is_cloned():
    lookup = StringLookup()
    FeatureSpace(features={"c": FeatureSpace.feature("string", lookup, "one_hot")}).fit(
        {"c": ["a", "b"]}
    )
    assert not hasattr(lookup, "vocabulary_")


def test_pipeline_grid_search_clone_and_joblib(tmp_path):
    X = _data(200)
    y = ((X["x"] > 0.5) ^ (X["color"] == "red")).astype(int)
    pipe = make_pipeline(FeatureSpace(**SPACE), LogisticRegression(max_iter=500))
    search = GridSearchCV(pipe, {"featurespace__num_discretization_bins": [2, 8]}, cv=3)
    search.fit(X, y)
    assert search.best_params_["featurespace__num_discretization_bins"] == 8
    space = FeatureSpace(**SPACE)
    assert clone(space).get_params() == space.get_params()
    assert space.set_params(crossing_dim=16).crossing_dim == 16
    path = tmp_path / "pipe.joblib"
    joblib.dump(search.best_estimator_, path)
    np.testing.assert_array_equal(joblib.load(path).predict(X), search.predict(X))


def test_skops_round_trip():
    """Plain-data layers (the lookups' in-memory Arrow vocabularies are not, yet)."""
    sio = pytest.importorskip("skops.io")
    space = FeatureSpace(
        features={"x": "float_discretized", "color": "string_hashed", "rooms": "float"},
        crosses=[("x", "color")],
        num_discretization_bins=4,
    ).fit(_data())
    blob = sio.dumps(space)
    untrusted = sio.get_untrusted_types(data=blob)
    assert all(t.startswith(("skprep.", "sklearn.")) for t in untrusted), untrusted
    loaded = sio.loads(blob, trusted=untrusted)
    np.testing.assert_array_equal(loaded.transform(_data()), space.transform(_data()))


def test_not_fitted_and_failed_fit_leaves_state():
    space = FeatureSpace(**SPACE)
    with pytest.raises(NotFittedError):
        space.transform(_data())
    space.fit(_data())
    before = space.transform(_data())
    with pytest.raises(ValueError, match="Missing columns"):
        space.fit(_data().drop(columns="color"))
    np.testing.assert_array_equal(space.transform(_data()), before)


@pytest.mark.parametrize(
    "kwargs, X, exc, match",
    [
        ({"features": {}}, None, ValueError, "empty"),
        ({"features": {"x": "float_fancy"}}, None, ValueError, "Invalid feature type"),
        ({"features": {"x": 3}}, None, ValueError, "Invalid feature type"),
        (
            {"features": {"color": FeatureSpace.string_categorical(output_mode="int")}},
            None,
            ValueError,
            "Consider using `output_mode='dict'`",
        ),
        (
            {"features": {"color": "string_categorical"}, "crosses": [("color", "nope")]},
            None,
            ValueError,
            "unknown",
        ),
        (
            {
                "features": {"color": "string_categorical", "x": "float"},
                "crosses": [("color", "x")],
            },
            None,
            ValueError,
            "cannot be crossed",
        ),
        (
            {"features": {"x": FeatureSpace.feature("float32", TextVectorization(), "one_hot")}},
            None,
            ValueError,
            "Try using `output_mode='int'`",
        ),
        ({"features": {"x": "float"}, "output_mode": "list"}, None, ValueError, "output_mode"),
        ({"features": {"x": "float"}}, np.zeros((3, 1)), TypeError, "DataFrame or a dict"),
        ({"features": {"x": "float"}}, {"x": [1.0, 2.0], "y": [1.0]}, ValueError, "same length"),
        ({"features": {"x": "float"}}, {"x": np.zeros((2, 2))}, ValueError, "1-D"),
    ],
)
def test_bad_input(kwargs, X, exc, match):
    with pytest.raises(exc, match=match):
        FeatureSpace(**kwargs).fit(_data() if X is None else X)


def test_bad_helper_modes():
    with pytest.raises(ValueError, match="output_mode"):
        FeatureSpace.string_categorical(output_mode="multi_hot")
    with pytest.raises(ValueError, match="output_mode"):
        FeatureSpace.cross(("a", "b"), crossing_dim=4, output_mode="float")


def test_discretized_one_hot_keeps_every_learned_bin():
    """num_bins=49 learns 49 boundaries (Keras's arange rounding): 50 bins, not 49."""
    x = np.arange(1000.0)
    space = FeatureSpace(features={"x": FeatureSpace.float_discretized(num_bins=49)}).fit({"x": x})
    out = space.transform({"x": x})
    assert out.shape == (1000, 50)
    np.testing.assert_array_equal(out.sum(axis=1), 1)  # every value lands in a column
    small = FeatureSpace(features={"x": FeatureSpace.float_discretized(num_bins=8)}).fit(
        {"x": [1.0, 2.0, 3.0]}
    )
    assert small.transform({"x": [1.0, 2.0, 3.0]}).shape == (3, 8)  # Keras's width
