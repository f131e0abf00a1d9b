"""``backend``: run a test through the compiled image kernels and through the NumPy kernels
(the fallback, also forced by ``SKPREP_NO_C=1``). Parity tests take it as an argument."""

import pytest

from skprep.image.functional import _ckernel

BACKENDS = ["numpy"] + (["c"] if _ckernel.kernel is not None else [])


@pytest.fixture(params=BACKENDS)
def backend(request, monkeypatch):
    """The image-kernel backend under test; ``numpy`` disables the compiled kernels."""
    if request.param == "numpy":
        monkeypatch.setattr(_ckernel, "kernel", None)
    return request.param
