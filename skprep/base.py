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
import copy
import functools
import hashlib
import inspect
import threading
from collections.abc import Iterable, Iterator

import numpy as np
import pyarrow as pa
import scipy.sparse as sp

from .utils._dask import fit_dask, is_dask_collection
from .utils._progress import known_length, progress
from .utils._sklearn_compat import (
    _fit_context,
    _wrap_data_with_container,
    _wrap_method_output,
    check_is_fitted,
)
from .utils.random import as_generator
from .utils.validation import check_arrow, check_finite_params

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

    ``copy()`` gives a state that more data can be folded into without touching this one
    (``partial_fit`` folds into a copy and publishes it only when the whole call succeeded).
    """

    n_batches: int = 0
    #: The parameters of the layer that made this state (name -> repr), stamped by
    #: :class:`AdaptMixin`; None for a state made directly.
    params: dict | None = None

    def copy(self) -> AdaptState:
        """A copy to fold more data into, leaving this state untouched.

        The default copies the object and, one level down, its list/dict/set and NumPy array
        attributes: states *replace* their arrays and tables when they update (pyarrow
        tables are immutable), so this is enough. A state that writes deeper in place
        overrides it.
        """
        new = copy.copy(self)
        for name, value in vars(self).items():
            if isinstance(value, (list, dict, set, np.ndarray)):
                setattr(new, name, value.copy())
        return new

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
        """Refuse ``other`` if it is another kind of state or was built with other parameters.

        Every ``merge`` calls this first. States built with different state-shaping
        parameters (``ngrams``, ``standardize``, ``split``, ``axis``, ``encoding`` ...)
        count different things; merging them would give a model no fit can produce.
        """
        if type(other) is not type(self):
            raise TypeError(f"Cannot merge a {type(other).__name__} into a {type(self).__name__}.")
        mine, theirs = self.params, other.params
        if mine is not None and theirs is not None and mine != theirs:
            names = sorted(k for k in set(mine) | set(theirs) if mine.get(k) != theirs.get(k))
            diff = ", ".join(f"{k}={mine.get(k, '<unset>')} vs {k}={theirs.get(k, '<unset>')}"
                             for k in names)
            raise ValueError(
                f"Cannot merge {type(self).__name__}s built with different parameters ({diff}): "
                "they summarise the data differently. Fit every partition with the same "
                "parameters."
            )


def _n_rows(X) -> int:
    if hasattr(X, "shape") and len(X.shape):
        return X.shape[0]
    if hasattr(X, "__len__"):
        return len(X)
    shape = np.asarray(X).shape  # e.g. an object with __array__ only
    return shape[0] if shape else 1


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

    Parameters
    ----------
    X : object
        What was passed to ``fit``.

    Returns
    -------
    bool
    """
    if isinstance(X, (np.ndarray, list, tuple, str, bytes, dict)) or sp.issparse(X):
        return False
    if is_dask_collection(X) or hasattr(X, "__array__") or hasattr(X, "iloc"):
        return False
    return isinstance(X, Iterable)


def iter_batches(X) -> Iterator:
    """Yield the batches of ``X``: ``X`` itself, or each item of a batch iterable.

    Each batch is handed over as data the layers understand, as Keras ``adapt`` does:

    * a framework tensor (a TensorFlow ``EagerTensor``, a PyTorch CPU tensor: anything with
      a ``numpy()`` method) becomes a NumPy array; string tensors give arrays of ``bytes``,
      which the text layers decode with their ``encoding``;
    * in a batch iterable, an ``(x, y)`` or ``(x, y, sample_weight)`` tuple of arrays -- what
      a supervised ``tf.data.Dataset`` or generator yields -- gives its ``x``.

    No deep-learning framework is imported here.

    Parameters
    ----------
    X : array-like or iterable of batches
        What was passed to ``fit``.

    Yields
    ------
    batch
        One batch of data.
    """
    if is_batch_iterable(X):
        for batch in X:
            yield _as_array(_features_of(batch))
    else:
        yield _as_array(X)


def _features_of(batch):
    """``x`` of an ``(x, y)`` / ``(x, y, sample_weight)`` tuple of arrays, else ``batch``."""
    if (
        isinstance(batch, tuple)
        and len(batch) in (2, 3)
        and getattr(batch[0], "ndim", 0) >= 1
        and all(hasattr(part, "shape") for part in batch[1:])
    ):
        return batch[0]
    return batch


def _as_array(batch):
    """A tensor with a ``numpy()`` method as a NumPy array; anything else unchanged."""
    to_numpy = getattr(batch, "numpy", None)
    if isinstance(batch, np.ndarray) or not callable(to_numpy):
        return batch
    return to_numpy()


#: The code object of scikit-learn's ``set_output`` wrapper, to recognise wrapped methods.
_SKLEARN_WRAPPER_CODE = _wrap_method_output(lambda self, X: X, "transform").__code__


def _wrap_2d_output(f, key):
    """Like scikit-learn's ``set_output`` wrapper, but outputs of rank > 2 pass through."""

    @functools.wraps(f)
    def wrapped(self, X, *args, **kwargs):
        out = f(self, X, *args, **kwargs)
        if isinstance(out, tuple):
            return (_wrap_2d(key, out[0], X, self), *out[1:])
        return _wrap_2d(key, out, X, self)

    wrapped._skprep_nd_passthrough = True
    return wrapped


def _wrap_2d(key, out, X, estimator):
    if getattr(out, "ndim", 2) > 2:
        return out
    return _wrap_data_with_container(key, out, X, estimator)


class _ArrayOutputMixin:
    """``set_output`` / ``transform_output="pandas"`` for layers whose outputs may be N-D.

    scikit-learn turns every ``transform`` output into a DataFrame when pandas output is
    configured, which fails for images ``(n, h, w, c)`` and other outputs of rank > 2. Here
    outputs of rank > 2 pass through unchanged; tables become DataFrames as usual (with
    ``get_feature_names_out`` as columns, where the layer has it). ``set_output`` is available
    on every layer, so ``Pipeline.set_output`` works with image layers in the pipeline.
    """

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for method in ("transform", "fit_transform"):
            current = cls.__dict__.get(method)
            if getattr(current, "__code__", None) is _SKLEARN_WRAPPER_CODE:
                setattr(cls, method, _wrap_2d_output(current.__wrapped__, "transform"))
        inherited = getattr(cls, "fit_transform", None)
        if getattr(inherited, "__code__", None) is _SKLEARN_WRAPPER_CODE:
            # TransformerMixin.fit_transform, wrapped where it is defined.
            cls.fit_transform = _wrap_2d_output(inherited.__wrapped__, "transform")

    def set_output(self, *, transform=None):
        """Set the output container of ``transform`` and ``fit_transform``.

        Parameters
        ----------
        transform : {"default", "pandas", "polars"} or None, default=None
            ``"pandas"``/``"polars"``: two-dimensional outputs become DataFrames; outputs of
            rank > 2 (images, spectrograms) are returned unchanged. None leaves it unchanged.

        Returns
        -------
        self
        """
        if transform is not None:
            config = dict(getattr(self, "_sklearn_output_config", {}))
            config["transform"] = transform
            self._sklearn_output_config = config
        return self


class _ValidationOnly(AdaptState):
    """Takes the place of the adapt state while a layer given its state validates input."""

    def update(self, batch) -> _ValidationOnly:
        self.n_batches += 1
        return self

    def merge(self, other: AdaptState) -> _ValidationOnly:
        self.n_batches += other.n_batches
        return self

    def finalize(self) -> dict:
        return {}


class _Kept:
    """One in-memory batch whose prepared form ``fit`` hands back (``_fit_keeping``)."""

    __slots__ = ("X", "on_prepared", "prepared")

    def __init__(self, X, on_prepared=None):
        self.X, self.on_prepared, self.prepared = X, on_prepared, None

    def keep(self, prepared) -> None:
        self.prepared = prepared
        if self.on_prepared is not None:
            self.on_prepared(prepared)


_PUBLIC_METHODS = (
    "fit",
    "partial_fit",
    "transform",
    "fit_transform",
    "inverse_transform",
    "fit_resample",
)


_guard = threading.local()


def _clear_errors(method):
    """Guard a public method of a layer.

    * Arrow input (``X`` a pyarrow array, or a sequence of them) is fully validated
      (:func:`~skprep.utils.validation.check_arrow`) before any code looks at it -- once, in
      the outermost guarded call of a thread;
    * the errors that input values cause deep inside NumPy/pyarrow -- an integer beyond 64
      bits (``OverflowError``), pyarrow's ``ArrowInvalid``/``ArrowTypeError`` -- are re-raised
      as a ``ValueError``/``TypeError`` naming the layer and the method.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        outer = not getattr(_guard, "depth", 0)
        if outer and args:
            check_arrow(args[0], f"{type(self).__name__}.{method.__name__}")
        _guard.depth = getattr(_guard, "depth", 0) + 1
        try:
            return method(self, *args, **kwargs)
        except OverflowError as exc:
            raise ValueError(
                f"{type(self).__name__}.{method.__name__}: a value is out of range ({exc}). "
                "Integers must fit in 64 bits (int64 for signed values); convert or clip "
                "the input first."
            ) from exc
        except pa.ArrowTypeError as exc:
            raise TypeError(
                f"{type(self).__name__}.{method.__name__}: the input has values of the wrong "
                f"type ({exc})."
            ) from exc
        except pa.ArrowInvalid as exc:
            raise ValueError(
                f"{type(self).__name__}.{method.__name__}: invalid input value ({exc})."
            ) from exc
        finally:
            _guard.depth -= 1

    return wrapper


class _LayerMixin(_ArrayOutputMixin):
    """What every skprep layer gets (each of the three mixins below derives from it):

    * :func:`~skprep.utils.validation.check_finite_params` after the declarative parameter
      validation (NaN/inf parameters refused);
    * its public methods (``fit``, ``transform`` ...) re-raise out-of-range integers and
      pyarrow's input errors as clear ``ValueError``/``TypeError`` (:func:`_clear_errors`).
    """

    def __init_subclass__(cls, **kwargs):
        for name in _PUBLIC_METHODS:
            method = cls.__dict__.get(name)
            if inspect.isfunction(method) and not getattr(method, "_skprep_clear", False):
                wrapped = _clear_errors(method)
                wrapped._skprep_clear = True
                setattr(cls, name, wrapped)
        super().__init_subclass__(**kwargs)

    def _validate_params(self):
        super()._validate_params()
        check_finite_params(self)


class AdaptMixin(_LayerMixin):
    """Mixin giving a layer Keras's ``adapt`` as ``fit`` / ``partial_fit``.

    A subclass provides:

    ``_new_adapt_state()``
        A fresh, empty :class:`AdaptState` for the current parameters.
    ``_prepare_adapt_batch(X, reset)``
        Validate one batch (``reset=True`` for the first batch of a new fit) and return what
        the state's ``update`` consumes.

    ``fit(X)`` starts over; ``partial_fit(X)`` keeps folding batches into ``adapt_state_``.
    Both accept an iterable of batches as well as a single array.

    **State given as parameters.** A Keras layer can be built with its state instead of
    adapting it (``vocabulary``, ``bin_boundaries``, ``mean``/``variance``). A subclass names
    those parameters in ``_state_params`` and builds the fitted attributes from them in
    ``_given_state(X)``. When any of them is set, ``fit``/``partial_fit`` only validate the
    input (nothing is learned), and ``transform`` works without ``fit`` (``_ensure_fitted``
    sets the given state up on first use, as calling the Keras layer builds it).

    Fits are atomic: ``fit`` folds into a fresh state and ``partial_fit`` into a copy of
    ``adapt_state_``; what the layer records while validating batches (``n_features_in_``
    ...) is rolled back with the rest of ``__dict__`` if anything raises -- a later batch
    of an iterable, a Dask partition, ``finalize`` -- so a failed call leaves the estimator
    exactly as it was, and the fitted attributes are published together at the end.
    """

    #: Constructor parameters that give the layer its state instead of learning it.
    _state_params: tuple[str, ...] = ()

    def _new_adapt_state(self) -> AdaptState:  # pragma: no cover - abstract
        raise NotImplementedError

    def _prepare_adapt_batch(self, X, reset: bool):  # pragma: no cover - abstract
        raise NotImplementedError

    def _state_is_given(self) -> bool:
        """Whether a state parameter is set (then nothing is learned from data)."""
        return any(getattr(self, name) is not None for name in self._state_params)

    def _given_state(self, X=None) -> dict:  # pragma: no cover - abstract
        """The fitted attributes the state parameters give. ``X`` is the input of a
        ``transform`` before any ``fit`` (for a state shaped by its input), else None."""
        raise NotImplementedError

    def _finalize_state(self, state: AdaptState) -> dict:
        """The fitted attributes a learned state implies."""
        return state.finalize()

    def _set_adapt_state(self, state: AdaptState, X=None) -> None:
        given = self._state_is_given()
        attributes = self._given_state(X) if given else self._finalize_state(state)
        if state.params is None:
            state.params = _param_labels(self._adapt_params())
        self.adapt_state_ = state
        for name, value in attributes.items():
            setattr(self, name, value)

    def _ensure_fitted(self, X=None) -> None:
        """``check_is_fitted``, except that a layer given its state works without ``fit``,
        as the Keras layer built with it does: the state is set up on first use (``X``, the
        input being transformed, shapes it where the layer needs that)."""
        if not hasattr(self, "adapt_state_") and self._state_is_given():
            self._validate_params()
            self._set_adapt_state(self._new_adapt_state(), X)
        params = " or ".join(f"`{name}`" for name in self._state_params)
        check_is_fitted(
            self,
            msg=(
                "This %(name)s instance is not fitted yet: call 'fit' with appropriate "
                "arguments (Keras: call `adapt(dataset)`)"
                + (f" or give its state with {params}" if params else "")
                + " before using this estimator."
            ),
        )

    def _fit_keeping(self, X, on_prepared=None):
        """``fit(X)`` for ``fit_transform``: returns what ``_prepare_adapt_batch`` made of
        ``X`` (one in-memory batch), so the layer can map it without reading ``X`` again.
        ``on_prepared(prepared)`` runs before the state consumes it."""
        kept = _Kept(X, on_prepared)
        self.fit(kept)
        return kept.prepared

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
        given = self._state_is_given()
        learner = _ValidationOnly() if given else state  # a given state learns nothing
        if is_dask_collection(X):
            fit_dask(self, learner, X, reset=reset)
            return state
        n_jobs = getattr(self, "n_jobs", 1)
        if n_jobs not in (None, 1) and not given and not is_batch_iterable(X) and _n_rows(X) > 1:
            return self._fold_parallel(state, X, reset, n_jobs)
        seen, n_rows = False, 0
        for batch in self._progress_batches(X, chunk=not given):
            kept = batch if isinstance(batch, _Kept) else None
            batch = batch.X if kept is not None else batch
            prepared = self._prepare_adapt_batch(batch, reset=reset and not seen)
            if kept is not None:
                kept.keep(prepared)
            learner.update(prepared)
            seen, n_rows = True, n_rows + (_n_rows(batch) if given else 1)
        if not seen:
            raise ValueError(
                f"{type(self).__name__}.fit received an empty iterable (no batches); "
                "pass at least one batch of data."
            )
        if not n_rows:
            raise ValueError(f"{type(self).__name__} cannot be fitted on empty input (0 samples).")
        return state

    def _progress_batches(self, X, chunk: bool):
        """The batches of ``X``, reporting progress when ``verbose`` is set.

        A stream reports its batches (with a total when it has a length). An in-memory input
        of a layer with ``n_jobs`` -- whose chunked fit equals its one-batch fit
        (Discretization's does not) -- is read in row chunks when large, so that the fit
        can report progress; other inputs are one batch.
        """
        verbose = getattr(self, "verbose", 0)
        desc = f"{type(self).__name__}.fit"
        if is_batch_iterable(X):
            total = known_length(X)  # before iter_batches hides the length
            return progress(iter_batches(X), enabled=verbose, desc=desc, total=total, unit="batch")
        X = _as_array(X)
        if (
            chunk
            and verbose
            and hasattr(self, "n_jobs")
            and not isinstance(X, _Kept)
            and _n_rows(X) >= 2 * _PROGRESS_CHUNK_ROWS
        ):
            n_chunks = min(_PROGRESS_MAX_CHUNKS, _n_rows(X) // _PROGRESS_CHUNK_ROWS)
            chunks = _split_rows(X, n_chunks)
            return progress(chunks, enabled=verbose, desc=desc, total=len(chunks), unit="chunk")
        return progress([X], enabled=verbose, desc=desc, unit="batch")

    def _fresh_adapt_state(self) -> AdaptState:
        """``_new_adapt_state()`` stamped with the parameters it was built with."""
        state = self._new_adapt_state()
        state.params = _param_labels(self._adapt_params())
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
        return self._fresh_adapt_state().update(self._prepare_adapt_batch(chunk, reset=False))

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
        with _rollback_on_error(self):
            state = self._fold(self._fresh_adapt_state(), X, reset=True)
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
        with _rollback_on_error(self):
            state = self._fresh_adapt_state() if first else self.adapt_state_.copy()
            self._fold(state, X, reset=first)
            self._adapt_signature_ = signature
            self._set_adapt_state(state)
        return self

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.requires_fit = not self._state_is_given()
        return tags


def _signature(params: dict) -> str:
    """A digest of the parameters' values, for ``partial_fit``'s "parameters changed" guard.

    Values are compared in full -- two 2,000-element arrays differing in one element differ
    -- and by value: a list and an array of the same numbers (or strings) are equal. The
    digest is a short string, so the fitted state stays plain data.
    """
    digest = hashlib.sha256()
    for name in sorted(params):
        digest.update(name.encode() + b"=")
        _feed(digest, params[name])
    return digest.hexdigest()


def _feed(digest, value) -> None:
    """Feed ``value`` to ``digest`` in a form equal values share."""
    if isinstance(value, dict):
        digest.update(b"{%d" % len(value))
        for key in sorted(value, key=repr):
            _feed(digest, key)
            _feed(digest, value[key])
        return
    if callable(value) and not hasattr(value, "__array__"):
        name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', repr(value))}"
        digest.update(b"callable:" + name.encode())
        return
    if hasattr(value, "to_pylist"):  # pyarrow arrays: validated before reading
        value = check_arrow(value, "a parameter of this layer").to_pylist()
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], str):
        # tokens (a vocabulary): as an array of them is fed below, without building one
        digest.update(f"list:({len(value)},):{list(value)!r}".encode())
        return
    if isinstance(value, (list, tuple, np.ndarray)) or np.isscalar(value):
        try:
            arr = np.asarray(value)
        except ValueError:  # ragged
            arr = None
        if arr is not None and arr.dtype.kind in "biuf":
            arr = arr.astype(np.float64 if arr.dtype.kind == "f" else np.int64)
            digest.update(f"array:{arr.dtype.str}:{arr.shape}:".encode())
            digest.update(np.ascontiguousarray(arr).tobytes())
            return
        if arr is not None and arr.dtype.kind in "USO" and arr.ndim:  # e.g. a vocabulary
            digest.update(f"list:{arr.shape}:{arr.ravel().tolist()!r}".encode())
            return
    digest.update(f"{type(value).__name__}:{value!r}".encode())


def _param_labels(params: dict) -> dict:
    """``name -> label`` of each state-shaping parameter, stamped on an adapt state so that
    ``merge`` can refuse states of other parameters and name the ones that differ. A label is
    the value's ``repr`` when short, else a digest of the full value (an array's ``repr`` is
    abridged, so two arrays differing in one element would otherwise look equal). Arrays --
    NumPy, pyarrow -- always get the digest: pyarrow's ``repr`` reads the buffers of an array
    before anything has validated them, and ``_signature`` validates first."""
    labels = {}
    for name, value in params.items():
        if isinstance(value, np.ndarray) or hasattr(value, "to_pylist"):
            labels[name] = f"<{type(value).__name__} {_signature({name: value})[:16]}>"
            continue
        label = repr(value)
        if len(label) > 120:
            label = f"<{type(value).__name__} {_signature({name: value})[:16]}>"
        labels[name] = label
    return labels


class _rollback_on_error:
    """Restore ``est.__dict__`` as it was on entry if the block raises.

    The block must not write *into* existing attribute objects (``fit`` builds a new state,
    ``partial_fit`` folds into :meth:`AdaptState.copy`); attributes it sets, replaces or
    deletes are put back.
    """

    def __init__(self, est):
        self.est = est

    def __enter__(self):
        self.saved = dict(vars(self.est))

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            state = vars(self.est)
            state.clear()
            state.update(self.saved)
        return False


class StatelessMixin(_LayerMixin):
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
        with _rollback_on_error(self):
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


class AugmentationMixin(_LayerMixin):
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

        Parameters
        ----------
        X : array-like
            Input batch.
        y : None
            Ignored.

        Returns
        -------
        self
        """
        with _rollback_on_error(self):
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
        rng = as_generator(self.random_state)
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
