"""
Coming from scikit-learn: equivalents, differences, and what skprep adds
========================================================================

Most skprep layers have a scikit-learn relative. This example puts them side by side --
``CountVectorizer`` / ``TfidfVectorizer``, ``OneHotEncoder`` / ``OrdinalEncoder``,
``StandardScaler``, ``KBinsDiscretizer``, ``FeatureHasher`` -- and shows where the numbers
agree, where they differ and why (skprep follows Keras), then fits the same text classifier
with each vectoriser.

What skprep adds on top: Keras's exact outputs (a model trained with Keras preprocessing
can be served with scikit-learn), integer token sequences, mergeable fit states
(``partial_fit``, ``fit`` on a stream or a Dask collection, ``n_jobs``), the image and audio
layers, and fitted state that ``skops`` loads without pickle.
"""

import importlib
import inspect

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import (
    KBinsDiscretizer,
    Normalizer,
    OneHotEncoder,
    OrdinalEncoder,
    StandardScaler,
)
from sklearn.svm import LinearSVC

from skprep import Discretization, Hashing, Normalization, StringLookup, TextVectorization

docs = ["the cat sat", "the dog sat down", "a cat and a dog"]

# %%
# ``CountVectorizer(binary=True)`` vs ``TextVectorization(output_mode="multi_hot")``.
# Same idea; Keras orders the vocabulary by frequency and keeps a ``[UNK]`` column for
# unknown tokens (scikit-learn sorts alphabetically and drops unknown tokens), and keeps
# one-letter words like "a" (scikit-learn's default ``token_pattern`` drops them).
cv = CountVectorizer(binary=True).fit(docs)
tv = TextVectorization(output_mode="multi_hot").fit(docs)
print("CountVectorizer  ", cv.get_feature_names_out().tolist())
print("TextVectorization", tv.get_vocabulary())
print(cv.transform(["the cat and the bird"]).toarray())
print(tv.transform(["the cat and the bird"]).toarray())  # "bird" counted in [UNK]

# %%
# ``TfidfVectorizer`` vs ``TextVectorization(output_mode="tf_idf")``: different idf formulas
# (scikit-learn ``1 + ln((1 + n) / (1 + df))``, Keras ``ln(1 + n / (1 + df))``) and no row
# normalisation in Keras. Add ``Normalizer()`` to get unit rows.
tfidf = TfidfVectorizer().fit(docs)
print(
    "sklearn idf",
    {k: round(float(v), 3) for k, v in zip(tfidf.get_feature_names_out(), tfidf.idf_)},
)
keras_tfidf = TextVectorization(output_mode="tf_idf").fit(docs)
print(
    "Keras idf  ",
    {k: round(float(v), 3) for k, v in zip(keras_tfidf.get_vocabulary(), keras_tfidf.idf_weights_)},
)

# %%
# ``OneHotEncoder`` vs ``StringLookup(output_mode="one_hot")``, one lookup per column.
# An unknown value: all zeros with ``handle_unknown="ignore"``, the OOV column in skprep.
colors = pd.DataFrame({"color": ["red", "blue", "red", "green"]})
ohe = OneHotEncoder(handle_unknown="ignore").fit(colors)
sl = StringLookup(output_mode="one_hot").fit(colors)
new = pd.DataFrame({"color": ["blue", "purple"]})
print(ohe.get_feature_names_out().tolist(), "\n", ohe.transform(new).toarray())
print(sl.get_feature_names_out().tolist(), "\n", sl.transform(new).toarray())

# %%
# ``OrdinalEncoder`` vs ``StringLookup()`` (int mode): alphabetical codes from 0 vs
# frequency order from 1 (0 is the OOV index, so unknown values need no special setting).
print(OrdinalEncoder().fit(colors).transform(colors).ravel())
print(StringLookup().fit(colors).transform(colors).ravel())

# %%
# ``StandardScaler`` vs ``Normalization``: the same numbers (population variance), float32
# out in Keras; both stream with ``partial_fit``.
X = np.random.default_rng(0).normal(5, 3, size=(1_000, 3))
print(
    "max difference",
    np.abs(StandardScaler().fit_transform(X) - Normalization().fit_transform(X)).max(),
)

# %%
# ``KBinsDiscretizer(strategy="quantile")`` vs ``Discretization``: quantile bins; Keras uses
# an approximate quantile sketch and one set of boundaries for all columns.
x = np.random.default_rng(1).exponential(size=(10_000, 1))
kbd = KBinsDiscretizer(n_bins=4, strategy="quantile", encode="ordinal", quantile_method="linear")
print("sklearn edges", kbd.fit(x).bin_edges_[0][1:-1].round(3))
print("Keras edges  ", Discretization(num_bins=4).fit(x).bin_boundaries_.round(3))

# %%
# ``FeatureHasher`` vs ``Hashing``: both hash without a vocabulary. ``FeatureHasher`` uses
# MurmurHash3 with signs; ``Hashing`` uses TensorFlow's FarmHash (SipHash with a ``salt``),
# so its buckets equal a Keras model's.
ids = [["alice"], ["bob"], ["carol"], ["alice"]]
print(FeatureHasher(n_features=8, input_type="string").transform(ids).toarray())
print(Hashing(num_bins=8, output_mode="one_hot").transform(np.array(ids)).toarray())


# %%
# The same classifier with each vectoriser, on docstrings of the standard library
# labelled by topic (read from the running interpreter, no download).
def stdlib_docstrings():
    topics = {
        "files": ["os", "shutil", "pathlib", "tempfile", "glob", "zipfile", "tarfile"],
        "numbers": ["math", "statistics", "decimal", "fractions", "random", "cmath"],
        "text": ["re", "string", "textwrap", "difflib", "unicodedata", "codecs"],
        "network": ["socket", "ssl", "http.client", "urllib.request", "smtplib"],
        "testing": ["unittest", "doctest", "unittest.mock"],
    }
    found = {}
    for topic, modules in topics.items():
        for name in modules:
            for _, obj in inspect.getmembers(importlib.import_module(name)):
                members = [obj]
                if inspect.isclass(obj):
                    members += [m for _, m in inspect.getmembers(obj, inspect.isfunction)]
                for member in members:
                    if inspect.isroutine(member) or inspect.isclass(member):
                        doc = inspect.getdoc(member)
                        if doc and len(doc) > 40:
                            found.setdefault(doc, topic)
    return np.array(list(found), dtype=object), np.array(list(found.values()))


texts, topics = stdlib_docstrings()
vectorisers = {
    "CountVectorizer(binary)": CountVectorizer(binary=True),
    "TextVectorization(multi_hot)": TextVectorization(output_mode="multi_hot"),
    "TfidfVectorizer": TfidfVectorizer(),
    "TextVectorization(tf_idf)\n+ Normalizer": make_pipeline(
        TextVectorization(output_mode="tf_idf"), Normalizer()
    ),
}
scores = {}
for name, vectoriser in vectorisers.items():
    model = make_pipeline(vectoriser, LinearSVC(C=0.5))
    cv = StratifiedKFold(3, shuffle=True, random_state=0)
    scores[name] = cross_val_score(model, texts, topics, cv=cv).mean()
    print(f"{name.replace(chr(10), ' '):40s} accuracy {scores[name]:.3f}")

fig, ax = plt.subplots(figsize=(7, 3))
ax.barh(list(scores), list(scores.values()))
ax.set(xlim=(0.5, 1.0), xlabel="3-fold accuracy", title="the same LinearSVC")
ax.invert_yaxis()
fig.tight_layout()
plt.show()
