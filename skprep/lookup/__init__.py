"""Lookup layers: StringLookup and IntegerLookup, and the vocabulary core they share with
TextVectorization (:mod:`skprep.lookup._vocabulary`)."""

from ._integer_lookup import IntegerLookup
from ._string_lookup import StringLookup

__all__ = ["IntegerLookup", "StringLookup"]
