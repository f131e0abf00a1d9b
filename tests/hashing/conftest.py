"""Run every hashing test through both string-hash backends: the optional compiled kernel
and the NumPy kernels (the fallback, also forced by ``SKPREP_NO_C=1``)."""

import pytest

from skprep.hashing import functional as F

_BACKENDS = ["numpy"] + (["c"] if F._hashkernel is not None else [])


@pytest.fixture(autouse=True, params=_BACKENDS, scope="module")
def hash_backend(request):
    """The backend under test; ``numpy`` disables the compiled kernel for the test."""
    mp = pytest.MonkeyPatch()
    if request.param == "numpy":
        mp.setattr(F, "_hashkernel", None)
    yield request.param
    mp.undo()
