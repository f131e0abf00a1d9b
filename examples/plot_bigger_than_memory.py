"""
Fitting on data bigger than memory
==================================

skprep's fit state holds counts and statistics, never the data, so a layer can learn from a
stream of batches -- files read one at a time, a database cursor, a Dask collection -- and
end with exactly the state of an in-memory fit. This example writes a small corpus to many
files (generated, no network), streams it through ``TextVectorization.fit``, checks the
vocabulary against the in-memory fit, and then does the same with Dask.
"""

import tempfile
from pathlib import Path

import numpy as np

from skprep import Normalization, TextVectorization

rng = np.random.default_rng(0)
words = np.array(["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"])
docs = [" ".join(rng.choice(words, size=rng.integers(3, 12), p=None)) for _ in range(5000)]

# %%
# Write the corpus to 50 files, then stream them: one file = one batch.
folder = Path(tempfile.mkdtemp())
for i, part in enumerate(np.array_split(np.array(docs, dtype=object), 50)):
    (folder / f"part_{i:03d}.txt").write_text("\n".join(part), encoding="utf-8")


def batches():
    for path in sorted(folder.glob("*.txt")):
        yield path.read_text(encoding="utf-8").split("\n")


streamed = TextVectorization(output_mode="tf_idf").fit(batches())
in_memory = TextVectorization(output_mode="tf_idf").fit(docs)
assert streamed.get_vocabulary() == in_memory.get_vocabulary()
print("vocabulary:", streamed.get_vocabulary())

# %%
# The same with ``partial_fit``, one batch at a time (e.g. as data arrives).
online = TextVectorization(output_mode="tf_idf")
for batch in batches():
    online.partial_fit(batch)
np.testing.assert_allclose(online.idf_weights_, in_memory.idf_weights_, rtol=1e-6)

# %%
# Dask: partial states are computed per partition and tree-merged. Without a
# ``distributed.Client`` Dask's local scheduler is used; with one, the work runs on the
# cluster and only the small states travel.
try:
    import dask.array as da
    import dask.bag as db
except ImportError:  # pragma: no cover
    da = None
if da is not None:
    bag = db.read_text(str(folder / "*.txt")).map(str.rstrip)
    dask_fit = TextVectorization(output_mode="tf_idf").fit(bag)
    assert dask_fit.get_vocabulary() == in_memory.get_vocabulary()

    X = da.random.default_rng(0).normal(size=(200_000, 4), chunks=(20_000, 4))
    layer = Normalization().fit(X)
    print("mean:", layer.mean_, "variance:", layer.variance_)
    lazy = layer.transform(X)  # a lazy dask.array, computed per partition
    print(type(lazy).__name__, lazy.shape, float(lazy[:1000].mean().compute()))
