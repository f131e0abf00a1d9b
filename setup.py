"""Build the optional compiled kernels; metadata lives in pyproject.toml.

``optional=True``: without a C compiler the install still succeeds and
:mod:`skprep.hashing.functional` and the image kernels fall back to NumPy.

The image kernels must do the same float32 operations as their NumPy references, so the
compiler may not fuse ``a * b + c`` into one rounding (``-ffp-contract=off``; MSVC does not
contract by default). ``-fno-trapping-math`` only lets the compiler vectorise loops with
selects (it assumes no floating-point exception traps; results are unchanged).
"""

import sys

from setuptools import Extension, setup

_STRICT_FP = (
    []
    if sys.platform == "win32"
    else ["-O3", "-ffp-contract=off", "-fno-fast-math", "-fno-trapping-math"]
)

setup(
    ext_modules=[
        Extension("skprep.hashing._hashkernel", ["skprep/hashing/_hashkernel.c"], optional=True),
        Extension(
            "skprep.image._imagekernel",
            ["skprep/image/_imagekernel.c"],
            extra_compile_args=_STRICT_FP,
            optional=True,
        ),
    ]
)
