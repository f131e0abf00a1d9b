"""Fixtures shared by every test.

``seed`` is the one random seed of the test suite: a test that draws random data or seeds an
estimator takes ``seed`` (or ``rng``, a NumPy ``Generator`` from it) instead of hard-coding a
lucky number, and runs once per seed. By default the seeds are 0, 1 and 2; set
``SKPREP_TEST_SEEDS`` to run others, e.g. ``SKPREP_TEST_SEEDS=0-19`` or
``SKPREP_TEST_SEEDS=7,42`` (as scikit-learn's ``SKLEARN_TESTS_GLOBAL_RANDOM_SEED``).
"""

import os

import numpy as np
import pytest


def _seeds(spec: str) -> list[int]:
    seeds = []
    for part in spec.split(","):
        low, _, high = part.strip().partition("-")
        seeds.extend(range(int(low), int(high or low) + 1))
    return seeds


SEEDS = _seeds(os.environ.get("SKPREP_TEST_SEEDS", "0-2"))


@pytest.fixture(params=SEEDS, ids=lambda s: f"seed{s}")
def seed(request):
    """The global random seed; the test runs once per seed in ``SKPREP_TEST_SEEDS``."""
    return request.param


@pytest.fixture
def rng(seed):
    """A NumPy ``Generator`` seeded with :func:`seed`."""
    return np.random.default_rng(seed)
