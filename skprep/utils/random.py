"""Random-state handling with scikit-learn semantics."""

from __future__ import annotations

import numbers

import numpy as np

__all__ = ["check_random_state"]


def check_random_state(random_state) -> np.random.Generator:
    """Turn ``random_state`` into a :class:`numpy.random.Generator`.

    Follows scikit-learn's rule: an int reproduces (a fresh generator seeded with it on every
    call), a ``RandomState`` or ``Generator`` advances between calls, and ``None`` is fresh
    entropy every call.

    Parameters
    ----------
    random_state : None, int, numpy.random.RandomState or numpy.random.Generator

    Returns
    -------
    numpy.random.Generator

    Examples
    --------
    >>> from skprep.utils.random import check_random_state
    >>> a = check_random_state(0).random(); b = check_random_state(0).random()
    >>> a == b
    True
    """
    if random_state is None:
        return np.random.default_rng()
    if isinstance(random_state, np.random.Generator):
        return random_state
    if isinstance(random_state, np.random.RandomState):
        # Draw a seed from the RandomState so that it advances between calls.
        return np.random.default_rng(random_state.randint(0, 2**63 - 1, dtype=np.int64))
    if isinstance(random_state, numbers.Integral) and not isinstance(random_state, bool):
        if random_state < 0:
            raise ValueError(f"random_state must be a non-negative int; got {random_state!r}.")
        return np.random.default_rng(int(random_state))
    raise TypeError(
        "random_state must be None, an int, a numpy RandomState or a numpy Generator; "
        f"got {random_state!r} of type {type(random_state).__name__}."
    )
