"""The estimator contract shared by every skprep layer.

Three families of layers exist, and each gets one small mixin here:

* :class:`AdaptMixin` for layers that learn from data (Keras ``adapt``). The learning lives in
  an :class:`AdaptState` -- an object with ``update(batch)``, ``merge(other)`` and
  ``finalize()`` -- so that a fit over one array, over an iterable of batches, over repeated
  ``partial_fit`` calls, or over partitions computed elsewhere and merged, all give the same
  fitted attributes.
* :class:`StatelessMixin` for layers that need no data to work (``Rescaling``, ``Hashing``,
  ``Resizing`` ...): ``fit`` validates parameters and input and returns ``self``.
* :class:`AugmentationMixin` for random augmentations: random work happens only in
  ``fit_transform`` (Keras ``training=True``); ``transform`` is inference.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator

import numpy as np
import scipy.sparse as sp

from .utils._dask import fit_dask, is_dask_collection
from .utils._progress import progress
from .utils._sklearn_compat import _fit_context, check_is_fitted
from .utils.random import check_random_state

__all__ = [
    "AdaptMixin",
    "AdaptState",
    "AugmentationMixin",
    "StatelessMixin",
    "is_batch_iterable",
    "iter_batches",
]


class AdaptState(abc.ABC):
    """Mergeable summary of the data a layer has seen.

    An adapt state holds counts or statistics -- never the data itself -- so that its memory
    does not grow with the number of rows. Subclasses implement:

    ``update(batch)``
        Fold one prepared batch into the state (returns ``self``).
    ``merge(other)``
        Fold another state of the same kind into this one (returns ``self``). Merging is
        associative, so states computed on any partition of the data and merged in any tree
        give the in-memory result.
    ``finalize()``
        Return a dict of fitted attributes (names ending in ``_``). Must not modify the state.
    ``n_batches``
        Number of batches folded in (used to detect empty fits).
    """

    n_batches: int = 0

    @abc.abstractmethod
    def update(self, batch) -> AdaptState:
        """Fold one batch into the state."""

    @abc.abstractmethod
    def merge(self, other: AdaptState) -> AdaptState:
        """Fold another state into this one."""

    @abc.abstractmethod
    def finalize(self) -> dict:
        """Return the fitted attributes this state implies."""

    def _check_mergeable(self, other: AdaptState) -> None:
        if type(other) is not type(self):
            raise TypeError(f"Cannot merge a {type(other).__name__} into a {type(self).__name__}.")


def _n_rows(X) -> int:
    return X.shape[0] if hasattr(X, "shape") and len(X.shape) else len(X)


def _take_rows(X, start, stop):
    """Rows ``start:stop`` of an array, list, tuple, sparse matrix or pandas object."""
    if hasattr(X, "iloc"):
        return X.iloc[start:stop]
    if isinstance(X, tuple):
        return list(X[start:stop])
    return X[start:stop]


# verbose in-memory fits report progress over row chunks of at least this many rows.
_PROGRESS_CHUNK_ROWS = 1 << 15
_PROGRESS_MAX_CHUNKS = 20


def _split_rows(X, n_chunks):
    """Split the rows of ``X`` into ``n_chunks`` contiguous chunks."""
    bounds = np.linspace(0, _n_rows(X), n_chunks + 1).astype(int)
    return [_take_rows(X, a, b) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]


def is_batch_iterable(X) -> bool:
    """Whether ``fit`` should treat ``X`` as an iterable of batches.

    Arrays, lists, tuples, strings, pandas objects, sparse matrices and Dask collections are
    *data*; any other iterable (a generator, an iterator, a ``tf.data.Dataset``, a
    ``torch`` ``DataLoader``...) is a stream of batches -- the analogue of Keras ``adapt`` on
    a dataset. To stream a Python list of arrays, pass ``iter(list_of_arrays)``.
    """
    if isinstance(X, (np.ndarray, list, tuple, str, bytes, dict)) or sp.issparse(X):
        return False
    if is_dask_collection(X) or hasattr(X, "__array__") or hasattr(X, "iloc"):
        return False
    return isinstance(X, Iterable)


def iter_batches(X) -> Iterator:
    """Yield the batches of ``X``: ``X`` itself, or each item of a batch iterable."""
    if is_batch_iterable(X):
        yield from X
    else:
        yield X


class AdaptMixin:
    """Mixin giving a layer Keras's ``adapt`` as ``fit`` / ``partial_fit``.

    A subclass provides:

    ``_new_adapt_state()``
        A fresh, empty :class:`AdaptState` for the current parameters.
    ``_prepare_adapt_batch(X, reset)``
        Validate one batch (``reset=True`` for the first batch of a new fit) and return what
        the state's ``update`` consumes.

    ``fit(X)`` starts over; ``partial_fit(X)`` keeps folding batches into ``adapt_state_``.
    Both accept an iterable of batches as well as a single array.
    """

    def _new_adapt_state(self) -> AdaptState:  # pragma: no cover - abstract
        raise NotImplementedError

    def _prepare_adapt_batch(self, X, reset: bool):  # pragma: no cover - abstract
        raise NotImplementedError

    def _adapt_params(self) -> dict:
        """Parameters that shape the adapt state; ``partial_fit`` refuses changes to them."""
        params = self.get_params(deep=False)
        for name in ("n_jobs", "verbose"):
            params.pop(name, None)
        return params

    def _fold(self, state: AdaptState, X, reset: bool) -> AdaptState:
        """Fold ``X`` -- an array, an iterable of batches or a Dask collection -- into
        ``state``. ``n_jobs`` (where a layer has it) splits one in-memory array into chunks
        whose states are computed in parallel threads and merged."""
        if is_dask_collection(X):
            return fit_dask(self, state, X, reset=reset)
        n_jobs = getattr(self, "n_jobs", 1)
        verbose = getattr(self, "verbose", 0)
        desc = f"{type(self).__name__}.fit"
        if n_jobs not in (None, 1) and not is_batch_iterable(X) and _n_rows(X) > 1:
            return self._fold_parallel(state, X, reset, n_jobs)
        if is_batch_iterable(X):
            batches = progress(X, enabled=verbose, desc=desc, unit="batch")
        elif verbose and hasattr(self, "n_jobs") and _n_rows(X) >= 2 * _PROGRESS_CHUNK_ROWS:
            # An in-memory fit reports progress over row chunks. Only layers with n_jobs do
            # this: their chunked fit equals the one-batch fit (Discretization's does not).
            n_chunks = min(_PROGRESS_MAX_CHUNKS, _n_rows(X) // _PROGRESS_CHUNK_ROWS)
            batches = progress(
                _split_rows(X, n_chunks), enabled=verbose, desc=desc, total=n_chunks, unit="chunk"
            )
        else:
            batches = progress([X], enabled=verbose, desc=desc, unit="batch")
        seen = False
        for batch in batches:
            state.update(self._prepare_adapt_batch(batch, reset=reset and not seen))
            seen = True
        if not seen:
            raise ValueError(
                f"{type(self).__name__}.fit received an empty iterable (no batches); "
                "pass at least one batch of data."
            )
        return state

    def _fold_parallel(self, state, X, reset, n_jobs):
        from joblib import Parallel, delayed, effective_n_jobs

        workers = effective_n_jobs(n_jobs)
        chunks = _split_rows(X, min(_n_rows(X), 2 * workers))
        # Validate (and record n_features_in_ & co.) on a one-row head; every chunk, the
        # first included, is then reduced in parallel and the exact states merged.
        self._prepare_adapt_batch(_take_rows(X, 0, 1), reset=reset)
        tasks = (delayed(self._chunk_state)(chunk) for chunk in chunks)
        try:  # joblib >= 1.3: states as they complete, so progress can be reported
            states = Parallel(n_jobs=workers, prefer="threads", return_as="generator")(tasks)
        except TypeError:  # pragma: no cover - older joblib
            states = Parallel(n_jobs=workers, prefer="threads")(tasks)
        desc = f"{type(self).__name__}.fit"
        verbose = getattr(self, "verbose", 0)
        for other in progress(states, enabled=verbose, desc=desc, total=len(chunks), unit="chunk"):
            state.merge(other)
        return state

    def _chunk_state(self, chunk):
        return self._new_adapt_state().update(self._prepare_adapt_batch(chunk, reset=False))

    def _set_adapt_state(self, state: AdaptState) -> None:
        self.adapt_state_ = state
        for name, value in state.finalize().items():
            setattr(self, name, value)

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y=None):
        """Learn the layer's state from ``X`` (Keras ``adapt``), discarding any earlier state.

        Parameters
        ----------
        X : array-like or iterable of array-like
            The data, or an iterable (generator, iterator, dataset) of batches.
        y : None
            Ignored.

        Returns
        -------
        self
        """
        state = self._fold(self._new_adapt_state(), X, reset=True)
        self._adapt_signature_ = _signature(self._adapt_params())
        self._set_adapt_state(state)
        return self

    @_fit_context(prefer_skip_nested_validation=True)
    def partial_fit(self, X, y=None):
        """Fold more data into the layer's state (streaming ``adapt``).

        Repeated ``partial_fit`` calls over the chunks of a dataset give exactly the state of
        one ``fit`` over the whole dataset.

        Parameters
        ----------
        X : array-like or iterable of array-like
            One batch, or an iterable of batches.
        y : None
            Ignored.

        Returns
        -------
        self
        """
        signature = _signature(self._adapt_params())
        first = not hasattr(self, "adapt_state_")
        if not first and signature != self._adapt_signature_:
            raise ValueError(
                f"{type(self).__name__}.partial_fit: the parameters changed since the state was "
                "started (set_params was called); call fit to start over with the new parameters."
            )
        state = self._new_adapt_state() if first else self.adapt_state_
        self._fold(state, X, reset=first)
        self._adapt_signature_ = signature
        self._set_adapt_state(state)
        return self


def _signature(params: dict) -> str:
    return repr(sorted((k, repr(v)) for k, v in params.items()))


class StatelessMixin:
    """Mixin for layers that need no data: ``fit`` only validates and returns ``self``.

    A subclass provides ``_validate_input(X, reset)`` which checks ``X`` and records what
    ``transform`` must later agree with (``n_features_in_`` ...).
    """

    def _validate_input(self, X, reset: bool):  # pragma: no cover - abstract
        raise NotImplementedError

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X=None, y=None):
        """Validate the parameters (and ``X`` if given); nothing is learned.

        Parameters
        ----------
        X : array-like, optional
            Sample input; when given its shape is recorded and later checked by ``transform``.
        y : None
            Ignored.

        Returns
        -------
        self
        """
        if X is not None:
            self._validate_input(X, reset=True)
        self.fitted_ = True
        return self

    def _ensure_params_checked(self):
        # Stateless layers also work without fit (like Keras layers); validate on first use.
        if not getattr(self, "fitted_", False):
            self._validate_params()
            self.fitted_ = True

    def __sklearn_is_fitted__(self):
        return True

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.requires_fit = False
        return tags


class AugmentationMixin:
    """Mixin for random augmentations: training happens in ``fit_transform`` only.

    * ``fit_transform(X)`` is Keras's ``layer(X, training=True)``: parameters are drawn from
      ``random_state`` (an int reproduces, a ``RandomState``/``Generator`` advances between
      calls, ``None`` is fresh) and applied.
    * ``transform(X)`` is Keras's ``layer(X, training=False)``: inference, deterministic.

    Hence ``fit_transform(X)`` is not ``fit(X).transform(X)`` -- by design, as with
    scikit-learn's ``TargetEncoder``. A subclass provides ``_validate_input(X, reset)``,
    ``_augment(X, rng)`` and ``_infer(X)``.
    """

    def _validate_input(self, X, reset: bool):  # pragma: no cover - abstract
        raise NotImplementedError

    def _augment(self, X, rng: np.random.Generator):  # pragma: no cover - abstract
        raise NotImplementedError

    def _infer(self, X):  # pragma: no cover - abstract
        raise NotImplementedError

    @_fit_context(prefer_skip_nested_validation=True)
    def fit(self, X, y=None):
        """Validate parameters and record the input's shape; nothing random happens.

        Returns
        -------
        self
        """
        self._validate_input(X, reset=True)
        self.fitted_ = True
        return self

    def fit_transform(self, X, y=None):
        """Apply the random augmentation (training mode, Keras ``training=True``).

        Parameters
        ----------
        X : array-like
            Input batch.
        y : None
            Ignored.

        Returns
        -------
        X_aug : ndarray
            Augmented batch; same shape as ``transform(X)`` returns.
        """
        self.fit(X)
        rng = check_random_state(self.random_state)
        return self._augment(self._validate_input(X, reset=False), rng)

    def transform(self, X):
        """Inference (Keras ``training=False``): deterministic, no randomness.

        Parameters
        ----------
        X : array-like
            Input batch.

        Returns
        -------
        X_out : ndarray
        """
        check_is_fitted(self)
        return self._infer(self._validate_input(X, reset=False))
