"""
Structured data: a ColumnTransformer over a DataFrame
=====================================================

The Keras way to preprocess a table is one input and one preprocessing layer per column,
concatenated in the model ("structured data classification from scratch"). The
scikit-learn way is a ``ColumnTransformer``; skprep's layers are its transformers:
``Normalization`` for numbers, ``Discretization`` for a number used as buckets, one
``StringLookup`` / ``IntegerLookup`` per categorical column (one vocabulary each),
``HashedCrossing`` for a feature cross, ``TextVectorization`` for free text.

The fitted pipeline takes the raw table -- or raw JSON records -- at prediction time.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import (
    Discretization,
    HashedCrossing,
    IntegerLookup,
    Normalization,
    StringLookup,
    TextVectorization,
)

# %%
# A table like the one of the Keras structured-data example (generated: no download).
rng = np.random.default_rng(0)
n = 2_000
df = pd.DataFrame(
    {
        "age": rng.integers(20, 80, n),
        "cholesterol": rng.normal(240, 40, n),
        "thal": rng.choice(["normal", "fixed", "reversible"], n),
        "chest_pain": rng.integers(0, 4, n),
        "smoker": rng.choice(["yes", "no"], n),
        "notes": rng.choice(["no complaints", "chest pain at rest", "short of breath"], n),
    }
)
risk = (
    (df.age > 55).astype(int)
    + (df.thal == "reversible")
    + (df.chest_pain == 3)
    + (df.cholesterol > 270)
    + ((df.smoker == "yes") & (df.thal == "fixed"))
)
y = (risk + rng.normal(0, 0.5, n) > 1.5).astype(int)
print(df.head())

# %%
# One transformer per column (a text column is selected by name, the others by list).
preprocess = ColumnTransformer(
    [
        ("cholesterol", Normalization(), ["cholesterol"]),
        ("age", Discretization(num_bins=6, output_mode="one_hot"), ["age"]),
        ("thal", StringLookup(output_mode="one_hot"), ["thal"]),
        ("smoker", StringLookup(output_mode="one_hot"), ["smoker"]),
        ("chest_pain", IntegerLookup(output_mode="one_hot"), ["chest_pain"]),
        ("thal_x_smoker", HashedCrossing(num_bins=16, output_mode="one_hot"), ["thal", "smoker"]),
        ("notes", TextVectorization(output_mode="multi_hot"), "notes"),
    ]
)
model = make_pipeline(preprocess, LogisticRegression(max_iter=1000))
df_train, df_test, y_train, y_test = train_test_split(df, y, random_state=0, stratify=y)
model.fit(df_train, y_train)
print(f"test accuracy {model.score(df_test, y_test):.3f}")

# %%
# Raw JSON-like records at prediction time; an unseen category ("unknown") goes to the
# lookup's out-of-vocabulary index.
request = [
    {"age": 63, "cholesterol": 290.0, "thal": "reversible", "chest_pain": 3, "smoker": "yes",
     "notes": "chest pain at rest"},
    {"age": 30, "cholesterol": 180.0, "thal": "unknown", "chest_pain": 0, "smoker": "no",
     "notes": "no complaints"},
]  # fmt: skip
print(model.predict_proba(pd.DataFrame.from_records(request)).round(2))

# %%
# What the model learned, by feature name (``get_feature_names_out``), and its errors.
names = model[0].get_feature_names_out()
coef = model[-1].coef_[0]
top = np.argsort(np.abs(coef))[::-1][:15]
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.5), width_ratios=[1.6, 1])
ax1.barh(names[top][::-1], coef[top][::-1])
ax1.set(title="15 largest coefficients", xlabel="weight")
ax1.tick_params(axis="y", labelsize=7)
ConfusionMatrixDisplay.from_estimator(model, df_test, y_test, ax=ax2, colorbar=False)
ax2.set_title("test confusion matrix")
fig.tight_layout()
plt.show()
