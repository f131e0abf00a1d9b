"""Models for the serving tests, importable by the server subprocess (``tests._serve_models``)."""

import threading

import numpy as np
from sklearn.base import BaseEstimator

#: Created on import in the server process; a single-threaded server never gets past it.
BARRIER = threading.Barrier(8, timeout=60)


class Exploding(BaseEstimator):
    """``predict`` raises RuntimeError on a negative value, answers ``2 * x`` otherwise."""

    def fit(self, X, y=None):
        self.fitted_ = True
        return self

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        if (X < 0).any():
            raise RuntimeError("negative input reached the model")
        return 2 * X[:, 0]


class Gathering(BaseEstimator):
    """``predict`` returns only once 8 requests are inside it at the same time."""

    def fit(self, X, y=None):
        self.fitted_ = True
        return self

    def predict(self, X):
        BARRIER.wait()
        return np.asarray(X, dtype=float)[:, 0] + 1
