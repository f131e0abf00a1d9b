"""Hashing layers: Hashing and HashedCrossing.

The hash kernels (FarmHash Fingerprint64, SipHash-2-4, FingerprintCat64) live in
:mod:`skprep.hashing.functional`; :func:`hashing` and :func:`hashed_cross` are the layers'
functional forms (importable from here, not re-exported at the top level).
"""

from ._hashed_crossing import HashedCrossing
from ._hashed_crossing import hashed_cross as hashed_cross
from ._hashing import Hashing
from ._hashing import hashing as hashing

__all__ = ["HashedCrossing", "Hashing"]
