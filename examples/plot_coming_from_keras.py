"""
Coming from Keras: the same preprocessing, the same numbers
===========================================================

Every skprep class has the name, the constructor arguments and the defaults of its Keras
layer. ``adapt`` becomes ``fit``, calling the layer becomes ``transform``,
``layer(x, training=True)`` becomes ``fit_transform``, ``seed`` becomes ``random_state``.
The outputs are Keras 3's (TensorFlow backend), checked against fixtures generated from
real Keras.

Below, each case shows the Keras code, the output Keras 3.15 printed for it (stored here,
so the example runs without TensorFlow), and the skprep output. When Keras is installed,
the Keras code is also run live and compared.

What changes for a scikit-learn user (all listed in "Differences from Keras"):

* encoded outputs (``one_hot``, ``multi_hot``, ``count``, ``tf_idf``) are SciPy CSR matrices
  by default -- ``sparse=False`` gives a dense array -- with int64 counts where Keras has
  float32;
* rows are samples: a 1-D input to a lookup's bag modes is ``n`` rows, not one sample;
* random layers act in ``fit_transform`` only, and follow Keras's documentation where
  Keras 3 contradicts it.
"""

import importlib.util
import os

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import skprep

# %%
# Each case: the Keras code (run live only when Keras is available), the output Keras
# printed, and the same preprocessing in skprep.
CASES = {
    "Normalization": (
        """
n = keras.layers.Normalization()
n.adapt(np.array([[1.0, 10.0], [2.0, 20.0], [4.0, 40.0]]))
out = n(np.array([[3.0, 30.0]]))""",
        [[0.5345225930213928, 0.5345224142074585]],
        lambda: (
            skprep.Normalization()
            .fit(np.array([[1.0, 10.0], [2.0, 20.0], [4.0, 40.0]]))
            .transform(np.array([[3.0, 30.0]]))
        ),
    ),
    "Discretization": (
        """
d = keras.layers.Discretization(num_bins=4)
d.adapt(np.arange(100.0).reshape(-1, 1))
out = d.bin_boundaries""",
        [23.999982833862305, 48.99998092651367, 73.99998474121094],
        lambda: (
            skprep.Discretization(num_bins=4).fit(np.arange(100.0).reshape(-1, 1)).bin_boundaries_
        ),
    ),
    "StringLookup (one_hot)": (
        """
s = keras.layers.StringLookup(output_mode="one_hot")
s.adapt(np.array([["a"], ["b"], ["c"], ["b"], ["c"], ["a"]]))
out = s(np.array([["a"], ["b"], ["c"], ["d"], ["e"], [""]]))""",
        [[0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]],
        lambda: (
            skprep.StringLookup(output_mode="one_hot")
            .fit(np.array([["a"], ["b"], ["c"], ["b"], ["c"], ["a"]]))
            .transform(np.array([["a"], ["b"], ["c"], ["d"], ["e"], [""]]))
            .toarray()
        ),  # CSR by default
    ),
    "IntegerLookup (one_hot)": (
        """
i = keras.layers.IntegerLookup(output_mode="one_hot")
i.adapt(np.array([[10], [20], [20], [10], [30], [0]]))
out = i(np.array([[10], [10], [20], [50], [60], [0]]))""",
        [
            [0, 0, 1, 0, 0],
            [0, 0, 1, 0, 0],
            [0, 1, 0, 0, 0],
            [1, 0, 0, 0, 0],
            [1, 0, 0, 0, 0],
            [0, 0, 0, 0, 1],
        ],
        lambda: (
            skprep.IntegerLookup(output_mode="one_hot")
            .fit(np.array([[10], [20], [20], [10], [30], [0]]))
            .transform(np.array([[10], [10], [20], [50], [60], [0]]))
            .toarray()
        ),
    ),
    "TextVectorization (int)": (
        """
t = keras.layers.TextVectorization(output_mode="int")
t.adapt(["The Brain is wider than the Sky", "For put them side by side",
         "The one the other will contain", "With ease and You beside"])
out = t(["The Brain is deeper than the sea"])""",
        [[2, 19, 14, 1, 9, 2, 1]],
        lambda: (
            skprep.TextVectorization(output_mode="int")
            .fit(
                [
                    "The Brain is wider than the Sky",
                    "For put them side by side",
                    "The one the other will contain",
                    "With ease and You beside",
                ]
            )
            .transform(["The Brain is deeper than the sea"])
        ),
    ),
    "Hashing (salt)": (
        """
out = keras.layers.Hashing(num_bins=8, salt=1337)(np.array([["cat"], ["dog"], ["emu"], ["owl"]]))""",
        [[0], [7], [1], [0]],
        lambda: skprep.Hashing(num_bins=8, salt=1337).transform(
            np.array([["cat"], ["dog"], ["emu"], ["owl"]])
        ),
    ),
    "HashedCrossing": (
        """
out = keras.layers.HashedCrossing(num_bins=16)((np.array(["a", "b", "a"]), np.array([1, 2, 2])))""",
        [13, 13, 3],
        # Keras takes a tuple of tensors; a transformer takes the columns of one table.
        lambda: (
            skprep.HashedCrossing(num_bins=16)
            .transform(pd.DataFrame({"a": ["a", "b", "a"], "b": [1, 2, 2]}))
            .ravel()
        ),
    ),
    "Resizing": (
        """
out = keras.layers.Resizing(2, 3)(np.arange(24, dtype="float32").reshape(1, 4, 6, 1))[0, :, :, 0]""",
        [[3.5, 5.5, 7.5], [15.5, 17.5, 19.5]],
        lambda: skprep.Resizing(2, 3).transform(np.arange(24, dtype="float32").reshape(1, 4, 6, 1))[
            0, :, :, 0
        ],
    ),
}

# %%
# Compare. Keras is imported only when it is installed (and not disabled with
# ``SKPREP_GALLERY_KERAS=0``, as the test suite does to stay TensorFlow-free).
live = importlib.util.find_spec("keras") is not None and os.environ.get(
    "SKPREP_GALLERY_KERAS", "1"
) not in ("0", "")
if live:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras

rows = []
for name, (keras_code, keras_printed, skprep_call) in CASES.items():
    ours = np.asarray(skprep_call())
    equal = np.allclose(ours, keras_printed, rtol=1e-6, atol=1e-6)
    if live:
        namespace = {"keras": keras, "np": np}
        exec(keras_code, namespace)
        equal = equal and np.allclose(ours, np.asarray(namespace["out"]), rtol=1e-6, atol=1e-6)
    rows.append((name, ours.shape, "yes" if equal else "NO"))
    print(f"{name:26s} skprep {ours.tolist()}")
    print(f"{'':26s} Keras  {keras_printed}  -> equal: {equal}")
    assert equal, name
print("compared with live Keras too" if live else "compared with Keras's stored outputs")

# %%
# The summary as a table.
fig, ax = plt.subplots(figsize=(7, 0.4 * len(rows) + 0.8))
ax.axis("off")
table = ax.table(
    cellText=[[name, str(shape), same] for name, shape, same in rows],
    colLabels=["layer", "output shape", "equal to Keras"],
    loc="center",
    cellLoc="left",
)
table.scale(1, 1.4)
ax.set_title("skprep vs Keras 3 (TensorFlow backend)")
fig.tight_layout()

# %%
# And a Keras model's preprocessing, as a scikit-learn pipeline: the Keras guide's
# ``Rescaling(1 / 255)`` + ``Normalization`` in front of a ``Dense`` softmax layer is this.
from sklearn.datasets import load_digits  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402

X, y = load_digits(return_X_y=True)
model = make_pipeline(
    skprep.Rescaling(1 / 16), skprep.Normalization(), LogisticRegression(max_iter=1000)
)
model.fit(X[:1200], y[:1200])  # adapt + train
print(f"held-out accuracy {model.score(X[1200:], y[1200:]):.3f}")  # model.evaluate
plt.show()
