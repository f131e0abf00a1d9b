"""Hashing layers; their hash kernels live in :mod:`skprep.hashing.functional`."""

__all__: list[str] = []
