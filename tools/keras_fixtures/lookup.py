"""Keras cases for StringLookup and IntegerLookup.

Each case records the constructor kwargs, the ``adapt`` data (``fit``; absent when a
vocabulary is given), the call input and Keras's output, ``get_vocabulary()`` and, for
tf_idf, ``idf_weights``. Bag modes (multi_hot / count / tf_idf) are called on 2-D inputs
(one bag per row, which skprep and Keras agree on); one_hot on 1-D inputs.
"""

import os
import tempfile

import numpy as np

UNICODE = ["é", "z", "b", "aa", "a", "Z", "日本", "👍", "e\u0301", "ß"]


def _py(v):
    if isinstance(v, bytes):
        return v.decode("utf-8")
    if isinstance(v, np.generic):
        return v.item()
    return v


def _out(x):
    arr = np.asarray(x)
    if arr.dtype.kind in "SO":
        flat = np.array([_py(v) for v in arr.ravel()], dtype=object)
        return flat.reshape(arr.shape)
    return arr


def _strings(rng, n, pool):
    ranks = np.minimum(rng.zipf(1.5, size=n), len(pool)) - 1
    return np.asarray(pool, dtype=object)[ranks]


def _case(keras, layer_name, name, kwargs, x, adapt=None, batches=None, file_lines=None):
    cls = getattr(keras.layers, layer_name)
    kw = dict(kwargs)
    tmp = None
    if file_lines is not None:
        fd, tmp = tempfile.mkstemp(suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write("\n".join(str(t) for t in file_lines) + "\n")
        kw["vocabulary"] = tmp
    layer = cls(**kw)
    if batches is not None:
        layer.adapt(iter([np.asarray(b) for b in batches]))
    elif adapt is not None:
        layer.adapt(adapt)
    out = layer(x)
    case = {
        "name": f"{layer_name.lower()}_{name}",
        "layer": layer_name,
        "kwargs": kwargs,
        "input": np.asarray(x) if not isinstance(x, np.ndarray) else x,
        "output": _out(out),
        "vocabulary": [_py(v) for v in layer.get_vocabulary()],
        "vocabulary_size": int(layer.vocabulary_size()),
    }
    if adapt is not None:
        case["adapt"] = adapt
    if batches is not None:
        case["batches"] = batches
    if file_lines is not None:
        case["file_lines"] = file_lines
    if kw.get("output_mode") in ("tf_idf", "tf-idf"):
        case["idf_weights"] = np.asarray(layer.idf_weights_const, dtype=np.float32)
    if tmp:
        os.unlink(tmp)
    return case


def _string_cases(keras):
    rng = np.random.RandomState(0)
    pool = [f"w{i}" for i in range(30)] + UNICODE
    S = "StringLookup"
    data2d = _strings(rng, 60, pool).reshape(20, 3)
    data1d = _strings(rng, 50, pool)
    ties = np.array(["a", "b", "c", "d", "e", "b", "c", "d", "e", "f", "g", "aa", "Z"], object)
    uni = np.array(UNICODE + UNICODE[::2] + ["[UNK]", "", ""], dtype=object)
    call2d = np.concatenate([data2d[:6], [["zz", "é", "w0"], ["", "qq", "日本"]]]).astype(object)
    cases = [
        _case(
            keras,
            S,
            "adapt_worked",
            {},
            np.array([["a", "c", "d"], ["d", "z", "b"]]),
            adapt=np.array([["a", "c", "d"], ["d", "z", "b"]]),
        ),
        _case(keras, S, "adapt_2d", {}, call2d, adapt=data2d),
        _case(keras, S, "adapt_1d", {}, data1d, adapt=data1d),
        _case(
            keras,
            S,
            "mask_int",
            {"mask_token": ""},
            np.array(["", "b", "q", "c", ""]),
            adapt=np.array(["a", "b", "b", "c", "c", "c", ""]),
        ),
        _case(
            keras,
            S,
            "max_tokens_worked",
            {"max_tokens": 3, "mask_token": ""},
            np.array(["a", "b", "c", "", "q"]),
            adapt=np.array(["a", "b", "b", "c", "c", "c", ""]),
        ),
        _case(keras, S, "max_tokens_ties", {"max_tokens": 5}, ties, adapt=ties),
        _case(keras, S, "unicode_order", {"mask_token": ""}, uni, adapt=uni),
        _case(
            keras,
            S,
            "two_oov_vocab",
            {"vocabulary": ["a", "b", "c", "d"], "num_oov_indices": 2},
            np.array([["a", "c", "d"], ["m", "z", "b"]]),
        ),
        _case(
            keras,
            S,
            "five_oov_adapt",
            {"num_oov_indices": 5, "mask_token": ""},
            call2d,
            adapt=data2d,
        ),
        _case(
            keras,
            S,
            "salt_int",
            {"vocabulary": ["a", "b"], "num_oov_indices": 3, "salt": 133},
            np.array(["a", "A", "B", "C", "D", "E", "hello", "日本", "b"]),
        ),
        _case(
            keras,
            S,
            "salt_pair",
            {"vocabulary": ["a", "b"], "num_oov_indices": 4, "salt": [133, 137]},
            np.array(["a", "A", "B", "C", "D", "E", "hello", "", "b"]),
        ),
        _case(
            keras,
            S,
            "zero_oov",
            {"vocabulary": ["a", "b", "c"], "num_oov_indices": 0},
            np.array([["c", "a"], ["b", "b"]]),
        ),
        _case(
            keras,
            S,
            "specials_in_vocab",
            {"mask_token": "", "vocabulary": ["", "[UNK]", "a", "b"]},
            np.array(["a", "", "x", "b"]),
        ),
        _case(
            keras,
            S,
            "oov_token_as_token",
            {"vocabulary": ["x", "[UNK]"]},
            np.array(["[UNK]", "x", "y"]),
        ),
        _case(
            keras,
            S,
            "invert",
            {"vocabulary": ["a", "b"], "mask_token": "", "invert": True},
            np.array([0, 1, 2, 3, 4, -1]),
        ),
        _case(
            keras,
            S,
            "invert_adapt",
            {"invert": True, "num_oov_indices": 2},
            np.array([[0, 1, 2], [3, 4, 9]]),
            adapt=data2d,
        ),
        _case(
            keras,
            S,
            "file_vocab",
            {"num_oov_indices": 1},
            np.array(["b", "x", "a", "日本"]),
            file_lines=["b", "a", "日本"],
        ),
        _case(
            keras,
            S,
            "streamed",
            {"output_mode": "tf_idf"},
            call2d,
            batches=[data2d[:7], data2d[7:8], data2d[8:]],
        ),
        _case(keras, S, "one_hot", {"output_mode": "one_hot"}, data1d[:12], adapt=data1d),
        _case(
            keras,
            S,
            "one_hot_mask",
            {"output_mode": "one_hot", "mask_token": ""},
            np.array(["", "b", "c", "q"]),
            adapt=np.array(["a", "b", "b", "c", ""]),
        ),
        _case(
            keras,
            S,
            "tf_idf_worked",
            {"output_mode": "tf_idf"},
            np.array([["a"], ["b"], ["b"], ["c"]]),
            adapt=np.array(["a", "b", "b", "c"]),
        ),
        _case(
            keras,
            S,
            "tf_idf_given",
            {"output_mode": "tf_idf", "vocabulary": ["x", "y"], "idf_weights": [1.0, 3.0]},
            np.array([["x", "y", "y"], ["q", "x", "x"]]),
        ),
        _case(
            keras,
            S,
            "tf_idf_given_specials",
            {
                "output_mode": "tf_idf",
                "vocabulary": ["[UNK]", "x", "y"],
                "idf_weights": [9.0, 1.0, 3.0],
            },
            np.array([["x", "y", "y"], ["q", "x", "x"]]),
        ),
    ]
    for mode in ("multi_hot", "count", "tf_idf"):
        for extra_name, extra in (
            ("", {}),
            ("_mask", {"mask_token": ""}),
            ("_pad", {"max_tokens": 12, "pad_to_max_tokens": True}),
            ("_oov3", {"num_oov_indices": 3}),
        ):
            adapt = data2d.copy()
            adapt[::4, 1] = ""
            call = call2d.copy()
            cases.append(
                _case(
                    keras,
                    S,
                    f"{mode}{extra_name}",
                    {"output_mode": mode, **extra},
                    call,
                    adapt=adapt,
                )
            )
    cases.append(_case(keras, S, "binary_alias", {"output_mode": "binary"}, call2d, adapt=data2d))
    return cases


def _integer_cases(keras):
    rng = np.random.RandomState(1)
    I = "IntegerLookup"
    data2d = (rng.zipf(1.6, size=(20, 3)) % 25 - 3).astype(np.int64)
    call2d = np.concatenate([data2d[:6], [[99, -7, 0], [-1, 1000, 3]]]).astype(np.int64)
    ties = np.array([10, 3, 1, 0, 3, 1, 0, -5, 7, 7, -1, -1, -1])
    return [
        _case(
            keras,
            I,
            "adapt_worked",
            {},
            np.array([[12, 1138, 42], [42, 1000, 36]]),
            adapt=np.array([[12, 1138, 42], [42, 1000, 36]]),
        ),
        _case(keras, I, "adapt_2d", {}, call2d, adapt=data2d),
        _case(keras, I, "ties_numeric", {"max_tokens": 6}, ties, adapt=ties),
        _case(keras, I, "mask_zero", {"mask_token": 0}, call2d, adapt=data2d),
        _case(
            keras,
            I,
            "floormod_3",
            {"num_oov_indices": 3, "vocabulary": [12, 36]},
            np.array([12, -1, -5, 7, 8, 36, 100, -3]),
        ),
        _case(
            keras,
            I,
            "farmhash_3",
            {"num_oov_indices": 3, "oov_method": "farmhash", "vocabulary": [12, 36]},
            np.array([12, -1, -5, 7, 8, 36, 100, -3, 101]),
        ),
        _case(
            keras,
            I,
            "farmhash_salt",
            {"num_oov_indices": 4, "oov_method": "farmhash", "salt": 133, "vocabulary": [12, 36]},
            np.array([12, -1, -5, 7, 8, 36, 100, -3, 101]),
        ),
        _case(
            keras,
            I,
            "invert",
            {"vocabulary": [12, 36], "mask_token": 0, "invert": True},
            np.array([0, 1, 2, 3, 4, -1]),
        ),
        _case(
            keras,
            I,
            "specials_in_vocab",
            {"mask_token": 0, "vocabulary": [0, -1, 5, 6]},
            np.array([5, 0, 7, 6]),
        ),
        _case(
            keras,
            I,
            "float_integral",
            {},
            np.array([1.0, 2.0, 3.0, 2.0]),
            adapt=np.array([2.0, 2.0, 3.0]),
        ),
        _case(keras, I, "file_vocab", {}, np.array([7, 3, 9, -2]), file_lines=[3, 7, -2]),
        _case(keras, I, "one_hot", {"output_mode": "one_hot"}, call2d[:, 0], adapt=data2d),
        _case(
            keras,
            I,
            "multi_hot_mask",
            {"output_mode": "multi_hot", "mask_token": 0},
            call2d,
            adapt=data2d,
        ),
        _case(
            keras,
            I,
            "count_pad",
            {"output_mode": "count", "max_tokens": 9, "pad_to_max_tokens": True},
            call2d,
            adapt=data2d,
        ),
        _case(
            keras,
            I,
            "tf_idf",
            {"output_mode": "tf_idf", "num_oov_indices": 2},
            call2d,
            adapt=data2d,
        ),
        _case(keras, I, "tf_idf_alias", {"output_mode": "tf-idf"}, call2d, adapt=data2d),
    ]


def generate():
    import keras

    return _string_cases(keras) + _integer_cases(keras)
