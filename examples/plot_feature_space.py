"""
FeatureSpace: Keras's structured-data recipe in a scikit-learn pipeline
=======================================================================

Keras's ``FeatureSpace`` describes a table declaratively -- which columns are categorical,
hashed, normalised or discretised, which ones to cross -- and builds the preprocessing.
``skprep.FeatureSpace`` takes the same description and builds a scikit-learn
``ColumnTransformer`` of skprep layers (one vocabulary per column), with Keras's output
layout. Here it feeds a logistic regression inside a ``Pipeline`` and a ``GridSearchCV``.

The data is a synthetic table shaped like the heart-disease data of Keras's FeatureSpace
tutorial (generated here, so the example runs offline).
"""

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, train_test_split
from sklearn.pipeline import make_pipeline

from skprep import FeatureSpace

rng = np.random.default_rng(0)
n = 3000
data = pd.DataFrame(
    {
        "age": rng.normal(54, 9, n).round(),
        "sex": rng.integers(0, 2, n),
        "cp": rng.integers(0, 4, n),
        "chol": rng.normal(246, 50, n),
        "thalach": rng.normal(150, 23, n),
        "oldpeak": rng.exponential(1.0, n),
        "ca": rng.integers(0, 4, n),
        "thal": rng.choice(["normal", "fixed", "reversible"], n, p=[0.55, 0.1, 0.35]),
    }
)
# The target depends on a non-linear age effect, a category, and an interaction.
risk = (
    0.06 * np.abs(data["age"] - 50)
    + 0.8 * (data["cp"] == 0)
    + 1.2 * ((data["thal"] == "reversible") & (data["ca"] > 0))
    - 0.02 * (data["thalach"] - 150)
    + 0.6 * data["oldpeak"]
)
y = (risk + rng.normal(0, 0.5, n) > np.median(risk)).astype(int)

# %%
# The description reads as in Keras (``keras.utils.FeatureSpace``).
space = FeatureSpace(
    features={
        "sex": "integer_categorical",
        "cp": "integer_categorical",
        "ca": "integer_categorical",
        "thal": "string_categorical",
        "age": FeatureSpace.float_discretized(num_bins=16),
        "chol": "float_normalized",
        "thalach": "float_normalized",
        "oldpeak": "float_normalized",
    },
    crosses=[
        FeatureSpace.cross(feature_names=("sex", "age"), crossing_dim=32),
        FeatureSpace.cross(feature_names=("thal", "ca"), crossing_dim=16),
    ],
    output_mode="concat",
)
X_train, X_test, y_train, y_test = train_test_split(data, y, random_state=0)
encoded = space.fit_transform(X_train)
print("encoded:", encoded.shape, encoded.dtype)
print("first columns:", space.get_feature_names_out()[:8].tolist())

# %%
# In a pipeline, with a grid search over the description's own parameters.
model = make_pipeline(space, LogisticRegression(max_iter=2000))
search = GridSearchCV(
    model,
    {"featurespace__crossing_dim": [4, 32], "logisticregression__C": [0.1, 1.0]},
    cv=3,
)
search.fit(X_train, y_train)
print("best:", search.best_params_)
print(f"test accuracy: {search.score(X_test, y_test):.3f}")

baseline = make_pipeline(
    FeatureSpace(features={c: "float_normalized" for c in ["age", "chol", "thalach", "oldpeak"]}),
    LogisticRegression(max_iter=2000),
).fit(X_train, y_train)
print(f"numeric columns only: {baseline.score(X_test, y_test):.3f}")

# %%
# Each block of the output, as Keras lays it out (features sorted by name, then crosses).
fitted = search.best_estimator_[0]
coef = np.abs(search.best_estimator_[-1].coef_[0])
columns = fitted.column_transformer_.output_indices_  # block name -> slice of the output
weight = {
    block: float(coef[columns[block]].sum())
    for block in fitted.column_transformer_.named_transformers_
    if block != "remainder"
}
for block, w in weight.items():
    print(f"{block:>10}: |coef| sum {w:.2f}")

try:
    import matplotlib.pyplot as plt
except ImportError:  # pragma: no cover
    plt = None
if plt is not None:
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.bar(list(weight), list(weight.values()))
    ax.set_ylabel("sum of |coefficients|")
    ax.set_title("Logistic regression weight per FeatureSpace block")
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    fig.tight_layout()
