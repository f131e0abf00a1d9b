"""Keras cases for Hashing and HashedCrossing (TF's FarmHash / SipHash).

Random strings of every FarmHash length class (0, 1-3, 4-7, 8-16, 17-32, 33-64, 65-200,
201-700 bytes), Unicode and raw (non-UTF-8) bytes; numbers of every dtype Keras stringifies;
masks; salts; every output mode. ``num_bins = 2**63 - 1`` keeps almost all of each 64-bit
hash, so those cases check the kernels nearly bit for bit.
"""

import numpy as np

BIG = 2**63 - 1  # largest num_bins TF accepts: the bucket is the hash mod 2**63 - 1
LENGTH_CLASSES = {
    "len0": (0, 0),
    "len1_3": (1, 3),
    "len4_7": (4, 7),
    "len8_16": (8, 16),
    "len17_32": (17, 32),
    "len33_64": (33, 64),
    "len65_200": (65, 200),
    "len201_700": (201, 700),
}
SALTS = {"fast": None, "salt_int": 133, "salt_pair": (133, 137), "salt_big": (-5, 2**62 + 7)}
_ASCII = np.frombuffer(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./", "u1")


def _rng(seed=0):
    return np.random.RandomState(seed)


def _ascii_strings(rng, lo, hi, n):
    out = np.empty(n, dtype=object)
    for i in range(n):
        out[i] = bytes(rng.choice(_ASCII, rng.randint(lo, hi + 1))).decode()
    return out


def _unicode_strings(rng, n):
    ranges = [(0x20, 0x7E), (0xA0, 0x2FF), (0x400, 0x4FF), (0x3040, 0x30FF), (0x4E00, 0x4FFF)]
    ranges += [(0x1F600, 0x1F64F)]
    out = np.empty(n, dtype=object)
    for i in range(n):
        chars = []
        for _ in range(rng.randint(0, 40)):
            lo, hi = ranges[rng.randint(len(ranges))]
            chars.append(chr(rng.randint(lo, hi + 1)))
        out[i] = "".join(chars)
    out[:4] = ["é", "e\u0301", "日本語", "🙂" * 20]
    return out


def _raw_bytes(rng, n):
    out = np.empty(n, dtype=object)
    for i in range(n):
        out[i] = bytes(rng.randint(0, 256, rng.randint(0, 150)).astype(np.uint8))
    return out


def _call(layer, x):
    out = layer(x)
    if hasattr(out, "toarray"):
        out = out.toarray()
    return np.asarray(out)


def _hashing_case(name, kwargs, x):
    import keras

    layer = keras.layers.Hashing(**kwargs)
    return {
        "name": f"hashing_{name}",
        "layer": "Hashing",
        "kwargs": kwargs,
        "input": x,
        "output": _call(layer, x),
    }


def _hashing():
    rng = _rng(5)
    cases = []
    for cls, (lo, hi) in LENGTH_CLASSES.items():
        x = _ascii_strings(rng, lo, hi, 40 if hi > 0 else 3)
        for salt_name, salt in SALTS.items():
            cases.append(_hashing_case(f"{cls}_{salt_name}", {"num_bins": BIG, "salt": salt}, x))
    uni = _unicode_strings(rng, 60)
    raw = _raw_bytes(rng, 60)
    mixed_len = _ascii_strings(rng, 0, 300, 200)
    for salt_name, salt in SALTS.items():
        kw = {"num_bins": BIG, "salt": salt}
        cases.append(_hashing_case(f"unicode_{salt_name}", kw, uni))
        cases.append(_hashing_case(f"raw_bytes_{salt_name}", kw, raw))
        cases.append(_hashing_case(f"mixed_lengths_{salt_name}", kw, mixed_len))
        cases.append(
            _hashing_case(
                f"mixed_lengths_small_{salt_name}", {"num_bins": 1000003, "salt": salt}, mixed_len
            )
        )
    # layer-level test vectors verified against TF
    abcde = np.array(["A", "B", "C", "D", "E"], dtype=object)
    cases += [
        _hashing_case("spec_fast", {"num_bins": 3}, abcde),
        _hashing_case(
            "spec_mask",
            {"num_bins": 3, "mask_value": ""},
            np.array(["A", "B", "", "C", "D"], dtype=object),
        ),
        _hashing_case("spec_salt", {"num_bins": 3, "salt": 133}, abcde),
        _hashing_case("spec_salt_pair", {"num_bins": 3, "salt": [133, 137]}, abcde),
        _hashing_case("spec_ints", {"num_bins": 5}, np.array([1, 2, 3, -1, 10])),
    ]
    # numbers: Keras writes them as decimal strings (floats truncated first)
    ints = np.concatenate([rng.randint(-(10**6), 10**6, 30), [0, -1, 2**62, -(2**63), 2**63 - 1]])
    floats = np.concatenate(
        [rng.uniform(-1000, 1000, 30), [0.0, -0.0, 1.0, 1.9, -1.9, 0.5, -0.5, 1e15 + 0.5, 2.0**62]]
    )
    for name, x in [
        ("int64", ints.astype(np.int64)),
        ("int32", ints[:30].astype(np.int32)),
        ("uint8", rng.randint(0, 256, 20).astype(np.uint8)),
        ("float64", floats.astype(np.float64)),
        ("float32", floats[:36].astype(np.float32)),
        ("bool", np.array([True, False, True, True])),
        ("int64_2d", ints[:30].reshape(10, 3).astype(np.int64)),
    ]:
        for salt_name in ("fast", "salt_pair"):
            kw = {"num_bins": BIG, "salt": SALTS[salt_name]}
            cases.append(_hashing_case(f"{name}_{salt_name}", kw, x))
    # masks (compared on the raw input), num_bins=1
    strs = _ascii_strings(rng, 0, 3, 30)
    strs[::4] = ""
    cases += [
        _hashing_case("mask_string", {"num_bins": 7, "mask_value": ""}, strs),
        _hashing_case("mask_string_salt", {"num_bins": 7, "mask_value": "", "salt": 9}, strs),
        _hashing_case("mask_int", {"num_bins": 4, "mask_value": 0}, np.array([0, 1, 2, 0, -1, 5])),
        _hashing_case(
            "mask_float_raw",
            {"num_bins": 4, "mask_value": 1.0},
            np.array([1.0, 1.5, 2.0, 1.0, -1.0, 0.99]),
        ),
        _hashing_case(
            "mask_num_bins_1",
            {"num_bins": 1, "mask_value": "a"},
            np.array(["a", "b", "c"], dtype=object),
        ),
        _hashing_case("num_bins_1", {"num_bins": 1}, np.array(["a", "b", "c"], dtype=object)),
    ]
    # output modes
    single = _ascii_strings(rng, 1, 6, 12)
    bags = _ascii_strings(rng, 1, 2, 24).reshape(8, 3)
    bags[0] = ["a", "a", "b"]
    for mode in ("one_hot", "multi_hot", "count"):
        for mask in (None, "a"):
            suffix = "" if mask is None else "_mask"
            kw = {"num_bins": 6, "output_mode": mode, "mask_value": mask}
            if mode == "one_hot":
                cases.append(_hashing_case(f"{mode}_1d{suffix}", kw, single))
                cases.append(_hashing_case(f"{mode}_n1{suffix}", kw, single[:, None]))
                cases.append(_hashing_case(f"{mode}_nm{suffix}", kw, bags))
            else:
                cases.append(_hashing_case(f"{mode}_nm{suffix}", kw, bags))
                cases.append(_hashing_case(f"{mode}_n1{suffix}", kw, single[:, None]))
    cases.append(_hashing_case("int_2d_strings", {"num_bins": 1000003, "salt": 5}, bags))
    return cases


def _crossing_case(name, kwargs, columns):
    import keras

    layer = keras.layers.HashedCrossing(**kwargs)
    return {
        "name": f"hashed_crossing_{name}",
        "layer": "HashedCrossing",
        "kwargs": kwargs,
        "columns": list(columns),
        "output": _call(layer, tuple(columns)),
    }


def _hashed_crossing():
    rng = _rng(6)
    n = 60
    s1 = _ascii_strings(rng, 0, 80, n)
    s2 = _unicode_strings(rng, n)
    i1 = np.concatenate([rng.randint(-(10**9), 10**9, n - 4), [0, -1, 2**63 - 1, -(2**63)]])
    i2 = rng.randint(0, 5, n).astype(np.int64)
    cases = [
        _crossing_case(
            "spec_example",
            {"num_bins": 5},
            [
                np.array(["A", "B", "A", "B", "A"], dtype=object),
                np.array([101, 101, 101, 102, 102]),
            ],
        ),
        _crossing_case(
            "spec_three_way",
            {"num_bins": 1000003},
            [np.array(["A"], dtype=object), np.array([1]), np.array(["x"], dtype=object)],
        ),
        _crossing_case("str_int_big", {"num_bins": BIG}, [s1, i1.astype(np.int64)]),
        _crossing_case("int_str_big", {"num_bins": BIG}, [i1.astype(np.int64), s1]),
        _crossing_case("str_str_int_big", {"num_bins": BIG}, [s1, s2, i2]),
        _crossing_case("int_int", {"num_bins": 1000003}, [i1.astype(np.int64), i2]),
        _crossing_case("four_way", {"num_bins": 97}, [s1, i2, s2, i1.astype(np.int64)]),
        _crossing_case("one_hot", {"num_bins": 7, "output_mode": "one_hot"}, [s1[:10], i2[:10]]),
        _crossing_case("n1_columns", {"num_bins": 13}, [s1[:10, None], i2[:10, None]]),
    ]
    # int32 columns: TF's cross op takes their int64 value
    cases.append(_crossing_case("int32", {"num_bins": 1000003}, [i2.astype(np.int32), s1]))
    return cases


def generate():
    return _hashing() + _hashed_crossing()
