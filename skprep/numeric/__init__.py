"""Numeric layers: Normalization, Rescaling, CategoryEncoding (and Discretization)."""

from ._category_encoding import CategoryEncoding, category_encode
from ._normalization import Normalization, denormalize, normalize
from ._rescaling import Rescaling, rescale

__all__ = [
    "CategoryEncoding",
    "Normalization",
    "Rescaling",
    "category_encode",
    "denormalize",
    "normalize",
    "rescale",
]
