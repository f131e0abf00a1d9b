"""
Encoding text as a dense matrix of N-grams with multi-hot encoding
==================================================================

Keras guide recipe: "Encoding text as a dense matrix of N-grams with multi-hot encoding".
``output_mode="multi_hot"`` marks which n-grams a text contains (1 or 0); with ``ngrams=2``
the vocabulary holds unigrams and bigrams. In Keras this feeds a ``Dense`` layer; here any
linear scikit-learn model. The matrix is a SciPy CSR matrix by default (it is mostly
zeros), with int64 values where the Keras guide prints float32.
"""

import importlib
import inspect

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

from skprep import TextVectorization

# %%
# The guide's snippet: bigrams indexed by ``fit``, a new sentence encoded.
adapt_data = [
    "The Brain is wider than the Sky",
    "For put them side by side",
    "The one the other will contain",
    "With ease and You beside",
]
text_vectorizer = TextVectorization(output_mode="multi_hot", ngrams=2).fit(adapt_data)
encoded = text_vectorizer.transform(["The Brain is deeper than the sea"])
print(type(encoded).__name__, encoded.dtype, encoded.shape)  # sparse by default
print("Encoded text:\n", encoded.toarray())
# Keras prints the same 0/1 vector of length 41 (as float32).


# %%
# A corpus: docstrings of standard-library modules, labelled by topic (no download).
def stdlib_docstrings():
    topics = {
        "files": ["os", "shutil", "pathlib", "tempfile", "glob", "zipfile", "tarfile"],
        "numbers": ["math", "statistics", "decimal", "fractions", "random", "cmath"],
        "text": ["re", "string", "textwrap", "difflib", "unicodedata", "codecs"],
        "network": ["socket", "ssl", "http.client", "urllib.request", "smtplib"],
        "testing": ["unittest", "doctest", "unittest.mock"],
    }
    docs = {}
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
                            docs.setdefault(doc, topic)  # each text once
    return np.array(list(docs), dtype=object), np.array(list(docs.values()))


texts, topics = stdlib_docstrings()
names, counts = np.unique(topics, return_counts=True)
print(len(texts), "docstrings:", ", ".join(f"{n} {c}" for n, c in zip(names, counts)))
X_train, X_test, y_train, y_test = train_test_split(
    texts, topics, test_size=0.3, random_state=0, stratify=topics
)

# %%
# Unigrams alone, then unigrams + bigrams, each feeding a linear classifier.
scores = {}
for ngrams in (None, 2):
    model = make_pipeline(
        TextVectorization(max_tokens=20_000, output_mode="multi_hot", ngrams=ngrams),
        LinearSVC(C=0.1),
    )
    model.fit(X_train, y_train)
    scores[f"ngrams={ngrams}"] = model.score(X_test, y_test)
    vocabulary = model[0].vocabulary_size()
    print(f"ngrams={ngrams}: {vocabulary} tokens, test accuracy {scores[f'ngrams={ngrams}']:.3f}")

# %%
# The n-grams with the largest weights for each topic, read from ``get_vocabulary()``.
vocabulary = np.array(model[0].get_vocabulary())
for topic, weights in zip(model[-1].classes_, model[-1].coef_):
    print(f"{topic:8s}", ", ".join(vocabulary[np.argsort(weights)[-6:][::-1]]))

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4), width_ratios=[1, 1.3])
ax1.barh(list(scores), list(scores.values()))
ax1.set(xlim=(0.5, 1.0), xlabel="test accuracy", title="multi_hot + LinearSVC")
ConfusionMatrixDisplay.from_estimator(model, X_test, y_test, ax=ax2, colorbar=False)
ax2.set_title("ngrams=2: test confusion matrix")
fig.tight_layout()
plt.show()
