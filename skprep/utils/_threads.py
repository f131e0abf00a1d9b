"""The one shared worker-thread pool for kernels that release the GIL.

NumPy loops (sort, ufuncs, gathers) and the compiled hash kernel release the GIL, so a
few threads run them in parallel. Every such kernel in skprep uses this pool instead of
starting its own threads on each call.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

__all__ = ["n_cores", "pool", "run_all"]

#: At most this many worker threads, however many cores the machine has.
MAX_THREADS = 8

_executor: ThreadPoolExecutor | None = None


def n_cores() -> int:
    """Usable cores (the process's CPU affinity where the OS reports it), at most 8."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_THREADS))


def pool() -> ThreadPoolExecutor:
    """The process-wide pool, started on first use with :func:`n_cores` workers.

    Jobs submitted to it must not themselves wait on other jobs of the pool.
    """
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=n_cores(), thread_name_prefix="skprep")
    return _executor


def _serial() -> bool:
    """Run in the calling thread: one core, or already inside a pool job (a job that waited
    on other jobs of the pool could wait forever once every worker does the same)."""
    return n_cores() == 1 or threading.current_thread().name.startswith("skprep")


def run_all(fn, args_list) -> list:
    """``[fn(*args) for args in args_list]``, the calls spread over the pool.

    The first call runs in the calling thread while the pool takes the others; exceptions
    propagate. A single call, or a call from inside a pool job, does not touch the pool.
    """
    args_list = list(args_list)
    if len(args_list) <= 1 or _serial():
        return [fn(*args) for args in args_list]
    futures = [pool().submit(fn, *args) for args in args_list[1:]]
    first = fn(*args_list[0])
    return [first, *(f.result() for f in futures)]


def _forget_pool_after_fork() -> None:
    # A forked child inherits the pool object but not its threads: start a new one there.
    global _executor
    _executor = None


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool_after_fork)
