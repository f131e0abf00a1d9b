"""
Encoding text as a dense matrix of N-grams with TF-IDF weighting
================================================================

Keras guide recipe: "Encoding text as a dense matrix of N-grams with TF-IDF weighting".
``output_mode="tf_idf"`` weighs each n-gram's count by its inverse document frequency,
``ln(1 + n_docs / (1 + df))``, learned in ``fit`` (Keras ``adapt``): n-grams found in every
text weigh little. The values equal Keras's (float32); the matrix is CSR by default. Unlike
scikit-learn's ``TfidfVectorizer``, Keras does not normalise the rows, so a
``Normalizer`` is added before the linear model, as one would in scikit-learn.
"""

import importlib
import inspect

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer
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
text_vectorizer = TextVectorization(output_mode="tf_idf", ngrams=2).fit(adapt_data)
encoded = text_vectorizer.transform(["The Brain is deeper than the sea"])
print(type(encoded).__name__, encoded.dtype, encoded.shape)  # sparse by default
print("Encoded text:\n", encoded.toarray())
# Keras prints [[5.461647  1.6945957 0. ... 1.0986123 ...]]: the same values.


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
# multi_hot, count and tf_idf bigrams, each feeding the same linear classifier.
scores = {}
for mode in ("multi_hot", "count", "tf_idf"):
    model = make_pipeline(
        TextVectorization(max_tokens=20_000, output_mode=mode, ngrams=2),
        Normalizer(),
        LinearSVC(C=5.0),
    )
    model.fit(X_train, y_train)
    scores[mode] = model.score(X_test, y_test)
    print(f"{mode:9s} test accuracy {scores[mode]:.3f}")

# %%
# tf-idf beats raw counts, which let frequent words dominate; on these short, jargon-heavy
# texts, plain presence (multi_hot) is as good. Searching ``output_mode`` with
# ``GridSearchCV`` settles it for your data (see the user guide).
#
# The learned idf weights: frequent n-grams (left) weigh least. Index 0 is the OOV token.
idf = model[0].idf_weights_
fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(13, 3.8), width_ratios=[1.2, 1, 1.3])
ax1.plot(idf)
ax1.set(
    xscale="log",
    xlabel="vocabulary index (most frequent first)",
    ylabel="idf",
    title="idf_weights_",
)
ax2.barh(list(scores), list(scores.values()))
ax2.set(xlim=(0.5, 1.0), xlabel="test accuracy", title="bigrams + LinearSVC")
ConfusionMatrixDisplay.from_estimator(model, X_test, y_test, ax=ax3, colorbar=False)
ax3.set_title("tf_idf: test confusion matrix")
fig.tight_layout()
plt.show()
