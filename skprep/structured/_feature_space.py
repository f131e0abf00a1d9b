"""FeatureSpace: Keras's declarative description of structured data, built as a
scikit-learn ``ColumnTransformer`` of skprep layers.

A description maps column names to feature types (``"string_categorical"``,
``FeatureSpace.float_discretized(num_bins=8)`` ...) and lists crosses. ``fit`` turns it into
one ``ColumnTransformer``: one block per feature (its own layer, hence one vocabulary per
column) in Keras's order -- features sorted by name, then crosses sorted by name -- and, for
each cross, a small pipeline that indexes the crossed columns with their own layers and
hashes the pair with ``HashedCrossing``, as Keras crosses the preprocessed (integer) features.
"""

from __future__ import annotations

from numbers import Integral

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline

from ..hashing import HashedCrossing, Hashing
from ..lookup import IntegerLookup, StringLookup
from ..numeric import CategoryEncoding, Discretization, Normalization, Rescaling
from ..utils._sklearn_compat import Interval, StrOptions, _fit_context, check_is_fitted
from ..utils.validation import input_feature_names

__all__ = ["Cross", "Feature", "FeatureSpace"]

_FEATURE_MODES = ("int", "one_hot", "float")
_CROSS_MODES = ("int", "one_hot")


class Feature:
    """One feature of a :class:`FeatureSpace`: a layer and how its output is encoded.

    Built by the ``FeatureSpace`` helpers (``FeatureSpace.string_categorical()`` ...) or by
    :meth:`FeatureSpace.feature` for any skprep (or scikit-learn) transformer.

    Parameters
    ----------
    dtype : str
        The input's kind (``"float32"``, ``"int32"``, ``"string"``), as in Keras.
    preprocessor : estimator
        An unfitted transformer; ``FeatureSpace.fit`` fits a clone of it on the column.
    output_mode : {"int", "one_hot", "float"}
        ``"one_hot"`` one-hot encodes the preprocessor's integer output; ``"int"`` and
        ``"float"`` keep it as it is.
    """

    def __init__(self, dtype, preprocessor, output_mode):
        if output_mode not in _FEATURE_MODES:
            raise ValueError(
                "Invalid value for argument `output_mode`. Expected one of "
                f"{set(_FEATURE_MODES)}. Received: output_mode={output_mode!r}"
            )
        self.dtype = dtype
        self.preprocessor = preprocessor
        self.output_mode = output_mode

    def _key(self):
        layer = self.preprocessor
        params = getattr(layer, "get_params", dict)(deep=False)
        return (self.dtype, self.output_mode, type(layer), repr(sorted(params.items())))

    def __eq__(self, other):
        return isinstance(other, Feature) and self._key() == other._key()

    __hash__ = None

    def __repr__(self):
        return (
            f"Feature(dtype={self.dtype!r}, preprocessor={self.preprocessor!r}, "
            f"output_mode={self.output_mode!r})"
        )


class Cross:
    """A crossing of features of a :class:`FeatureSpace` (``FeatureSpace.cross``).

    Parameters
    ----------
    feature_names : tuple of str
        The crossed features (Keras crosses exactly two; skprep accepts two or more).
    crossing_dim : int
        Number of hash bins of the cross.
    output_mode : {"int", "one_hot"}, default="one_hot"
    """

    def __init__(self, feature_names, crossing_dim, output_mode="one_hot"):
        if output_mode not in _CROSS_MODES:
            raise ValueError(
                "Invalid value for argument `output_mode`. Expected one of "
                f"{set(_CROSS_MODES)}. Received: output_mode={output_mode!r}"
            )
        self.feature_names = tuple(feature_names)
        self.crossing_dim = crossing_dim
        self.output_mode = output_mode

    @property
    def name(self):
        """``"a_X_b"``, Keras's name of the cross (its key in dict output)."""
        return "_X_".join(self.feature_names)

    def __eq__(self, other):
        return isinstance(other, Cross) and (
            self.feature_names,
            self.crossing_dim,
            self.output_mode,
        ) == (other.feature_names, other.crossing_dim, other.output_mode)

    __hash__ = None

    def __repr__(self):
        return (
            f"Cross(feature_names={self.feature_names!r}, crossing_dim={self.crossing_dim!r}, "
            f"output_mode={self.output_mode!r})"
        )


def _one_hot_width(preprocessor):
    """Cardinality of an integer preprocessor known before fit (Keras's rule), else None."""
    if isinstance(preprocessor, Discretization):
        if preprocessor.bin_boundaries is not None:
            return len(preprocessor.bin_boundaries) + 1
        # Keras's width is num_bins, but for num_bins in {49, 98, ...} adapt learns one bin
        # more (np.arange rounding), whose values Keras then drops: keep a column for it.
        return len(np.arange(0.0, 1.0, 1.0 / preprocessor.num_bins))
    if isinstance(preprocessor, (Hashing, HashedCrossing)):
        return preprocessor.num_bins
    if isinstance(preprocessor, CategoryEncoding):
        return preprocessor.num_tokens
    return None


def _encoder(name, feature, sparse):
    """The block of one feature: its layer, one-hot encoded if asked."""
    layer = clone(feature.preprocessor)
    if feature.output_mode != "one_hot":
        return layer
    if isinstance(layer, (StringLookup, IntegerLookup, Hashing)):
        return layer.set_params(output_mode="one_hot", sparse=sparse)
    width = _one_hot_width(layer)
    if width is None:
        raise ValueError(
            f"Feature '{name}' has `output_mode='one_hot'`. However it isn't a standard "
            "feature and the dimensionality of its output space is not known, thus it "
            "cannot be one-hot encoded. Try using `output_mode='int'`."
        )
    one_hot = CategoryEncoding(num_tokens=width, output_mode="one_hot", sparse=sparse)
    return Pipeline([("index", layer), ("one_hot", one_hot)])


def _indexer(name, feature):
    """The integer-valued layer of a feature, as a cross consumes it."""
    if feature.dtype.startswith("float") and feature.output_mode == "float":
        raise ValueError(
            f"Feature '{name}' cannot be crossed: it has float output (output_mode='float'). "
            "Cross categorical, hashed or discretized features."
        )
    layer = clone(feature.preprocessor)
    if "output_mode" in layer.get_params() and feature.output_mode != "float":
        layer.set_params(output_mode="int")
    return layer


class FeatureSpace(TransformerMixin, BaseEstimator):
    """Preprocess and encode structured data from a declarative description (Keras
    ``keras.utils.FeatureSpace``).

    Describe each column with a feature type and list the crosses; ``fit`` builds a
    scikit-learn :class:`~sklearn.compose.ColumnTransformer` of skprep layers -- one layer,
    hence one vocabulary, per column -- and fits it (Keras ``adapt``); ``transform`` encodes
    (calling the Keras ``FeatureSpace``). The output has Keras's layout: features sorted by
    name, then crosses sorted by name; each block is Keras's width and encoding.

    Feature types, by name (defaults) or through the helpers:

    * ``FeatureSpace.float()``: values as float32;
    * ``FeatureSpace.float_normalized()``: standardised (:class:`~skprep.Normalization`);
    * ``FeatureSpace.float_rescaled(scale=1.0, offset=0.0)``: :class:`~skprep.Rescaling`;
    * ``FeatureSpace.float_discretized(num_bins, bin_boundaries=None, output_mode="one_hot")``:
      :class:`~skprep.Discretization`;
    * ``FeatureSpace.integer_categorical(max_tokens=None, num_oov_indices=1,
      output_mode="one_hot")`` and ``string_categorical(...)``: :class:`~skprep.IntegerLookup`
      / :class:`~skprep.StringLookup`;
    * ``FeatureSpace.integer_hashed(num_bins, output_mode="one_hot")`` and
      ``string_hashed(...)``: :class:`~skprep.Hashing`;
    * ``FeatureSpace.feature(dtype, preprocessor, output_mode)``: any transformer, e.g. a
      :class:`~skprep.TextVectorization` for a text column;
    * ``FeatureSpace.cross(feature_names, crossing_dim, output_mode="one_hot")``: a
      :class:`~skprep.HashedCrossing` of the features' integer indices.

    Parameters
    ----------
    features : dict of str -> str or Feature
        Column name -> feature type name (``"float"``, ``"float_normalized"``,
        ``"float_rescaled"``, ``"float_discretized"``, ``"integer_categorical"``,
        ``"string_categorical"``, ``"integer_hashed"``, ``"string_hashed"``) or a
        :class:`Feature` from a helper.
    output_mode : {"concat", "dict"}, default="concat"
        ``"concat"``: one float32 matrix (every feature must be encoded: ``"one_hot"`` or
        ``"float"``). ``"dict"``: a dict of encoded features keyed by feature and cross name.
    crosses : list of tuple of str or Cross, default=None
        Features to cross, e.g. ``[("color", "city")]``.
    crossing_dim : int, default=32
        Hash bins of crosses given as tuples.
    hashing_dim : int, default=32
        Hash bins of features given as ``"integer_hashed"`` / ``"string_hashed"``.
    num_discretization_bins : int, default=32
        Bins of features given as ``"float_discretized"``.
    sparse : bool, default=False
        skprep addition. ``True`` keeps the one-hot blocks sparse and returns a SciPy CSR
        matrix in ``"concat"`` mode; the default is Keras's dense output.

    Attributes
    ----------
    column_transformer_ : sklearn.compose.ColumnTransformer
        The fitted transformer: one block per feature, then one per cross.
    preprocessors_ : dict of str -> estimator
        The fitted block of each feature (Keras ``preprocessors``).
    crossers_ : dict of str -> estimator
        The fitted block of each cross (Keras ``crossers``).
    feature_names_in_ : ndarray of str
        The described columns, in Keras's (sorted) order.
    n_features_in_ : int

    See Also
    --------
    sklearn.compose.ColumnTransformer : What ``fit`` builds.

    Notes
    -----
    Differences from Keras, each deliberate:

    * Input is a pandas DataFrame or a dict of 1-D (or ``(n, 1)``) arrays, one row per sample;
      extra columns are ignored. A missing column raises a ``ValueError`` naming it.
    * ``fit`` adapts each layer on the whole column as one batch (Keras adapts
      ``Discretization`` batch by batch; equal when the data is one batch).
    * A discretized feature is one-hot encoded with Keras's ``num_bins`` columns, except
      for ``num_bins`` in {49, 98, ...}, where adapt learns one bin more than ``num_bins``:
      Keras drops that bin's values (an all-zero row), skprep adds its column.
    * ``float_discretized(bin_boundaries=...)`` is one-hot encoded with
      ``len(bin_boundaries) + 1`` columns (Keras passes ``num_bins`` too and cannot encode
      it). A cross may join more than two features (Keras's ``HashedCrossing`` takes two).
    * ``name`` arguments (Keras runtime names) are not taken; ``get_inputs`` /
      ``get_encoded_features`` (Keras functional-model plumbing) have no equivalent:
      put the FeatureSpace in a :class:`~sklearn.pipeline.Pipeline` instead.

    Examples
    --------
    >>> import pandas as pd
    >>> from skprep import FeatureSpace
    >>> data = pd.DataFrame({
    ...     "price": [1.0, 2.0, 3.0, 4.0],
    ...     "color": ["red", "blue", "red", "green"],
    ...     "rooms": [1, 2, 2, 3],
    ... })
    >>> space = FeatureSpace(
    ...     features={
    ...         "price": "float_normalized",
    ...         "color": "string_categorical",
    ...         "rooms": FeatureSpace.integer_categorical(max_tokens=3),
    ...     },
    ...     crosses=[("color", "rooms")],
    ...     crossing_dim=4,
    ... )
    >>> X = space.fit_transform(data)
    >>> X.shape  # color: 3 tokens + OOV, price: 1, rooms: 3, color_X_rooms: 4
    (4, 12)
    >>> space.get_feature_names_out()[:5].tolist()
    ['color_[UNK]', 'color_red', 'color_green', 'color_blue', 'price']
    >>> FeatureSpace(features={"color": "string_categorical"}, output_mode="dict").fit(
    ...     data
    ... ).transform(data)["color"].shape
    (4, 4)
    """

    _parameter_constraints = {
        "features": [dict],
        "output_mode": [StrOptions({"concat", "dict"})],
        "crosses": [list, tuple, None],
        "crossing_dim": [Interval(Integral, 1, None, closed="left")],
        "hashing_dim": [Interval(Integral, 1, None, closed="left")],
        "num_discretization_bins": [Interval(Integral, 1, None, closed="left")],
        "sparse": ["boolean"],
    }

    # -- the helpers of Keras's FeatureSpace -------------------------------------------------
    @classmethod
    def cross(cls, feature_names, crossing_dim, output_mode="one_hot"):
        """A cross of ``feature_names`` hashed into ``crossing_dim`` bins.

        Parameters
        ----------
        feature_names : tuple of str
            The features to cross (their preprocessed integer values are crossed).
        crossing_dim : int
            Number of hash bins of the cross.
        output_mode : {"one_hot", "int"}, default="one_hot"
            How the cross is encoded in the output.

        Returns
        -------
        Cross
        """
        return Cross(feature_names, crossing_dim, output_mode=output_mode)

    @classmethod
    def feature(cls, dtype, preprocessor, output_mode):
        """A feature encoded by any transformer (e.g. ``TextVectorization``).

        Parameters
        ----------
        dtype : str
            The column's dtype (``"string"``, ``"int32"``, ``"float32"``).
        preprocessor : transformer
            The skprep layer (or any scikit-learn transformer) encoding the column; it is
            cloned, never fitted in place.
        output_mode : {"one_hot", "int", "float"}
            How the encoded values enter the output.

        Returns
        -------
        Feature
        """
        return Feature(dtype, preprocessor, output_mode)

    @classmethod
    def float(cls):
        """Plain float values (cast to float32)."""
        return Feature("float32", Rescaling(scale=1.0, offset=0.0), "float")

    @classmethod
    def float_rescaled(cls, scale=1.0, offset=0.0):
        """Float values rescaled as ``x * scale + offset``.

        Parameters
        ----------
        scale : float, default=1.0
            Multiplier.
        offset : float, default=0.0
            Added after scaling.

        Returns
        -------
        Feature
        """
        return Feature("float32", Rescaling(scale=scale, offset=offset), "float")

    @classmethod
    def float_normalized(cls):
        """Float values standardised with the column's mean and variance."""
        return Feature("float32", Normalization(axis=-1), "float")

    @classmethod
    def float_discretized(cls, num_bins, bin_boundaries=None, output_mode="one_hot"):
        """Float values bucketed into ``num_bins`` quantile bins (or ``bin_boundaries``).

        Parameters
        ----------
        num_bins : int
            Number of quantile bins learned from the column.
        bin_boundaries : list of float or None, default=None
            Fixed boundaries instead of learned ones.
        output_mode : {"one_hot", "int"}, default="one_hot"
            How the feature is encoded in the output.

        Returns
        -------
        Feature
        """
        if bin_boundaries is not None:
            layer = Discretization(bin_boundaries=bin_boundaries)
        else:
            layer = Discretization(num_bins=num_bins)
        return Feature("float32", layer, output_mode)

    @classmethod
    def integer_categorical(cls, max_tokens=None, num_oov_indices=1, output_mode="one_hot"):
        """Integer values indexed by a vocabulary learned from the column.

        Parameters
        ----------
        max_tokens : int or None, default=None
            Largest vocabulary size, special slots included; None is unlimited.
        num_oov_indices : int, default=1
            Number of out-of-vocabulary slots.
        output_mode : {"one_hot", "int", "multi_hot"}, default="one_hot"
            How the feature is encoded in the output.

        Returns
        -------
        Feature
        """
        layer = IntegerLookup(max_tokens=max_tokens, num_oov_indices=num_oov_indices)
        return Feature("int32", layer, output_mode)

    @classmethod
    def string_categorical(cls, max_tokens=None, num_oov_indices=1, output_mode="one_hot"):
        """String values indexed by a vocabulary learned from the column.

        Parameters
        ----------
        max_tokens : int or None, default=None
            Largest vocabulary size, special slots included; None is unlimited.
        num_oov_indices : int, default=1
            Number of out-of-vocabulary slots.
        output_mode : {"one_hot", "int", "multi_hot"}, default="one_hot"
            How the feature is encoded in the output.

        Returns
        -------
        Feature
        """
        layer = StringLookup(max_tokens=max_tokens, num_oov_indices=num_oov_indices)
        return Feature("string", layer, output_mode)

    @classmethod
    def string_hashed(cls, num_bins, output_mode="one_hot"):
        """String values hashed into ``num_bins`` bins.

        Parameters
        ----------
        num_bins : int
            Number of hash bins.
        output_mode : {"one_hot", "int", "multi_hot"}, default="one_hot"
            How the feature is encoded in the output.

        Returns
        -------
        Feature
        """
        return Feature("string", Hashing(num_bins=num_bins), output_mode)

    @classmethod
    def integer_hashed(cls, num_bins, output_mode="one_hot"):
        """Integer values hashed into ``num_bins`` bins.

        Parameters
        ----------
        num_bins : int
            Number of hash bins.
        output_mode : {"one_hot", "int", "multi_hot"}, default="one_hot"
            How the feature is encoded in the output.

        Returns
        -------
        Feature
        """
        return Feature("int32", Hashing(num_bins=num_bins), output_mode)

    # -- estimator ---------------------------------------------------------------------------
    def __init__(
        self,
        features,
        *,
        output_mode="concat",
        crosses=None,
        crossing_dim=32,
        hashing_dim=32,
        num_discretization_bins=32,
        sparse=False,
    ):
        self.features = features
        self.output_mode = output_mode
        self.crosses = crosses
        self.crossing_dim = crossing_dim
        self.hashing_dim = hashing_dim
        self.num_discretization_bins = num_discretization_bins
        self.sparse = sparse

    def _standardize_feature(self, name, feature):
        if isinstance(feature, Feature):
            return feature
        by_name = {
            "float": self.float,
            "float_normalized": self.float_normalized,
            "float_rescaled": self.float_rescaled,
            "float_discretized": lambda: self.float_discretized(self.num_discretization_bins),
            "integer_categorical": self.integer_categorical,
            "string_categorical": self.string_categorical,
            "integer_hashed": lambda: self.integer_hashed(self.hashing_dim),
            "string_hashed": lambda: self.string_hashed(self.hashing_dim),
        }
        if not isinstance(feature, str) or feature not in by_name:
            raise ValueError(
                f"Invalid feature type for '{name}': {feature!r}. Use one of "
                f"{sorted(by_name)} or a FeatureSpace helper (e.g. "
                "FeatureSpace.string_categorical())."
            )
        return by_name[feature]()

    def _standardize_crosses(self, names):
        crosses = []
        for cross in self.crosses or ():
            if not isinstance(cross, Cross):
                cross = Cross(cross, crossing_dim=self.crossing_dim)
            unknown = [n for n in cross.feature_names if n not in names]
            if unknown or len(cross.feature_names) < 2:
                raise ValueError(
                    "All features referenced in the `crosses` argument should be present in "
                    f"the `features` dict, and a cross needs at least two. Received: "
                    f"{cross.feature_names} (unknown: {unknown})"
                )
            crosses.append(cross)
        return crosses

    def _build(self):
        """The unfitted ColumnTransformer the description stands for."""
        if not self.features:
            raise ValueError("The `features` argument cannot be None or empty.")
        features = {n: self._standardize_feature(n, f) for n, f in self.features.items()}
        crosses = self._standardize_crosses(features)
        blocks, modes = [], {}
        for name in sorted(features):
            feature = features[name]
            if self.output_mode == "concat" and feature.output_mode == "int":
                raise ValueError(
                    f"Cannot concatenate features because feature '{name}' has not been "
                    "encoded (output_mode='int'). Consider using `output_mode='dict'`."
                )
            blocks.append((name, _encoder(name, feature, self.sparse), [name]))
            modes[name] = feature.output_mode
        for cross in sorted(crosses, key=lambda c: c.name):
            if self.output_mode == "concat" and cross.output_mode == "int":
                raise ValueError(
                    f"Cannot concatenate features because cross '{cross.name}' has not been "
                    "encoded (output_mode='int'). Consider using `output_mode='dict'`."
                )
            index = ColumnTransformer(
                [(n, _indexer(n, features[n]), [n]) for n in cross.feature_names],
                sparse_threshold=0,
                verbose_feature_names_out=False,
            )
            crosser = HashedCrossing(
                num_bins=cross.crossing_dim, output_mode=cross.output_mode, sparse=self.sparse
            )
            block = Pipeline([("index", index), ("cross", crosser)])
            blocks.append((cross.name, block, list(cross.feature_names)))
            modes[cross.name] = cross.output_mode
        transformer = ColumnTransformer(
            blocks, sparse_threshold=1.0 if self.sparse else 0.0, verbose_feature_names_out=False
        )
        return sorted(features), transformer, modes

    def _frame(self, X, names):
        """A DataFrame of the described columns from a DataFrame or a dict of arrays."""
        if isinstance(X, pd.DataFrame):
            frame = X
        elif isinstance(X, dict):
            columns = {}
            for key, value in X.items():
                value = np.asarray(value)
                if value.ndim == 2 and value.shape[1] == 1:
                    value = value[:, 0]
                if value.ndim != 1:
                    raise ValueError(
                        f"Column '{key}' must be 1-D (or (n, 1)): one value per sample; got "
                        f"shape {value.shape}."
                    )
                columns[key] = value
            lengths = {len(v) for v in columns.values()}
            if len(lengths) > 1:
                raise ValueError(f"All columns must have the same length; got {sorted(lengths)}.")
            frame = pd.DataFrame(columns)
        else:
            raise TypeError(
                "FeatureSpace expects a pandas DataFrame or a dict of arrays, one entry per "
                f"feature; got {type(X).__name__}."
            )
        missing = [n for n in names if n not in frame.columns]
        if missing:
            raise ValueError(
                f"Missing columns {missing}: the FeatureSpace describes {list(names)}; "
                f"the input has {list(frame.columns)}."
            )
        return frame[list(names)]

    @_fit_context(prefer_skip_nested_validation=False)
    def fit(self, X, y=None):
        """Fit every feature's layer on its column (Keras ``adapt``).

        Parameters
        ----------
        X : pandas.DataFrame or dict of array-like
            One column per described feature (1-D or ``(n, 1)`` each).
        y : None
            Ignored.

        Returns
        -------
        self
        """
        names, transformer, modes = self._build()
        transformer.fit(self._frame(X, names))
        self._output_modes = modes
        self.column_transformer_ = transformer
        self.feature_names_in_ = np.asarray(names, dtype=object)
        self.n_features_in_ = len(names)
        fitted = transformer.named_transformers_
        self.preprocessors_ = {n: fitted[n] for n in names}
        self.crossers_ = {n: fitted[n] for n, _, _ in transformer.transformers if n not in names}
        return self

    def transform(self, X):
        """Encode ``X`` (calling the Keras ``FeatureSpace``).

        Parameters
        ----------
        X : pandas.DataFrame or dict of array-like

        Returns
        -------
        X_out : ndarray of float32, scipy.sparse.csr_matrix or dict
            ``"concat"``: ``(n, total_width)`` (CSR when ``sparse=True``); ``"dict"``: feature
            and cross name -> its encoded block, ``(n, width)``.
        """
        check_is_fitted(self)
        frame = self._frame(X, self.feature_names_in_)
        if self.output_mode == "dict":
            fitted = self.column_transformer_.named_transformers_
            out = {}
            for name, _, columns in self.column_transformer_.transformers:
                block = fitted[name].transform(frame[columns])
                if self._output_modes[name] != "int":  # encoded: float32, as in Keras
                    block = block.astype(np.float32, copy=False)
                out[name] = block
            return out
        out = self.column_transformer_.transform(frame)
        return out.astype(np.float32, copy=False)

    def get_feature_names_out(self, input_features=None):
        """Output names in ``"concat"`` mode (each block's layer names its columns).

        Parameters
        ----------
        input_features : array-like of str or None, default=None
            Checked against the columns seen in ``fit`` (the output names come from the
            description).

        Returns
        -------
        ndarray of str
        """
        check_is_fitted(self)
        input_feature_names(self, input_features)
        return self.column_transformer_.get_feature_names_out()

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = False
        tags.input_tags.dict = True
        tags.input_tags.string = True
        return tags
