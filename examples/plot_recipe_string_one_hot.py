"""
Encoding string categorical features via one-hot encoding: ``StringLookup``
===========================================================================

Keras guide recipe: "Encoding string categorical features via one-hot encoding".
``StringLookup.fit`` (Keras ``adapt``) indexes the values seen in training, most frequent
first; ``output_mode="one_hot"`` encodes each value as a row with a single 1. Index 0 is
reserved for out-of-vocabulary values -- values not seen in ``fit`` -- so a model keeps
working when new categories show up at prediction time.

The encoded output is a SciPy CSR matrix by default (``sparse=False`` for a dense array),
with int64 values where the Keras guide prints float32: the numbers are the same.
"""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import StringLookup

# %%
# The guide's toy data. The test data holds unknown values ("d", "e", ""), which all land in
# column 0, the OOV index.
data = np.array([["a"], ["b"], ["c"], ["b"], ["c"], ["a"]])
lookup = StringLookup(output_mode="one_hot").fit(data)
test_data = np.array([["a"], ["b"], ["c"], ["d"], ["e"], [""]])
encoded_data = lookup.transform(test_data)
print(type(encoded_data).__name__, encoded_data.dtype)
print(encoded_data.toarray())
print("vocabulary:", lookup.get_vocabulary())

# %%
# In a model: a table of two string columns, one lookup per column (one vocabulary each).
rng = np.random.default_rng(0)
n = 2_000
df = pd.DataFrame(
    {
        "browser": rng.choice(["firefox", "chrome", "safari", "edge"], n, p=[0.3, 0.4, 0.2, 0.1]),
        "country": rng.choice(["fr", "de", "us", "jp", "br"], n),
    }
)
logit = df.browser.map(
    {"firefox": 1.0, "chrome": 0.0, "safari": -0.5, "edge": -1.0}
) + df.country.map({"fr": 0.5, "de": 0.5, "us": 0.0, "jp": -1.0, "br": -0.5})
y = (logit + rng.logistic(size=n) * 0.5 > 0).astype(int)

model = make_pipeline(
    ColumnTransformer(
        [(col, StringLookup(output_mode="one_hot"), [col]) for col in ["browser", "country"]]
    ),
    LogisticRegression(),
)
df_train, df_test, y_train, y_test = train_test_split(df, y, random_state=0)
model.fit(df_train, y_train)
print(f"test accuracy {model.score(df_test, y_test):.3f}")

# %%
# New categories at prediction time go to the OOV column instead of failing.
new_rows = pd.DataFrame({"browser": ["opera", "firefox"], "country": ["fr", "nz"]})
print(model.predict_proba(new_rows).round(2))

# %%
# The model's coefficient for every one-hot column: the learned effect of each category
# (the OOV columns were never active in training, so their weight stays near 0).
names = model[0].get_feature_names_out()
coef = model[-1].coef_[0]
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4), width_ratios=[1, 2])
ax1.imshow(encoded_data.toarray(), cmap="Blues")
ax1.set(
    title="toy test data, one_hot",
    xticks=range(4),
    xticklabels=lookup.get_vocabulary(),
    yticks=range(6),
    yticklabels=[repr(v) for v in test_data.ravel()],
)
ax2.barh(names, coef)
ax2.set(title="LogisticRegression coefficients", xlabel="weight")
fig.tight_layout()
plt.show()
