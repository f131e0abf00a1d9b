"""
Numeric layers: Keras's adapt as scikit-learn's fit
===================================================

``Normalization.fit`` is Keras ``adapt``: it learns per-feature means and variances, here
from a stream of batches (as Keras adapts on a ``tf.data.Dataset``), and gives exactly the
statistics of a fit on all rows at once. ``CategoryEncoding`` turns integer categories into
(sparse) one-hot, multi-hot or count rows.
"""

import numpy as np

from skprep import CategoryEncoding, Normalization

rng = np.random.default_rng(0)
X = rng.normal(loc=[0.0, 50.0, -3.0], scale=[1.0, 10.0, 0.1], size=(10_000, 3))

# %%
# Fit on everything, or stream batches: the statistics agree.
whole = Normalization().fit(X)
streamed = Normalization().fit(X[i : i + 1000] for i in range(0, len(X), 1000))
print("mean     ", whole.mean_)
print("streamed ", streamed.mean_)
print("variance ", whole.variance_)

# %%
# The same statistics can be grown one batch at a time with ``partial_fit``.
online = Normalization()
for i in range(0, len(X), 2500):
    online.partial_fit(X[i : i + 2500])
print("online   ", online.mean_)

# %%
# CategoryEncoding: each row is a bag of integer categories.
bags = np.array([[0, 1, 1], [2, 2, 2], [3, 0, 1]])
counts = CategoryEncoding(num_tokens=4, output_mode="count").transform(bags)
print(type(counts).__name__, counts.shape)
print(counts.toarray())

# %%
# Plot the distribution before and after normalisation (if matplotlib is installed).
try:
    import matplotlib.pyplot as plt
except ImportError:  # pragma: no cover
    plt = None
if plt is not None:
    fig, axes = plt.subplots(1, 2, figsize=(8, 3))
    axes[0].hist(X, bins=50, label=["f0", "f1", "f2"])
    axes[0].set_title("raw")
    axes[1].hist(whole.transform(X), bins=50)
    axes[1].set_title("Normalization")
    fig.tight_layout()
