"""Build the optional compiled hash kernel; metadata lives in pyproject.toml.

``optional=True``: without a C compiler the install still succeeds and
:mod:`skprep.hashing.functional` falls back to its NumPy kernels.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension("skprep.hashing._hashkernel", ["skprep/hashing/_hashkernel.c"], optional=True)
    ]
)
