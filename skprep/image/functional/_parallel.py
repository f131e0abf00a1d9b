"""Run a per-image kernel over chunks of a batch on a few threads.

NumPy releases the GIL inside its loops, so chunks of a batch can be processed by threads
in parallel. Chunking also keeps each chunk's temporaries in the CPU cache, which is what
makes the gathers of the separable resize fast even on one core (see doc/design.md,
"Image layers").
"""

from __future__ import annotations

import numpy as np

from ...utils._threads import n_cores, pool

__all__ = ["map_batch"]

#: Below this many input elements per batch, run in the calling thread.
_MIN_PARALLEL = 1 << 18
#: Target number of input elements per chunk (a few hundred KiB of float32).
_CHUNK = 1 << 17


def map_batch(fn, images: np.ndarray, *per_image) -> np.ndarray:
    """Return ``fn(images, *per_image)``, computed chunk by chunk along axis 0.

    ``fn`` must treat images independently and return an array with one entry per image;
    ``per_image`` arrays (one row per image) are chunked alongside. Large batches are spread
    over a few threads.
    """
    n = images.shape[0]
    size = max(1, images[0].size)
    step = max(1, _CHUNK // size)
    if n <= step:
        return fn(images, *per_image)

    def part(start):
        stop = start + step
        return fn(images[start:stop], *(a[start:stop] for a in per_image))

    starts = list(range(0, n, step))
    first = part(0)
    out = np.empty((n, *first.shape[1:]), dtype=first.dtype)
    out[:step] = first

    def job(start):
        out[start : start + step] = part(start)

    rest = starts[1:]
    if images.size < _MIN_PARALLEL or n_cores() == 1:
        for start in rest:
            job(start)
    else:
        for _ in pool().map(job, rest):
            pass
    return out
