"""Text layers: TextVectorization, and its pure kernels in :mod:`skprep.text.functional`."""

from . import functional  # noqa: F401  (skprep.text.functional.standardize, split, ngrams ...)
from ._text_vectorization import TextVectorization

__all__ = ["TextVectorization"]
