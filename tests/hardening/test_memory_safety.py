"""Class 1 of the hardening battery: the compiled hash kernel never reads a string that may
be freed, and Arrow input is validated before anything computes on it. Each case runs in a
child process: a crash (SIGSEGV) or a hang fails the test instead of killing the run."""

import pytest

from tests.hardening._isolate import run_in_child


@pytest.mark.parametrize("container", ["array", "series", "frame"])
def test_hashing_while_another_thread_replaces_the_strings(container):
    # Before the fix the kernel hashed (pointer, length) pairs recorded under the GIL after
    # releasing it: a[i] = other freed strings mid-hash (SIGSEGV or hashes of freed memory).
    run_in_child("hash_under_mutation", container, timeout=300)


@pytest.mark.parametrize("kind", ["ipc", "non_monotonic", "negative", "invalid_utf8"])
def test_invalid_arrow_buffers_are_refused_by_every_entry_point(kind):
    run_in_child("bad_arrow", kind, timeout=300)
