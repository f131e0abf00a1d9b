"""The pure text kernels (skprep.text.functional) against Keras's rules, stated in Python."""

import string

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skprep.text import functional as F

# characters that exercise every rule: ASCII letters/punctuation/whitespace, Latin-1 and
# other Unicode letters, Unicode spaces and punctuation that Keras does NOT treat specially,
# multi-byte code points and combining sequences
ALPHABET = (
    "abcXYZ09 \t\n\x0b\x0c\r"
    + string.punctuation
    + "ÉéßÀ\u00a0\u2003\u3000\x1c\x85¿—“”«»日本👍🏽\u0301"
)
texts = st.lists(st.text(alphabet=ALPHABET, max_size=30), min_size=1, max_size=12)


def keras_lower(s):
    return s.encode().lower().decode()


def keras_strip(s):
    return "".join(c for c in s if c not in string.punctuation)


def keras_whitespace(s):
    return [t.decode() for t in s.encode().split()]


@settings(max_examples=60, deadline=None)
@given(texts)
def test_standardize_is_ascii_only(xs):
    assert F.standardize(xs, "lower").tolist() == [keras_lower(s) for s in xs]
    assert F.standardize(xs, "strip_punctuation").tolist() == [keras_strip(s) for s in xs]
    both = F.standardize(xs).tolist()
    assert both == [keras_strip(keras_lower(s)) for s in xs]
    assert F.standardize(xs, None).tolist() == list(xs)


@settings(max_examples=60, deadline=None)
@given(texts)
def test_split_rules(xs):
    assert [t.tolist() for t in F.split(xs, "whitespace")] == [keras_whitespace(s) for s in xs]
    assert [t.tolist() for t in F.split(xs, "character")] == [list(s) for s in xs]
    assert [t.tolist() for t in F.split(xs, None)] == [[s] for s in xs]


@settings(max_examples=60, deadline=None)
@given(texts)
def test_fused_strip_and_split_equals_the_two_steps(xs):
    arr = F.as_arrow_strings(xs)
    fused = F._strip_and_split_whitespace(arr)
    assert fused.equals(F._split_whitespace(F._strip_punctuation(arr)))
    assert fused.to_pylist() == [keras_whitespace(keras_strip(s)) for s in xs]


def python_ngrams(tokens, widths):
    out = []
    for w in widths:
        out += [" ".join(tokens[i : i + w]) for i in range(len(tokens) - w + 1)]
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["a", "bb", "é", "日本", ""]), max_size=7), max_size=6),
    st.one_of(st.integers(1, 4), st.lists(st.integers(1, 4), min_size=1, max_size=3).map(tuple)),
)
def test_ngrams_order(rows, ngrams):
    widths = tuple(range(1, ngrams + 1)) if isinstance(ngrams, int) else ngrams
    got = [r.tolist() for r in F.ngrams(rows, ngrams)] if rows else []
    assert got == [python_ngrams(r, widths) for r in rows]


def test_documented_examples():
    assert F.standardize(["ÉCOLE Straße ÀB"], "lower").tolist() == ["École straße Àb"]
    assert F.standardize(["don't a_b 1.5 ¿—“”"], "strip_punctuation").tolist() == [
        "dont ab 15 ¿—“”"
    ]
    assert F.split(["👍🏽"], "character")[0].tolist() == ["👍", "🏽"]
    assert F.ngrams([["a", "b", "c"]], 2)[0].tolist() == ["a", "b", "c", "a b", "b c"]
    assert F.tokenize(["The Sky!"], ngrams=(2,))[0].tolist() == ["the sky"]


def test_pyarrow_in_pyarrow_out():
    arr = pa.array(["A b", "C"])
    assert isinstance(F.standardize(arr), pa.Array)
    tokens = F.split(arr)
    assert isinstance(tokens, pa.LargeListArray)
    assert F.ngrams(tokens, 2).to_pylist() == [["A", "b", "A b"], ["C"]]


def test_sliced_arrow_input():
    arr = pa.array(["x y", "Ab, cD", "e"]).slice(1, 2)
    assert F.tokenize(arr).to_pylist() == [["ab", "cd"], ["e"]]


def test_callables_get_numpy_strings():
    seen = {}

    def std(x):
        seen["std"] = x
        return np.strings.upper(x)

    def spl(x):
        seen["split"] = x
        return np.char.split(x, ",")

    out = F.tokenize(["a,b", "c"], standardize=std, split=spl)
    assert [r.tolist() for r in out] == [["A", "B"], ["C"]]
    for x in seen.values():
        assert isinstance(x, np.ndarray) and x.dtype.kind == "T"


@pytest.mark.parametrize(
    "texts, error, match",
    [
        (["a", None], ValueError, "missing values"),
        (["a", float("nan")], ValueError, "missing values"),
        (["a", 3], TypeError, "element 1 is 3"),
        ([b"\xff\xfe"], ValueError, "decode"),
        (np.array([1, 2]), TypeError, "dtype int64"),
        (np.array([["a"]]), ValueError, "1-D"),
    ],
)
def test_bad_input(texts, error, match):
    with pytest.raises(error, match=match):
        F.as_arrow_strings(texts)


def test_bytes_decoded_with_encoding():
    assert F.as_arrow_strings([b"caf\xe9"], encoding="latin-1").to_pylist() == ["café"]
    assert F.as_arrow_strings(np.array([b"caf\xc3\xa9"])).to_pylist() == ["café"]
    with pytest.raises(ValueError, match="encoding='utf-8'"):
        F.as_arrow_strings(np.array([b"caf\xe9"]))


@pytest.mark.parametrize("bad", [0, -1, (), (0, 1), [1, 2], 1.5, True])
def test_bad_ngrams(bad):
    with pytest.raises(ValueError, match="ngrams"):
        F.ngram_widths(bad)


@pytest.mark.parametrize("fn, arg", [(F.standardize, "upper"), (F.split, "comma")])
def test_unknown_method(fn, arg):
    with pytest.raises(ValueError, match="Unknown value"):
        fn(["a"], arg)
