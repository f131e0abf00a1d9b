"""Progress reporting for long fits and transforms: tqdm when installed, plain lines otherwise.

A plain line goes to stderr (and to the ``"skprep"`` logger at level INFO) every ``every_s``
seconds and once at the end. When the number of steps is known it shows the count out of
the total, the percentage and an estimate of the time left::

    TextVectorization.fit: 3/10 chunks (30%), 1.2 s elapsed, about 2.8 s left
    TextVectorization.fit: done, 10 chunks in 4.0 s

and otherwise the count and the elapsed time. Units are pluralised ("1 batch", "2 batches").
"""

from __future__ import annotations

import logging
import operator
import sys
import time

logger = logging.getLogger("skprep")

__all__ = ["plural", "progress"]


def plural(count: int, unit: str) -> str:
    """``"1 batch"``, ``"2 batches"``, ``"3 chunks"``."""
    if count == 1:
        return f"1 {unit}"
    suffix = "es" if unit.endswith(("ch", "sh", "s", "x")) else "s"
    return f"{count} {unit}{suffix}"


def known_length(iterable):
    """The number of items of ``iterable`` when it says so without being consumed, else None."""
    try:
        n = len(iterable)
    except TypeError:
        n = operator.length_hint(iterable, -1)
    return n if n >= 0 else None


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, seconds = divmod(int(round(seconds)), 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def status_line(desc: str, count: int, total, elapsed: float, unit: str) -> str:
    """One progress line: count (of total, with percentage and time left) and elapsed time."""
    if total:
        left = elapsed / count * (total - count) if count else None
        eta = "" if left is None else f", about {_duration(left)} left"
        return (
            f"{desc}: {count}/{plural(total, unit)} ({100 * count // total}%), "
            f"{_duration(elapsed)} elapsed{eta}"
        )
    return f"{desc}: {plural(count, unit)}, {_duration(elapsed)} elapsed"


def progress(iterable, *, enabled, desc, total=None, unit="batch", every_s=2.0, clock=None):
    """Yield from ``iterable``, reporting progress when ``enabled``.

    Parameters
    ----------
    iterable : iterable
        The steps (batches of a stream, chunks of an array).
    enabled : bool or int
        The estimator's ``verbose``; falsy reports nothing.
    desc : str
        What is running, e.g. ``"TextVectorization.fit"``.
    total : int or None, default=None
        The number of steps; None uses ``len(iterable)`` or its length hint when available.
        With a total, lines show a percentage and an estimate of the time left.
    unit : str, default="batch"
        The name of one step (pluralised in the output).
    every_s : float, default=2.0
        Minimum seconds between two plain lines (the final line is always written).
    clock : callable or None, default=None
        Time source (``time.perf_counter``); for tests.
    """
    if not enabled:
        yield from iterable
        return
    if total is None:
        total = known_length(iterable)
    try:
        from tqdm.auto import tqdm
    except ImportError:
        tqdm = None
    if tqdm is not None:
        yield from tqdm(iterable, desc=desc, total=total, unit=unit)
        return
    clock = clock or time.perf_counter
    start = last = clock()
    count = 0
    for item in iterable:
        yield item
        count += 1
        now = clock()
        if now - last >= every_s and (total is None or count < total):
            _log(status_line(desc, count, total, now - start, unit))
            last = now
    _log(f"{desc}: done, {plural(count, unit)} in {_duration(clock() - start)}")


def _log(message):
    logger.info(message)
    print(message, file=sys.stderr, flush=True)
