"""Discovery of skprep's public estimators."""

from __future__ import annotations

import inspect

__all__ = ["all_estimators"]

_TYPES = {
    "stateful": "AdaptMixin",
    "stateless": "StatelessMixin",
    "augmentation": "AugmentationMixin",
}


def all_estimators(type_filter=None):
    """List every public skprep estimator as ``(name, class)`` pairs, sorted by name.

    Parameters
    ----------
    type_filter : {"stateful", "stateless", "augmentation"} or None, default=None
        Keep only layers that learn from data (``"stateful"``), that need no data
        (``"stateless"``), or random augmentations (``"augmentation"``).

    Returns
    -------
    list of (str, type)

    Examples
    --------
    >>> from skprep import all_estimators
    >>> ("Normalization", __import__("skprep").Normalization) in all_estimators()
    True
    """
    import skprep
    from skprep import base

    found = []
    for name in skprep.__all__:
        obj = getattr(skprep, name)
        if inspect.isclass(obj) and hasattr(obj, "get_params") and hasattr(obj, "fit"):
            found.append((name, obj))
    if type_filter is not None:
        if type_filter not in _TYPES:
            raise ValueError(
                f"type_filter must be one of {sorted(_TYPES)} or None; got {type_filter!r}."
            )
        mixin = getattr(base, _TYPES[type_filter])
        found = [(n, c) for n, c in found if issubclass(c, mixin)]
    return sorted(found)
