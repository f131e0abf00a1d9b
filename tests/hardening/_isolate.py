"""Run one hardening case in a child process, so that a crash (SIGSEGV, abort) or a hang is
reported as a test failure instead of killing the test run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_in_child(function: str, *args, timeout: float = 120, env: dict | None = None) -> str:
    """Call ``tests.hardening._child_cases.<function>(*args)`` in a fresh interpreter.

    Returns the child's stdout. Fails (AssertionError) when the child dies of a signal, exits
    non-zero (its stderr is shown) or runs longer than ``timeout`` seconds.
    """
    code = (
        "import sys; from tests.hardening import _child_cases as c; "
        f"c.{function}(*{args!r}); sys.stdout.flush()"
    )
    child_env = {**os.environ, **(env or {})}
    try:
        proc = subprocess.run(
            [sys.executable, "-X", "faulthandler", "-c", code],
            cwd=ROOT,
            env=child_env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"{function}{args!r} did not finish within {timeout} s") from exc
    if proc.returncode < 0:
        name = signal.Signals(-proc.returncode).name
        raise AssertionError(f"{function}{args!r} crashed with {name}:\n{_excerpt(proc.stderr)}")
    if proc.returncode != 0:
        raise AssertionError(f"{function}{args!r} failed:\n{_excerpt(proc.stderr)}")
    return proc.stdout


def _excerpt(stderr: str) -> str:
    """The child's stderr without faulthandler's closing list of extension modules."""
    text = stderr.split("\nExtension modules:")[0]
    return text if len(text) <= 4000 else text[:1500] + "\n...\n" + text[-2500:]
