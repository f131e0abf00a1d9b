"""
Tuning preprocessing with GridSearchCV
======================================

Every skprep argument is a scikit-learn parameter, so ``GridSearchCV`` searches
preprocessing choices -- n-grams, vocabulary size, output mode -- like any model parameter,
with the ``<step>__<parameter>`` syntax. Each candidate refits the layer (Keras ``adapt``)
on the training folds only: the vocabulary and the idf weights never see the validation
fold.

The texts are docstrings of the Python standard library, labelled by topic (read from the
running interpreter, no download).
"""

import importlib
import inspect

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC

from skprep import TextVectorization


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

# %%
# A pipeline and a grid over three preprocessing parameters (12 candidates x 3 folds).
pipe = Pipeline([("text", TextVectorization()), ("clf", LinearSVC(C=0.5))])
grid = GridSearchCV(
    pipe,
    {
        "text__output_mode": ["multi_hot", "tf_idf"],
        "text__ngrams": [None, 2],
        "text__max_tokens": [500, 5_000, None],
    },
    cv=StratifiedKFold(3, shuffle=True, random_state=0),
)
grid.fit(texts, topics)
print("best:", grid.best_params_, f"accuracy {grid.best_score_:.3f}")

# %%
# The scores of every candidate: a larger vocabulary helps most.
results = pd.DataFrame(grid.cv_results_)
results["max_tokens"] = [str(v) for v in results["param_text__max_tokens"]]
results["mode / ngrams"] = [
    f"{mode}, ngrams={ngrams}"
    for mode, ngrams in zip(results["param_text__output_mode"], results["param_text__ngrams"])
]
table = results.pivot(index="mode / ngrams", columns="max_tokens", values="mean_test_score")
table = table[["500", "5000", "None"]]
print(table.round(3))

fig, ax = plt.subplots(figsize=(6, 3.5))
image = ax.imshow(table.to_numpy(), cmap="viridis")
ax.set_xticks(range(table.shape[1]), [f"max_tokens={c}" for c in table.columns])
ax.set_yticks(range(table.shape[0]), table.index)
for (i, j), value in np.ndenumerate(table.to_numpy()):
    ax.text(j, i, f"{value:.3f}", ha="center", va="center", color="white")
fig.colorbar(image, ax=ax, label="3-fold accuracy")
ax.set_title("GridSearchCV over TextVectorization's parameters")
fig.tight_layout()
plt.show()
