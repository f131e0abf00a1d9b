"""Progress reporting for long fits: tqdm when installed, plain log lines otherwise."""

from __future__ import annotations

import logging
import sys
import time

logger = logging.getLogger("skprep")

__all__ = ["progress"]


def progress(iterable, *, enabled, desc, total=None, every_s=2.0):
    """Yield from ``iterable``, reporting progress when ``enabled``.

    With tqdm installed a progress bar is shown; otherwise a plain line on stderr (also sent
    to the ``"skprep"`` logger at level INFO) every ``every_s`` seconds and at the end.
    """
    if not enabled:
        yield from iterable
        return
    try:
        from tqdm.auto import tqdm
    except ImportError:
        tqdm = None
    if tqdm is not None:
        yield from tqdm(iterable, desc=desc, total=total, unit="batch")
        return
    start = last = time.perf_counter()
    count = 0
    for item in iterable:
        yield item
        count += 1
        now = time.perf_counter()
        if now - last >= every_s:
            _log(
                f"{desc}: {count}{'' if total is None else f'/{total}'} batches, "
                f"{now - start:.1f} s"
            )
            last = now
    _log(f"{desc}: done, {count} batches in {time.perf_counter() - start:.1f} s")


def _log(message):
    logger.info(message)
    print(message, file=sys.stderr, flush=True)
