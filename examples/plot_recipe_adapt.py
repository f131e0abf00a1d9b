"""
The ``adapt()`` method: ``fit`` learns a layer's state
======================================================

Keras guide section: "The adapt() method". Keras's stateful preprocessing layers
(``TextVectorization``, ``StringLookup``, ``IntegerLookup``, ``Normalization``,
``Discretization``) learn their state from data with ``adapt``; in skprep that is ``fit``,
and calling the layer is ``transform``. The state can also be given directly (a
precomputed vocabulary), in which case no ``fit`` is needed.

This example reproduces the guide's three snippets -- with the guide's printed numbers --
and ends in a scikit-learn model that uses an adapted ``Normalization``.
"""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_wine
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

from skprep import Normalization, StringLookup, TextVectorization

# %%
# ``Normalization``: ``fit`` learns each feature's mean and variance.
data = np.array([[0.1, 0.2, 0.3], [0.8, 0.9, 1.0], [1.5, 1.6, 1.7]])
layer = Normalization().fit(data)  # Keras: layer.adapt(data)
normalized_data = layer.transform(data)  # Keras: layer(data)
print(f"Features mean: {normalized_data.mean():.2f}")
print(f"Features std: {normalized_data.std():.2f}")

# %%
# ``TextVectorization`` adapts on a plain list of strings; the output is the guide's tensor,
# number for number (int64, padded with 0 to the longest text of the batch).
data = [
    "ξεῖν᾽, ἦ τοι μὲν ὄνειροι ἀμήχανοι ἀκριτόμυθοι",
    "γίγνοντ᾽, οὐδέ τι πάντα τελείεται ἀνθρώποισι.",
    "δοιαὶ γάρ τε πύλαι ἀμενηνῶν εἰσὶν ὀνείρων:",
    "αἱ μὲν γὰρ κεράεσσι τετεύχαται, αἱ δ᾽ ἐλέφαντι:",
    "τῶν οἳ μέν κ᾽ ἔλθωσι διὰ πριστοῦ ἐλέφαντος,",
    "οἵ ῥ᾽ ἐλεφαίρονται, ἔπε᾽ ἀκράαντα φέροντες:",
    "οἱ δὲ διὰ ξεστῶν κεράων ἔλθωσι θύραζε,",
    "οἵ ῥ᾽ ἔτυμα κραίνουσι, βροτῶν ὅτε κέν τις ἴδηται.",
]
layer = TextVectorization().fit(data)
vectorized_text = layer.transform(data)
print(vectorized_text)
keras_printed = [
    [37, 12, 25, 5, 9, 20, 21, 0, 0],
    [51, 34, 27, 33, 29, 18, 0, 0, 0],
    [49, 52, 30, 31, 19, 46, 10, 0, 0],
    [7, 5, 50, 43, 28, 7, 47, 17, 0],
    [24, 35, 39, 40, 3, 6, 32, 16, 0],
    [4, 2, 15, 14, 22, 23, 0, 0, 0],
    [36, 48, 6, 38, 42, 3, 45, 0, 0],
    [4, 2, 13, 41, 53, 8, 44, 26, 11],
]
print("equal to the Keras guide:", np.array_equal(vectorized_text, keras_printed))

# %%
# State given at construction: a precomputed vocabulary, no ``fit`` needed.
vocab = ["a", "b", "c", "d"]
data = np.array([["a", "c", "d"], ["d", "z", "b"]])
layer = StringLookup(vocabulary=vocab)
print(layer.transform(data))  # the guide prints [[1 3 4] [4 0 2]]

# %%
# In a model: ``Pipeline.fit`` adapts ``Normalization`` on the training folds only, so the
# statistics never see the validation fold. The wine features span four orders of magnitude;
# without normalisation the same classifier struggles to converge.
X, y = load_wine(return_X_y=True)
raw = LogisticRegression(max_iter=200)
normalized = make_pipeline(Normalization(), LogisticRegression(max_iter=200))
scores = {
    "raw features": cross_val_score(raw, X, y, cv=5).mean(),
    "Normalization()": cross_val_score(normalized, X, y, cv=5).mean(),
}
for name, score in scores.items():
    print(f"{name:16s} accuracy {score:.3f}")

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.5))
ax1.boxplot(X, showfliers=False)
ax1.set(yscale="log", title="wine features, raw", xlabel="feature")
ax2.boxplot(Normalization().fit_transform(X), showfliers=False)
ax2.set(title="after Normalization (fit = adapt)", xlabel="feature")
fig.tight_layout()

fig, ax = plt.subplots(figsize=(5, 2.5))
ax.barh(list(scores), list(scores.values()))
ax.set(xlim=(0.8, 1.0), xlabel="cross-validated accuracy", title="LogisticRegression(max_iter=200)")
fig.tight_layout()
plt.show()
