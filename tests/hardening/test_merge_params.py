"""Class 3 of the hardening battery: ``AdaptState.merge`` refuses states built with different
state-shaping parameters, for every AdaptMixin layer (a state carries its parameters)."""

import itertools

import numpy as np
import pytest
from sklearn.base import clone

from skprep import Normalization, StringLookup, TextVectorization
from skprep.base import AdaptMixin
from tests._cases import cases

ADAPT_CASES = [c for c in cases() if isinstance(c.make(), AdaptMixin)]
PAIRS = [
    (a, b)
    for a, b in itertools.permutations(ADAPT_CASES, 2)
    if type(a.make()) is type(b.make()) and a.make()._adapt_params() != b.make()._adapt_params()
]


def test_text_vectorization_ngrams_states_do_not_merge():
    docs = ["the cat sat", "the dog ran"]
    a = TextVectorization().fit(docs)
    b = TextVectorization(ngrams=2).fit(docs)
    with pytest.raises(ValueError, match=r"ngrams=None vs ngrams=2"):
        a.adapt_state_.merge(b.adapt_state_)
    assert a.get_vocabulary() == TextVectorization().fit(docs).get_vocabulary()


@pytest.mark.parametrize(
    "make_a, make_b, X",
    [
        (lambda: TextVectorization(), lambda: TextVectorization(standardize=None), ["A b", "c"]),
        (lambda: TextVectorization(), lambda: TextVectorization(split="character"), ["ab", "c"]),
        (lambda: StringLookup(), lambda: StringLookup(encoding="latin-1"), np.array(["a", "b"])),
        (lambda: Normalization(axis=-1), lambda: Normalization(axis=None), np.ones((3, 2))),
    ],
)
def test_shaping_parameter_mismatch_is_refused(make_a, make_b, X):
    a, b = make_a().fit(X), make_b().fit(X)
    with pytest.raises(ValueError, match="different parameters"):
        a.adapt_state_.merge(b.adapt_state_)


@pytest.mark.parametrize("a, b", PAIRS, ids=[f"{a.make()!r}<-{b.make()!r}" for a, b in PAIRS])
def test_every_layer_refuses_states_of_other_parameters(a, b):
    ea, eb = clone(a.make()).fit(a.X()), clone(b.make()).fit(b.X())
    with pytest.raises(ValueError, match="different parameters"):
        ea.adapt_state_.merge(eb.adapt_state_)


@pytest.mark.parametrize("case", ADAPT_CASES, ids=[repr(c.make()) for c in ADAPT_CASES])
def test_states_of_the_same_parameters_still_merge(case):
    X = case.X()
    a, b = clone(case.make()).fit(X), clone(case.make()).fit(X)
    a.adapt_state_.merge(b.adapt_state_)
