"""Library-wide settings: the one cap on what skprep allocates for an output.

No parameter or input may make skprep attempt an allocation far beyond what the output
needs. When the output *itself* is huge -- a dense ``(n, 10**12)`` encoding, a 10**6 x 10**6
resize, a million documents padded to the longest one -- skprep refuses with a
``ValueError`` stating the size, before allocating, instead of exhausting memory.

The cap is ``max_output_bytes``: 4 GiB by default, or the ``SKPREP_MAX_OUTPUT_BYTES``
environment variable (bytes, read at import), changed with :func:`set_config` or, for a
block of code, :func:`config_context`. ``None`` removes the cap.
"""

from __future__ import annotations

import os
import threading
from contextlib import contextmanager

import numpy as np

__all__ = [
    "check_feature_names_size",
    "check_output_size",
    "config_context",
    "get_config",
    "set_config",
]

_DEFAULT_MAX_OUTPUT_BYTES = 4 * 2**30


def _from_env() -> int | None:
    raw = os.environ.get("SKPREP_MAX_OUTPUT_BYTES", "").strip()
    if not raw:
        return _DEFAULT_MAX_OUTPUT_BYTES
    if raw.lower() == "none":
        return None
    try:
        value = int(float(raw))
    except ValueError as exc:
        raise ValueError(
            f"SKPREP_MAX_OUTPUT_BYTES must be a number of bytes or 'none'; got {raw!r}."
        ) from exc
    return value


_global = {"max_output_bytes": _from_env()}
_local = threading.local()


def get_config() -> dict:
    """The current settings (see :func:`set_config`).

    Examples
    --------
    >>> import skprep
    >>> sorted(skprep.get_config())
    ['max_output_bytes']
    """
    return {**_global, **getattr(_local, "overrides", {})}


def _check(max_output_bytes):
    if max_output_bytes is None:
        return None
    if isinstance(max_output_bytes, bool) or not isinstance(max_output_bytes, (int, np.integer)):
        raise TypeError(
            f"max_output_bytes must be an int (bytes) or None; got {max_output_bytes!r}."
        )
    if max_output_bytes < 1:
        raise ValueError(f"max_output_bytes must be positive; got {max_output_bytes}.")
    return int(max_output_bytes)


def set_config(max_output_bytes="unchanged") -> None:
    """Change skprep's settings for the whole process.

    Parameters
    ----------
    max_output_bytes : int or None
        The largest output (or intermediate array sized by the output) any layer may
        allocate; larger requests raise a ``ValueError`` stating the size before anything
        is allocated. ``None`` removes the cap. Default 4 GiB, or the
        ``SKPREP_MAX_OUTPUT_BYTES`` environment variable.

    Examples
    --------
    >>> import skprep
    >>> skprep.set_config(max_output_bytes=2**40)
    >>> skprep.get_config()["max_output_bytes"]
    1099511627776
    >>> skprep.set_config(max_output_bytes=4 * 2**30)
    """
    if max_output_bytes != "unchanged":
        _global["max_output_bytes"] = _check(max_output_bytes)


@contextmanager
def config_context(**settings):
    """Change settings inside a ``with`` block only (in this thread).

    Examples
    --------
    >>> import skprep
    >>> from skprep import CategoryEncoding
    >>> with skprep.config_context(max_output_bytes=1000):
    ...     CategoryEncoding(num_tokens=10**6, sparse=False).fit_transform([[1]])
    Traceback (most recent call last):
    ...
    ValueError: multi_hot output would need 4.0 MB ...
    """
    unknown = set(settings) - set(_global)
    if unknown:
        raise TypeError(f"Unknown skprep settings: {sorted(unknown)}; known: {sorted(_global)}.")
    checked = {k: _check(v) for k, v in settings.items()}
    old = getattr(_local, "overrides", {})
    _local.overrides = {**old, **checked}
    try:
        yield
    finally:
        _local.overrides = old


def _human(n: float) -> str:
    for unit in ("bytes", "kB", "MB", "GB", "TB", "PB"):
        if n < 1000 or unit == "PB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} EB"  # pragma: no cover


def check_output_size(shape, dtype, what: str, *, hint: str = "") -> None:
    """Refuse an output of ``shape`` x ``dtype`` larger than ``max_output_bytes``.

    Call it before allocating anything sized by the output. ``shape`` may hold Python ints
    of any size (the product is computed exactly). ``hint`` says how to get a smaller
    output.

    Raises
    ------
    ValueError
        Naming ``what``, the shape and the size, the cap, and how to raise it.

    Examples
    --------
    >>> check_output_size((10, 10), np.float32, "Resizing output")
    >>> check_output_size((10**6, 10**6), np.float32, "Resizing output")
    Traceback (most recent call last):
    ...
    ValueError: Resizing output would need 4.0 TB (shape (1000000, 1000000), float32), ...
    """
    cap = get_config()["max_output_bytes"]
    if cap is None:
        return
    n = 1
    for s in shape:
        n *= max(int(s), 0)
    size = n * np.dtype(dtype).itemsize
    if size > cap:
        shape_txt = tuple(int(s) for s in shape)
        raise ValueError(
            f"{what} would need {_human(size)} (shape {shape_txt}, {np.dtype(dtype)}), more "
            f"than skprep's cap of {_human(cap)}. {hint + ' ' if hint else ''}To allow it, "
            "raise the cap: skprep.set_config(max_output_bytes=...) or the "
            "SKPREP_MAX_OUTPUT_BYTES environment variable."
        )


#: What one output feature name costs, roughly (a str object and its pointer).
_NAME_BYTES = 64


def check_feature_names_size(n, who: str, method: str = "get_feature_names_out") -> None:
    """Refuse to build ``n`` names (``get_feature_names_out``, a vocabulary) past the cap.

    Examples
    --------
    >>> check_feature_names_size(10**12, "CategoryEncoding")
    Traceback (most recent call last):
    ...
    ValueError: CategoryEncoding.get_feature_names_out would need 64.0 TB ...
    """
    check_output_size(
        (n, _NAME_BYTES),
        np.uint8,
        f"{who}.{method}",
        hint=f"That is {int(n):,} names (~{_NAME_BYTES} bytes each).",
    )
