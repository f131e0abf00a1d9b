"""StringLookup: Keras's string vocabulary layer."""

from __future__ import annotations

from ._index_lookup import COMMON_CONSTRAINTS, _IndexLookup, check_encoding

__all__ = ["StringLookup"]


class StringLookup(_IndexLookup):
    """Map strings to integer indices from a vocabulary (Keras ``StringLookup``).

    ``fit`` is Keras ``adapt``: it counts every token and keeps the most frequent ones
    (count descending, ties broken by token descending in UTF-8 byte order), leaving out the
    mask and OOV tokens if they occur in the data. ``transform`` is calling the layer.
    Output indices are laid out as ``[mask?] [OOV x num_oov_indices] [tokens...]``.

    A 1-D input ``(n,)`` or a 2-D input ``(n, k)`` share one vocabulary over all columns
    (as in Keras; put one ``StringLookup`` per column in a ``ColumnTransformer`` for
    per-column vocabularies). Lists, NumPy ``str``/``object``/``bytes`` arrays, pandas
    Series/DataFrames (object, string and categorical dtypes) and pyarrow arrays are read.

    Parameters
    ----------
    max_tokens : int, default=None
        Maximum vocabulary size, *including* the mask and OOV slots; None for no cap.
    num_oov_indices : int, default=1
        Number of OOV slots. With more than one, an OOV token goes to slot
        ``Fingerprint64(token) % num_oov_indices`` (SipHash-2-4 keyed by ``salt`` if set).
        With 0, an OOV token in ``transform`` raises a ``ValueError``.
    mask_token : str, default=None
        Token mapped to index 0 in int mode (dropped in the encoded modes); None for no mask.
    oov_token : str or None, default="[UNK]"
        Placeholder returned for OOV indices by ``invert``/``inverse_transform`` and shown in
        ``get_vocabulary()``. ``None`` (as in Keras) keeps the OOV slots, named ``None``, and
        learns ``"[UNK]"`` like any token; it cannot be used with ``invert=True``.
    vocabulary : array-like of str or str path, default=None
        A fixed vocabulary (then ``fit`` learns nothing and only validates ``X``, and the
        layer also works without ``fit``, like the Keras layer): a list,
        tuple or 1-D array, optionally starting with exactly the special tokens, or the path
        of a text file with one token per line.
    idf_weights : array-like of float, default=None
        With ``output_mode="tf_idf"`` and a ``vocabulary``: one weight per vocabulary entry.
    invert : bool, default=False
        Map indices back to tokens instead (``output_mode="int"`` only).
    output_mode : {"int", "one_hot", "multi_hot", "count", "tf_idf"}, default="int"
        ``"binary"`` and ``"tf-idf"`` are accepted aliases. See :meth:`transform`.
    pad_to_max_tokens : bool, default=False
        Encoded modes: output ``max_tokens`` columns whatever the vocabulary size.
    sparse : bool, default=True
        Encoded modes: return a SciPy CSR matrix (skprep's default; Keras's is dense).
        Ignored in int mode.
    encoding : str, default="utf-8"
        Encoding used to decode byte-string input and vocabulary files.
    salt : int or (int, int), default=None
        Key for SipHash-2-4 OOV hashing (an int ``s`` means ``(s, s)``).

    n_jobs : int or None, default=1
        skprep addition. Threads for ``fit`` on one large in-memory input: row chunks are
        counted in parallel and their exact counts merged (the vocabulary is identical).
        ``None`` means 1, ``-1`` all cores.
    verbose : int, default=0
        skprep addition. Show progress while fitting on an iterable of batches, and while
        transforming an input of several chunks (~262k tokens each).

    Attributes
    ----------
    vocabulary_ : ndarray of object
        The full vocabulary indexed by output index (mask, OOV placeholders, tokens).
    idf_weights_ : ndarray of float32 or None
        tf_idf mode: one weight per output column (OOV slots hold the mean idf).
    adapt_state_ : VocabularyState
        The exact, mergeable token counts behind the vocabulary.
    n_features_in_ : int
        Number of columns of a 2-D input.
    feature_names_in_ : ndarray of str
        Column names of a DataFrame input.

    See Also
    --------
    IntegerLookup : the same for integer categories.
    sklearn.preprocessing.OrdinalEncoder : per-column codes in sorted order.

    Notes
    -----
    Differences from Keras: missing values (None, NaN, pd.NA) raise a ``ValueError``
    (Keras has no missing values); inverted output is ``str``, not bytes; a 1-D input in the
    bag modes (multi_hot/count/tf_idf) is ``n`` one-token rows, not one sample; ``max_tokens``
    must leave room for at least one learned token; a given ``vocabulary`` holding the OOV
    token anywhere but in the leading special slots is refused (Keras keeps it as an
    ordinary token, so two indices would carry the same name); so is a vocabulary *file*
    holding the mask or OOV token (Keras reads every line as an ordinary token, giving the
    specials second indices), and input of rank 3 or more (rows are samples).

    Examples
    --------
    >>> from skprep import StringLookup
    >>> layer = StringLookup().fit([["a", "c", "d"], ["d", "z", "b"]])
    >>> layer.get_vocabulary()
    ['[UNK]', 'd', 'z', 'c', 'b', 'a']
    >>> layer.transform([["a", "c", "d"], ["d", "z", "q"]])
    array([[5, 3, 1],
           [1, 2, 0]])
    >>> layer.inverse_transform([[5, 0, 1]])
    array([['a', '[UNK]', 'd']], dtype=object)
    >>> bags = [["a", "b", "a", "x"], ["b", "b", "b", "b"]]
    >>> StringLookup(vocabulary=["a", "b"], output_mode="count", sparse=False).fit(
    ...     bags).transform(bags)
    array([[1, 2, 1],
           [0, 0, 4]])
    """

    _kind = "string"

    _parameter_constraints = {
        **COMMON_CONSTRAINTS,
        "mask_token": [str, None],
        "oov_token": [str, None],
        "encoding": [str],
    }

    def __init__(
        self,
        max_tokens=None,
        *,
        num_oov_indices=1,
        mask_token=None,
        oov_token="[UNK]",
        vocabulary=None,
        idf_weights=None,
        invert=False,
        output_mode="int",
        pad_to_max_tokens=False,
        sparse=True,
        encoding="utf-8",
        salt=None,
        n_jobs=1,
        verbose=0,
    ):
        self.max_tokens = max_tokens
        self.num_oov_indices = num_oov_indices
        self.mask_token = mask_token
        self.oov_token = oov_token
        self.vocabulary = vocabulary
        self.idf_weights = idf_weights
        self.invert = invert
        self.output_mode = output_mode
        self.pad_to_max_tokens = pad_to_max_tokens
        self.sparse = sparse
        self.encoding = encoding
        self.salt = salt
        self.n_jobs = n_jobs
        self.verbose = verbose

    def _check_kind_params(self):
        check_encoding(self.encoding)

    def _encoding(self):
        return self.encoding

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.two_d_array = True
        return tags
