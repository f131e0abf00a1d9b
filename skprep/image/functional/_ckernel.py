"""The optional compiled image kernels (``skprep.image._imagekernel``) and how batches run on them.

``kernel`` is the compiled module, or None when it was not built (no C compiler at install) or
``SKPREP_NO_C=1`` is set; every caller then uses its NumPy kernel, which stays the reference:
the compiled functions perform the same float32 operations in the same order, and the
differential tests (``tests/image/test_imagekernel.py``) check they agree bit for bit.

The compiled functions take a range ``[start, stop)`` of images and release the GIL for the
whole range; :func:`run_images` splits a batch into chunks that the shared worker pool's
threads pull one at a time.
"""

from __future__ import annotations

import itertools
import os

import numpy as np

from ...utils._threads import n_cores, run_all

__all__ = ["kernel", "run_images", "source", "window_float32"]

try:  # built by setup.py when a C compiler is available
    from skprep.image import _imagekernel as kernel
except ImportError:  # pragma: no cover - depends on the build
    kernel = None
if os.environ.get("SKPREP_NO_C", "") not in ("", "0"):
    kernel = None

#: Below this many values per batch, run in the calling thread.
_MIN_PARALLEL = 1 << 17
#: Chunks per thread: a thread the OS deschedules (on a busy machine) then holds up the
#: others for one small chunk at most.
_CHUNKS_PER_THREAD = 4


def source(images: np.ndarray):
    """``(array, is_uint8)`` for a compiled kernel: uint8 and float32 are read as they are,
    any other dtype as a float32 copy (what the NumPy kernels compute in)."""
    if images.dtype == np.uint8:
        return np.ascontiguousarray(images), True
    return np.ascontiguousarray(images, dtype=np.float32), False


#: On a busy machine (load average at least the core count), only calls expected to take
#: longer than this many nanoseconds of CPU use the pool: waking a worker then means waiting
#: for a time slice, which measured 10-12 ms (a 3.5 ms uint8 resize took 15.6 ms on two
#: threads at load 11 on 2 cores), while a long warp still gained ~10% from the second core.
_BUSY_MIN_NS = 30_000_000


def _busy() -> bool:
    try:
        return os.getloadavg()[0] >= n_cores()
    except (AttributeError, OSError):  # not available on this platform
        return False


def run_images(fn, n: int, size: int, ns_per_value: float = 1.0) -> None:
    """Call ``fn(start, stop)`` over the ranges of a batch of ``n`` images of ``size`` values
    each, on the shared pool's threads when the batch is large enough. ``ns_per_value`` is the
    kernel's rough single-thread cost, used to keep short calls on one thread when the
    machine is busy."""
    threads = 1 if n * size < _MIN_PARALLEL else min(n, n_cores())
    if threads > 1 and n * size * ns_per_value < _BUSY_MIN_NS and _busy():
        threads = 1
    if threads <= 1:
        fn(0, n)
        return
    step = max(1, -(-n // (threads * _CHUNKS_PER_THREAD)))
    starts = list(range(0, n, step))
    counter = itertools.count().__next__  # atomic under the GIL

    def work():
        while (k := counter()) < len(starts):
            fn(starts[k], min(starts[k] + step, n))

    run_all(work, [()] * threads)


def window_float32(images, top, left, height, width, hflip, vflip):
    """Per-image ``height x width`` windows at ``(top, left)``, each optionally reversed along
    the width / height, as a new float32 batch (the compiled kernel; None without it).

    Values are copied (and converted) exactly: this is a crop and/or flip, not a resampling.
    """
    if kernel is None:
        return None
    src, is_u8 = source(images)
    n, h, w, c = src.shape
    out = np.empty((n, height, width, c), dtype=np.float32)
    per_image = [
        np.ascontiguousarray(np.broadcast_to(np.asarray(v, dtype=dt), (n,)))
        for v, dt in ((top, np.int64), (left, np.int64), (hflip, np.uint8), (vflip, np.uint8))
    ]

    def run(start, stop):
        kernel.window(src, is_u8, out, start, stop, h, w, c, height, width, *per_image)

    run_images(run, n, height * width * c)
    return out
