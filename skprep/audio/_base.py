"""Input checks shared by the audio layers."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

__all__ = ["check_audio"]


def check_audio(X, ranks: tuple[int, ...], *, layer: str, expected: str) -> np.ndarray:
    """Validate audio and return it as float32.

    Integer and floating inputs are accepted and computed in float32 (Keras's compute
    dtype). Booleans, strings, objects, complex numbers and sparse matrices raise ``TypeError``; another rank,
    an empty batch or clip, NaN or infinity raise ``ValueError``.
    """
    if sp.issparse(X):
        raise TypeError(
            f"{layer} does not support sparse input (audio is dense); got a {type(X).__name__}."
        )
    if hasattr(X, "to_numpy") and not hasattr(X, "__array_function__"):
        X = X.to_numpy()
    X = np.asarray(X)
    if X.dtype.kind not in "iuf":
        raise TypeError(
            f"{layer} expects numeric audio (integers or floats); got dtype {X.dtype} "
            f"(shape {X.shape})."
        )
    if X.ndim not in ranks:
        raise ValueError(f"{layer} expects {expected}; got input of shape {X.shape}.")
    if X.size == 0:
        raise ValueError(f"{layer} got an empty input of shape {X.shape}.")
    X = X.astype(np.float32, copy=False)
    finite = np.isfinite(X)
    if not finite.all():
        bad = np.argwhere(~finite)[0]
        raise ValueError(
            f"{layer} input contains NaN or infinity ({int((~finite).sum())} values, first at "
            f"index {tuple(int(i) for i in bad)}); spectrograms of non-finite audio are "
            "undefined. Clean or impute the clips first."
        )
    return X
