"""Structured data: FeatureSpace, Keras's declarative description of columns."""

from ._feature_space import Cross, Feature, FeatureSpace

__all__ = ["FeatureSpace"]

# Feature and Cross are the description objects the FeatureSpace helpers return.
_ = (Cross, Feature)
