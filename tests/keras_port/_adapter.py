"""A thin adapter that lets ports of Keras's preprocessing tests drive skprep.

The mapping is the one the library documents:

* ``layer.adapt(data)``            -> ``est.fit(data)``
* ``layer(x)`` (inference)         -> ``est.transform(x)`` (fitting first when the layer has
  no state to learn, as a Keras layer needs no ``adapt`` call)
* ``layer(x, training=True)``      -> ``est.fit_transform(x)``
* ``seed=...``                     -> ``random_state=...``
* ``get_config``/``from_config``   -> ``get_params``/``sklearn.base.clone``
* Keras tensors                    -> NumPy arrays (sparse outputs are densified)

Keras-only constructor arguments (``name``, ``dtype``, ``data_format`` when it is the
default) are dropped.
"""

import numpy as np
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils.validation import check_is_fitted

import skprep

_KERAS_ONLY = ("name", "dtype", "autocast")


def make(name, *args, **kwargs):
    """Build the skprep estimator named like the Keras layer ``name``."""
    for key in _KERAS_ONLY:
        kwargs.pop(key, None)
    if "seed" in kwargs:
        kwargs["random_state"] = kwargs.pop("seed")
    return getattr(skprep, name)(*args, **kwargs)


def adapt(est, data):
    """Keras ``adapt``."""
    return est.fit(data)


def _fitted(est):
    try:
        check_is_fitted(est)
    except NotFittedError:
        return False
    return True


def call(est, x, training=False, **kwargs):
    """Call the layer like Keras would; returns a NumPy array (dense)."""
    if training:
        out = est.fit_transform(x, **kwargs)
    else:
        if not _fitted(est):
            est.fit(x)
        out = est.transform(x, **kwargs)
    return to_numpy(out)


def to_numpy(out):
    """Keras tensor -> NumPy: densify sparse outputs, keep NumPy as is."""
    if sp.issparse(out):
        return out.toarray()
    return np.asarray(out)


def config(est):
    """``get_config`` analogue."""
    return est.get_params(deep=False)


def from_config(est):
    """``from_config(get_config())`` analogue."""
    return clone(est)


def keras_layers():
    """``keras.layers`` when Keras is installed; skips the calling test otherwise."""
    import pytest

    keras = pytest.importorskip("keras")
    return keras.layers


def keras_call(layer, x, **kwargs):
    """Call a real Keras layer and return a dense NumPy array."""
    out = layer(x, **kwargs)
    if hasattr(out, "to_dense"):
        out = out.to_dense()
    return np.asarray(out)
