"""IntegerLookup: Keras's integer vocabulary layer."""

from __future__ import annotations

from numbers import Integral

from ..utils._sklearn_compat import StrOptions
from ._index_lookup import COMMON_CONSTRAINTS, _IndexLookup

__all__ = ["IntegerLookup"]


class IntegerLookup(_IndexLookup):
    """Map integers to contiguous indices from a vocabulary (Keras ``IntegerLookup``).

    ``fit`` is Keras ``adapt``: it counts every value and keeps the most frequent ones (count
    descending, ties broken by value descending), leaving out the mask and OOV tokens if they
    occur in the data. Output indices are laid out as
    ``[mask?] [OOV x num_oov_indices] [tokens...]``.

    Parameters
    ----------
    max_tokens : int, default=None
        Maximum vocabulary size, *including* the mask and OOV slots; None for no cap.
    num_oov_indices : int, default=1
        Number of OOV slots. With more than one, an OOV value ``x`` goes to slot
        ``x mod num_oov_indices`` (``oov_method="floormod"``) or
        ``Fingerprint64(str(x)) % num_oov_indices`` (``"farmhash"``, SipHash-2-4 with
        ``salt``). With 0, an OOV value in ``transform`` raises a ``ValueError``.
    mask_token : int, default=None
        Value mapped to index 0 in int mode (dropped in the encoded modes); None for no mask.
    oov_token : int, default=-1
        Value returned for OOV indices by ``invert``/``inverse_transform``.
    vocabulary : array-like of int or str path, default=None
        A fixed vocabulary (then ``fit`` learns nothing and only validates ``X``, and the
        layer also works without ``fit``, like the Keras layer), optionally
        starting with exactly the special tokens, or a text file with one integer per line.
    vocabulary_dtype : {"int64"}, default="int64"
        Only int64 is supported (as in Keras).
    idf_weights : array-like of float, default=None
        With ``output_mode="tf_idf"`` and a ``vocabulary``: one weight per vocabulary entry.
    invert : bool, default=False
        Map indices back to values instead (``output_mode="int"`` only).
    output_mode : {"int", "one_hot", "multi_hot", "count", "tf_idf"}, default="int"
        ``"binary"`` and ``"tf-idf"`` are accepted aliases. See :meth:`transform`.
    sparse : bool, default=True
        Encoded modes: return a SciPy CSR matrix (skprep's default; Keras's is dense).
        Ignored in int mode.
    pad_to_max_tokens : bool, default=False
        Encoded modes: output ``max_tokens`` columns whatever the vocabulary size.
    oov_method : {"floormod", "farmhash"}, default="floormod"
        How OOV values are spread over several OOV slots.
    salt : int or (int, int), default=None
        SipHash-2-4 key for ``oov_method="farmhash"`` (an int ``s`` means ``(s, s)``).

    n_jobs : int or None, default=1
        skprep addition. Threads for ``fit`` on one large in-memory input: row chunks are
        counted in parallel and their exact counts merged (the vocabulary is identical).
        ``None`` means 1, ``-1`` all cores.
    verbose : int, default=0
        skprep addition. Show progress while fitting on an iterable of batches, and while
        transforming an input of several chunks (~262k tokens each).

    Attributes
    ----------
    vocabulary_ : ndarray of int64
        The full vocabulary indexed by output index (mask, OOV placeholders, tokens).
    idf_weights_ : ndarray of float32 or None
        tf_idf mode: one weight per output column (OOV slots hold the mean idf).
    adapt_state_ : VocabularyState
        The exact, mergeable value counts behind the vocabulary.
    n_features_in_ : int
        Number of columns of a 2-D input.
    feature_names_in_ : ndarray of str
        Column names of a DataFrame input.

    See Also
    --------
    StringLookup : the same for strings.

    Notes
    -----
    Differences from Keras: non-integer floats raise a ``ValueError`` (Keras truncates
    ``1.7`` to 1) and missing values (NaN, None, pd.NA) raise a ``ValueError``; a 1-D input
    in the bag modes is ``n`` one-value rows, not one sample; ``max_tokens`` must leave room
    for at least one learned value; input of rank 3 or more is refused (rows are samples);
    a vocabulary file holding the mask or OOV value is refused (Keras reads every line as an
    ordinary value).

    Examples
    --------
    >>> from skprep import IntegerLookup
    >>> layer = IntegerLookup().fit([[12, 1138, 42], [42, 1000, 36]])
    >>> layer.get_vocabulary()
    [-1, 42, 1138, 1000, 36, 12]
    >>> layer.transform([[12, 1138, 42], [42, 1000, 7]])
    array([[5, 2, 1],
           [1, 3, 0]])
    >>> IntegerLookup(vocabulary=[12, 36], num_oov_indices=2).fit([0]).transform([12, 7, 8])
    array([2, 1, 0])
    """

    _kind = "int"

    _parameter_constraints = {
        **COMMON_CONSTRAINTS,
        "mask_token": [Integral, None],
        "oov_token": [Integral],
        "vocabulary_dtype": [str],
        "oov_method": [StrOptions({"floormod", "farmhash"})],
    }

    def __init__(
        self,
        max_tokens=None,
        *,
        num_oov_indices=1,
        mask_token=None,
        oov_token=-1,
        vocabulary=None,
        vocabulary_dtype="int64",
        idf_weights=None,
        invert=False,
        output_mode="int",
        sparse=True,
        pad_to_max_tokens=False,
        oov_method="floormod",
        salt=None,
        n_jobs=1,
        verbose=0,
    ):
        self.max_tokens = max_tokens
        self.num_oov_indices = num_oov_indices
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.vocabulary = vocabulary
        self.vocabulary_dtype = vocabulary_dtype
        self.idf_weights = idf_weights
        self.invert = invert
        self.output_mode = output_mode
        self.sparse = sparse
        self.pad_to_max_tokens = pad_to_max_tokens
        self.oov_method = oov_method
        self.salt = salt
        self.n_jobs = n_jobs
        self.verbose = verbose

    def _check_kind_params(self):
        if self.vocabulary_dtype != "int64":
            raise ValueError(
                "Only `vocabulary_dtype='int64'` is supported at this time. Received: "
                f"vocabulary_dtype={self.vocabulary_dtype}"
            )
        if self.salt is not None and self.oov_method != "farmhash":
            raise ValueError(
                "`salt` can only be used when `oov_method='farmhash'`. Received: "
                f"oov_method={self.oov_method}"
            )

    @property
    def _oov_method(self):
        return self.oov_method

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = True
        return tags
