"""
Encoding integer categorical features via one-hot encoding: ``IntegerLookup``
=============================================================================

Keras guide recipe: "Encoding integer categorical features via one-hot encoding".
Integer codes -- product ids, area codes, hours -- are categories, not quantities: an
``IntegerLookup`` indexes the values seen in ``fit`` (Keras ``adapt``) and one-hot encodes
them. As in Keras 3, index 0 is reserved for out-of-vocabulary values (``oov_token=-1``);
0 is an ordinary value unless you pass ``mask_token=0``, which reserves one more index for
it. The output below is the guide's, column for column.
"""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

from skprep import IntegerLookup

# %%
# The guide's toy data: 50 and 60 were not seen in ``fit`` and go to the OOV column.
data = np.array([[10], [20], [20], [10], [30], [0]])
lookup = IntegerLookup(output_mode="one_hot").fit(data)
test_data = np.array([[10], [10], [20], [50], [60], [0]])
print(lookup.transform(test_data).toarray())
print("vocabulary:", lookup.get_vocabulary())

# %%
# In a model: the hour of the day (an integer category) predicts whether a delivery is late.
# Treated as a number, a linear model can only learn "later is worse"; one-hot encoded it
# learns the rush hours.
rng = np.random.default_rng(0)
hours = rng.integers(0, 24, size=(3_000, 1))
rush = np.isin(hours[:, 0], [8, 9, 17, 18])
late = (rng.random(3_000) < np.where(rush, 0.7, 0.2)).astype(int)

as_number = LogisticRegression()
as_category = make_pipeline(IntegerLookup(output_mode="one_hot"), LogisticRegression())
for name, model in [("hour as a number", as_number), ("IntegerLookup one_hot", as_category)]:
    print(f"{name:22s} accuracy {cross_val_score(model, hours, late, cv=5).mean():.3f}")

# %%
# The one-hot model's weight for each hour, in the vocabulary's order (most frequent first).
as_category.fit(hours, late)
vocabulary = as_category[0].get_vocabulary()  # [-1 (OOV), hours ...]
weights = as_category[-1].coef_[0]
order = np.argsort(vocabulary[1:]) + 1
fig, ax = plt.subplots(figsize=(8, 3))
ax.bar([vocabulary[i] for i in order], weights[order])
ax.set(xlabel="hour of day", ylabel="weight", title="IntegerLookup(one_hot) + LogisticRegression")
ax.set_xticks(range(0, 24, 2))
fig.tight_layout()
plt.show()
