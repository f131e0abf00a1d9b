"""
Encoding text as a sequence of token indices: ``TextVectorization(output_mode="int")``
======================================================================================

Keras guide recipe: "Encoding text as a sequence of token indices". This is the encoding an
``Embedding`` layer reads: each text becomes the indices of its tokens (0 = padding,
1 = out of vocabulary), most frequent token first.

In scikit-learn the width of a feature matrix must not depend on the request, so set
``output_sequence_length``: every text is padded or truncated to exactly that many tokens.
A linear model cannot read indices as numbers; ``CategoryEncoding`` turns each sequence into
the counts of its indices (a "bag of embeddings" with one-hot embeddings), and a linear
support vector classifier classifies the texts. The texts are docstrings of the Python standard
library, grouped by topic (read from the running interpreter, no download).
"""

import importlib
import inspect

import matplotlib.pyplot as plt
import numpy as np
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

from skprep import CategoryEncoding, TextVectorization

# %%
# The guide's snippet, with its printed output.
adapt_data = [
    "The Brain is wider than the Sky",
    "For put them side by side",
    "The one the other will contain",
    "With ease and You beside",
]
text_vectorizer = TextVectorization(output_mode="int").fit(adapt_data)
print("Encoded text:\n", text_vectorizer.transform(["The Brain is deeper than the sea"]))
# Keras prints [[ 2 19 14  1  9  2  1]]


# %%
# A corpus: docstrings of standard-library modules, labelled by topic.
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
# Fixed-width sequences of the first 100 tokens, then the counts of their indices.
max_tokens, length = 5_000, 100
model = make_pipeline(
    TextVectorization(max_tokens=max_tokens, output_sequence_length=length),
    CategoryEncoding(num_tokens=max_tokens, output_mode="count"),
    LinearSVC(C=0.05, max_iter=5000),
)
model.fit(X_train, y_train)
print(f"test accuracy {model.score(X_test, y_test):.3f}")
sequences = model[0].transform(X_test[:3])
print(sequences.shape, sequences.dtype)  # (3, 100) int64 -- always 100 columns

# %%
# Raw strings in, topics out: the vocabulary travels inside the pipeline.
print(model.predict(["Return the square root of x.", "Open a TCP connection to host."]))

# %%
# Which topics the model confuses, and how long the texts are compared to the fixed width.
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4))
ConfusionMatrixDisplay.from_estimator(model, X_test, y_test, ax=ax1, colorbar=False)
ax1.set_title("test confusion matrix")
n_tokens = (TextVectorization(output_mode="int").fit(X_train).transform(X_train) > 0).sum(axis=1)
ax2.hist(n_tokens, bins=50, range=(0, 400))
ax2.axvline(length, color="black", linestyle=":", label=f"output_sequence_length={length}")
ax2.set(xlabel="tokens per docstring", ylabel="docstrings", title="text lengths")
ax2.legend()
fig.tight_layout()
plt.show()
