"""Example estimators and data for the common checks (see skprep.utils.estimator_checks).

TextVectorization takes 1-D text, which scikit-learn's 2-D numeric checks cannot feed (as
for ``CountVectorizer``), so only skprep's own checks run on it.
"""

import numpy as np

from ..utils.estimator_checks import Case
from . import TextVectorization

_WORDS = np.array(
    [
        "The",
        "brain",
        "is",
        "wider",
        "than",
        "sky,",
        "For",
        "put",
        "them",
        "side",
        "École",
        "straße",
        "日本",
        "a-b",
        "ease!",
        "You",
        "beside.",
        "\t",
        "  ",
    ],
    dtype=object,
)


def _texts():
    rng = np.random.RandomState(0)
    lengths = rng.randint(0, 12, size=24)
    out = np.empty(lengths.size, dtype=object)
    out[:] = [" ".join(_WORDS[rng.randint(0, _WORDS.size, size=k)]) for k in lengths]
    return out


def _column():
    return _texts().reshape(-1, 1)


def _series():
    import pandas as pd

    return pd.Series(_texts(), name="text")


CASES = [
    Case(TextVectorization, _texts, sklearn=False),
    Case(lambda: TextVectorization(output_sequence_length=6), _column, sklearn=False),
    Case(lambda: TextVectorization(ragged=True, max_tokens=8), _texts, sklearn=False),
    Case(lambda: TextVectorization(output_mode="multi_hot", ngrams=2), _series, sklearn=False),
    Case(lambda: TextVectorization(output_mode="count", split="character"), _texts, sklearn=False),
    Case(
        lambda: TextVectorization(output_mode="tf_idf", max_tokens=10, pad_to_max_tokens=True),
        _texts,
        sklearn=False,
    ),
    Case(
        lambda: TextVectorization(output_mode="one_hot", split=None, sparse=False),
        _texts,
        sklearn=False,
    ),
]
