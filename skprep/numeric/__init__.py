"""Numeric layers: Normalization, Rescaling, CategoryEncoding (and Discretization)."""

from ._category_encoding import CategoryEncoding, category_encode
from ._discretization import (
    Discretization,
    compress_summary,
    discretize,
    get_bin_boundaries,
    merge_summaries,
    summarize,
)
from ._normalization import Normalization, denormalize, normalize
from ._rescaling import Rescaling, rescale

__all__ = [
    "CategoryEncoding",
    "Discretization",
    "Normalization",
    "Rescaling",
    "category_encode",
    "compress_summary",
    "denormalize",
    "discretize",
    "get_bin_boundaries",
    "merge_summaries",
    "normalize",
    "rescale",
    "summarize",
]
