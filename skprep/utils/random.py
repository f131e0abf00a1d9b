"""Random-state handling with scikit-learn's seeding rule, returning NumPy Generators."""

from __future__ import annotations

import numbers

import numpy as np

__all__ = ["as_generator"]


def as_generator(random_state) -> np.random.Generator:
    """Turn ``random_state`` into a :class:`numpy.random.Generator`.

    Unlike scikit-learn's ``check_random_state`` (which returns a legacy ``RandomState``),
    this returns a ``Generator``, hence the different name.

    Follows scikit-learn's rule: an int reproduces (a fresh generator seeded with it on every
    call), a ``RandomState`` or ``Generator`` advances between calls, and ``None`` is fresh
    entropy every call.

    Parameters
    ----------
    random_state : None, int, numpy.random.RandomState or numpy.random.Generator
        The seed or generator to draw from.

    Returns
    -------
    numpy.random.Generator

    Examples
    --------
    >>> from skprep.utils.random import as_generator
    >>> a = as_generator(0).random(); b = as_generator(0).random()
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
