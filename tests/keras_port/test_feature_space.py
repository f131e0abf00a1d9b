"""Port of keras/src/layers/preprocessing/feature_space_test.py.

skprep's ``FeatureSpace`` takes a DataFrame (or a dict of columns) and returns a
``(n, width)`` array (``"concat"``) or a dict of arrays (``"dict"``); ``adapt`` is ``fit``.
Functional-API, saving and tf.data cases are Keras plumbing and are not ported.
"""

import numpy as np
import pandas as pd
import pytest

import skprep

from ._adapter import adapt, make

FS = skprep.FeatureSpace


def _data(strings=True):
    d = {f"float_{i}": np.arange(10) / 10 for i in (1, 2, 3)}
    d.update({f"int_{i}": np.arange(10) for i in (1, 2, 3)})
    if strings:
        d.update({f"string_{i}": [str(i) for i in range(10)] for i in (1, 2)})
    return pd.DataFrame(d)


NO_STRINGS = {
    "float_1": "float",
    "float_2": "float_normalized",
    "float_3": "float_discretized",
    "int_1": "integer_categorical",
    "int_2": "integer_hashed",
    "int_3": "integer_categorical",
}
ALL = {**NO_STRINGS, "string_1": "string_categorical", "string_2": "string_hashed"}


def test_concat_width_no_strings():
    fs = adapt(
        make("FeatureSpace", features=NO_STRINGS, crosses=[("int_1", "int_2"), ("int_2", "int_3")]),
        _data(False),
    )
    assert fs.transform(_data(False)).shape == (10, 152)
    assert fs.transform(_data(False).iloc[:1]).shape == (1, 152)


def test_dict_output_no_strings():
    fs = adapt(
        make("FeatureSpace", features=NO_STRINGS, crosses=[("int_1", "int_2")], output_mode="dict"),
        _data(False),
    )
    out = fs.transform(_data(False))
    assert isinstance(out, dict) and len(out) == 7
    assert out["int_2"].shape == (10, 32) and out["int_1_X_int_2"].shape == (10, 32)


def test_dict_of_ints_no_strings():
    features = {
        **NO_STRINGS,
        "int_1": FS.integer_categorical(output_mode="int"),
        "int_2": FS.integer_hashed(num_bins=32, output_mode="int"),
        "int_3": FS.integer_categorical(output_mode="int"),
    }
    fs = adapt(
        make(
            "FeatureSpace",
            features=features,
            output_mode="dict",
            crosses=[FS.cross(("int_1", "int_2"), output_mode="int", crossing_dim=32)],
        ),
        _data(False),
    )
    out = fs.transform(_data(False).iloc[:1])
    assert len(out) == 7
    for key in ("int_2", "int_1_X_int_2"):
        assert np.asarray(out[key]).size == 1
        assert np.issubdtype(np.asarray(out[key]).dtype, np.integer)


def test_concat_width_with_strings():
    fs = adapt(
        make(
            "FeatureSpace", features=ALL, crosses=[("float_3", "string_1"), ("string_2", "int_2")]
        ),
        _data(),
    )
    assert fs.transform(_data()).shape == (10, 195)
    assert fs.transform(_data().iloc[:1]).shape == (1, 195)


def test_dict_output_with_strings():
    fs = adapt(
        make(
            "FeatureSpace",
            features=ALL,
            output_mode="dict",
            crosses=[("float_3", "string_1"), ("string_2", "int_2")],
        ),
        _data(),
    )
    out = fs.transform(_data())
    assert len(out) == 10
    assert out["string_1"].shape == (10, 11)
    assert out["int_2"].shape == (10, 32)
    assert out["string_2_X_int_2"].shape == (10, 32)


def test_advanced_usage_width():
    features = {
        "float_1": FS.float(),
        "float_2": FS.float_normalized(),
        "float_3": FS.float_discretized(num_bins=3),
        "string_1": FS.string_categorical(max_tokens=5),
        "string_2": FS.string_hashed(num_bins=32),
        "int_1": FS.integer_categorical(max_tokens=5, num_oov_indices=2),
        "int_2": FS.integer_hashed(num_bins=32),
        "int_3": FS.integer_categorical(max_tokens=5),
    }
    crosses = [
        FS.cross(("float_3", "string_1"), crossing_dim=32),
        FS.cross(("string_2", "int_2"), crossing_dim=32),
    ]
    fs = adapt(make("FeatureSpace", features=features, crosses=crosses), _data())
    assert fs.transform(_data().iloc[:1]).shape == (1, 148)


def test_given_state_preprocessors():
    data = pd.DataFrame(
        {
            "int_1": np.arange(10),
            "text_1": [
                "This is",
                "not just",
                "an example",
                "of random words.",
                "these are",
                "some words",
                "in",
                "a random",
                "example.",
                "Bye!",
            ],
            "float_1": [-1.2, 0.0, 2.4, 1.2, 15.0, -100.0, 23.1, 3.12, 0.1, -0.01],
        }
    )
    vocab = ["this", "is", "just", "an", "example", "with", "some", "words"]
    fs = make(
        "FeatureSpace",
        features={
            "int_1": "integer_hashed",
            "text_1": FS.feature(
                dtype="string",
                output_mode="int",
                preprocessor=skprep.TextVectorization(vocabulary=vocab, output_sequence_length=3),
            ),
            "float_1": FS.feature(
                dtype="float32",
                output_mode="float",
                preprocessor=skprep.Normalization(mean=12.0, variance=5.0),
            ),
        },
        output_mode="dict",
    )
    out = fs.fit_transform(data)
    assert out["int_1"].shape == (10, 32)
    assert out["text_1"].shape == (10, 3)
    np.testing.assert_allclose(
        np.ravel(out["float_1"]), (data["float_1"] - 12.0) / np.sqrt(5.0), atol=1e-3
    )


def test_fit_again_gives_same_output():
    fs = make(
        "FeatureSpace",
        features=NO_STRINGS,
        crosses=[
            FS.cross(("float_3", "int_1"), crossing_dim=32),
            FS.cross(("int_1", "int_2"), crossing_dim=32),
        ],
    )
    ref = adapt(fs, _data(False)).transform(_data(False))
    np.testing.assert_allclose(adapt(fs, _data(False)).transform(_data(False)), ref)


PAIR = {"f1": "integer_categorical", "f2": "integer_categorical"}


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"features": {}}, "empty"),
        ({"features": PAIR, "crosses": [("f1", "f2")], "crossing_dim": None}, "crossing_dim"),
        ({"features": PAIR, "crosses": [("f1", "unknown")]}, "unknown"),
        ({"features": PAIR, "output_mode": "unknown"}, "output_mode"),
    ],
)
def test_bad_arguments_raise(kwargs, match):
    with pytest.raises(ValueError, match=match):
        make("FeatureSpace", **kwargs).fit(pd.DataFrame({"f1": [0, 1], "f2": [0, 1]}))


def test_transform_before_fit_raises():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        make("FeatureSpace", features=PAIR).transform(pd.DataFrame({"f1": [0], "f2": [0]}))


def test_fit_on_a_dict_of_columns():
    fs = adapt(make("FeatureSpace", features=NO_STRINGS), _data(False).to_dict("list"))
    assert fs.transform(_data(False)).shape[0] == 10
