"""
Applying the hashing trick to an integer categorical feature: ``Hashing``
=========================================================================

Keras guide recipe: "Applying the hashing trick to an integer categorical feature". When a
categorical feature takes very many values (ids, postcodes, URLs), indexing every value is
impractical. ``Hashing(num_bins)`` maps each value to one of ``num_bins`` buckets -- bit for
bit the buckets of Keras / TensorFlow (FarmHash, or SipHash with a ``salt``) -- with no
vocabulary to learn and no special case for values never seen before. ``CategoryEncoding``
then multi-hot encodes the bucket ids.

More buckets mean fewer collisions between values, at the price of more columns; the plot
shows the trade-off on a model.
"""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import CategoryEncoding, Hashing

# %%
# The guide's snippet: 10,000 random integers between 0 and 100,000, hashed into 64 bins,
# multi-hot encoded. (``Hashing(num_bins=64, salt=1337, output_mode="multi_hot")`` does both
# in one step.)
data = np.random.default_rng(0).integers(0, 100_000, size=(10_000, 1))
hasher = Hashing(num_bins=64, salt=1337)
encoder = CategoryEncoding(num_tokens=64, output_mode="multi_hot")
encoded_data = encoder.transform(hasher.transform(data))
print(encoded_data.shape)  # (10000, 64), a CSR matrix

# %%
# A model on a high-cardinality id: 5,000 merchants, each with its own fraud rate; the
# label depends on the merchant only. No vocabulary is learned: ``fit`` does nothing but
# validate, and unseen merchants at prediction time simply land in some bucket.
rng = np.random.default_rng(1)
n_merchants, n_rows = 5_000, 40_000
risky = rng.random(n_merchants) < 0.3
merchant = rng.integers(0, n_merchants, size=n_rows)
fraud = (rng.random(n_rows) < np.where(risky[merchant], 0.8, 0.1)).astype(int)
X = merchant.reshape(-1, 1) + 1_000_000  # ids as integers
X_train, X_test, y_train, y_test = train_test_split(X, fraud, random_state=0)

bins = [16, 64, 256, 1024, 4096, 16384]
scores = []
for num_bins in bins:
    model = make_pipeline(
        Hashing(num_bins=num_bins, output_mode="one_hot"),
        LogisticRegression(C=10.0, solver="liblinear"),
    )
    model.fit(X_train, y_train)
    scores.append(model.score(X_test, y_test))
    print(f"num_bins={num_bins:6d}  test accuracy {scores[-1]:.3f}")

# %%
# With few buckets, risky and safe merchants share buckets and the model cannot tell them
# apart; once buckets outnumber merchants, collisions become rare.
fig, ax = plt.subplots(figsize=(6, 3.2))
ax.semilogx(bins, scores, "o-", base=2)
ax.axvline(n_merchants, color="gray", linestyle=":", label="number of merchants")
ax.set(xlabel="num_bins", ylabel="test accuracy", title="Hashing(one_hot) + LogisticRegression")
ax.legend()
fig.tight_layout()
plt.show()
