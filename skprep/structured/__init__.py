"""Structured data: FeatureSpace, Keras's declarative description of columns."""

# Feature and Cross are the description objects the FeatureSpace helpers return.
from ._feature_space import Cross, Feature, FeatureSpace  # noqa: F401

__all__ = ["FeatureSpace"]
