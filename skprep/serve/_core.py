"""The pure core of the model server: load a model, turn a request into a response.

Nothing here touches a socket: :func:`handle` maps (method, path, body, content type) to a
:class:`Response`, so every rule of the protocol is testable in-process.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import scipy.sparse as sp

INPUT_KEYS = ("dataframe_split", "dataframe_records", "instances", "inputs")

PICKLE_SUFFIXES = (".joblib", ".pkl", ".pickle")
DEFAULT_MAX_BODY_BYTES = 16 * 2**20
_TRUSTED_PREFIXES = ("skprep.",)


class RequestError(ValueError):
    """A request the server refuses, with the HTTP status to answer.

    Parameters
    ----------
    message : str
        What is wrong and how to fix it.
    status : int, default=400
        HTTP status.
    error_code : str, default="BAD_REQUEST"
        MLflow-style error code.
    """

    def __init__(self, message: str, status: int = 400, error_code: str = "BAD_REQUEST"):
        super().__init__(message)
        self.status = status
        self.error_code = error_code


@dataclass(frozen=True)
class Response:
    """What to answer: an HTTP status and a JSON-serialisable body.

    Parameters
    ----------
    status : int
        HTTP status.
    body : dict
        JSON-serialisable answer.
    """

    status: int
    body: dict = field(default_factory=dict)

    def encode(self) -> bytes:
        """The body as UTF-8 JSON bytes."""
        return json.dumps(self.body, allow_nan=False).encode()


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------


def load_model(path, trust=()):
    """Load a fitted estimator or pipeline from a joblib/pickle or skops file.

    Parameters
    ----------
    path : str or path-like
        A ``.joblib``, ``.pkl`` or ``.pickle`` file (loaded with joblib: it can run arbitrary
        code, so only load files you trust) or a ``.skops`` file (loaded with ``skops.io``).
    trust : iterable of str, default=()
        For ``.skops`` files: the fully qualified names of types to trust besides
        scikit-learn's, NumPy's and skprep's (as listed by
        ``skops.io.get_untrusted_types``). Any other untrusted type makes loading fail.

    Returns
    -------
    model : estimator
        The fitted model; it has ``predict`` or ``transform``.

    Raises
    ------
    ValueError
        Unknown file extension, untrusted types in a skops file, or a model that is not
        fitted or has neither ``predict`` nor ``transform``.
    ImportError
        A ``.skops`` file when skops is not installed.
    FileNotFoundError
        ``path`` does not exist.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"Model file not found: {str(path)!r}")
    suffix = path.suffix.lower()
    if suffix in PICKLE_SUFFIXES:
        import joblib

        model = joblib.load(path)
    elif suffix == ".skops":
        model = _load_skops(path, trust)
    else:
        raise ValueError(
            f"Cannot tell how to load {path.name!r}: the file name must end in "
            f"{', '.join(PICKLE_SUFFIXES)} (joblib/pickle) or .skops (skops.io)."
        )
    _check_servable(model, path)
    return model


def _load_skops(path: Path, trust):
    try:
        import skops.io as sio
    except ImportError as exc:
        raise ImportError(
            "Loading a .skops file needs the optional dependency skops: pip install skops"
        ) from exc
    untrusted = sio.get_untrusted_types(file=path)
    trust = set(trust)
    refused = [t for t in untrusted if t not in trust and not t.startswith(_TRUSTED_PREFIXES)]
    if refused:
        flags = " ".join(f"--trust {t}" for t in refused)
        raise ValueError(
            f"{path.name} holds types that are not trusted: {', '.join(refused)}. Loading them "
            f"could run code from the file. If you trust where the file comes from, name them: "
            f"{flags}"
        )
    return sio.load(path, trusted=list(untrusted))


def _check_servable(model, path: Path) -> None:
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    if not (hasattr(model, "predict") or hasattr(model, "transform")):
        raise ValueError(
            f"{path.name} holds a {type(model).__name__}, which has neither predict nor "
            "transform; save a fitted scikit-learn estimator or pipeline."
        )
    try:
        check_is_fitted(model)
    except NotFittedError as exc:
        raise ValueError(f"{path.name} holds an unfitted model: {exc}") from None
    except TypeError:  # not a scikit-learn estimator; serve it if it quacks
        pass


# --------------------------------------------------------------------------------------------
# The pure core: request -> model input -> predictions -> response
# --------------------------------------------------------------------------------------------


def _method_name(model) -> str:
    return "predict" if hasattr(model, "predict") else "transform"


def _feature_names(model):
    names = getattr(model, "feature_names_in_", None)
    return None if names is None else [str(n) for n in names]


def _frame_for_model(frame, model, where: str):
    """Give a DataFrame to a model fitted on one, ndarray otherwise."""
    names = _feature_names(model)
    if names is None:
        values = frame.to_numpy()
        one_d = getattr(model, "n_features_in_", None) is None  # fitted on 1-D (text)
        return values[:, 0] if one_d and values.ndim == 2 and values.shape[1] == 1 else values
    missing = [n for n in names if n not in frame.columns]
    if missing:
        raise RequestError(
            f"{where} is missing the column(s) {missing}; the model needs the columns {names}."
        )
    return frame[names]


def _records_frame(records, key: str):
    import pandas as pd

    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise RequestError(f'"{key}" must be a list of {{column: value}} objects.')
    columns = list(dict.fromkeys(c for r in records for c in r))
    for i, record in enumerate(records):
        absent = [c for c in columns if c not in record]
        if absent:
            raise RequestError(f'"{key}" record {i} is missing the column(s) {absent}.')
    return pd.DataFrame.from_records(records, columns=columns)


def _split_frame(split):
    import pandas as pd

    if not isinstance(split, dict):
        raise RequestError('"dataframe_split" must be an object with "columns" and "data".')
    unknown = sorted(set(split) - {"columns", "data", "index"})
    if unknown:
        raise RequestError(
            f'"dataframe_split" has unknown key(s) {unknown}; expected "columns", "data" '
            'and optionally "index".'
        )
    data = split.get("data")
    if not isinstance(data, list) or not all(isinstance(row, list) for row in data):
        raise RequestError('"dataframe_split.data" must be a list of rows (lists of values).')
    columns = split.get("columns")
    if columns is not None and not isinstance(columns, list):
        raise RequestError('"dataframe_split.columns" must be a list of column names.')
    width = len(columns) if columns is not None else None
    for i, row in enumerate(data):
        if width is not None and len(row) != width:
            raise RequestError(
                f'"dataframe_split.data" row {i} has {len(row)} values for {width} columns.'
            )
    return pd.DataFrame(data, columns=columns)


def _array(values, key: str):
    """A JSON list as an array: numeric when it is, object (strings, mixed) otherwise."""
    try:
        arr = np.asarray(values)
    except ValueError:
        raise RequestError(f'"{key}" rows must all have the same length.') from None
    if arr.dtype.kind in "US":
        arr = arr.astype(object)
    if arr.dtype == object and arr.ndim and any(isinstance(v, list) for v in arr.flat):
        raise RequestError(f'"{key}" rows must all have the same length.')
    return arr


def _tensor_input(values, model, key: str):
    import pandas as pd

    if isinstance(values, dict):  # columnar: {column: [values, ...]}
        if not all(isinstance(v, list) for v in values.values()):
            raise RequestError(f'"{key}" as an object must map each column to a list of values.')
        if len({len(v) for v in values.values()}) > 1:
            raise RequestError(f'"{key}": every column must have the same number of values.')
        return _frame_for_model(pd.DataFrame(values), model, f'"{key}"')
    if not isinstance(values, list):
        raise RequestError(f'"{key}" must be a list with one item per row.')
    if values and all(isinstance(v, dict) for v in values):
        return _frame_for_model(_records_frame(values, key), model, f'"{key}"')
    arr = _array(values, key)
    names = _feature_names(model)
    if names is not None and arr.ndim == 2 and arr.shape[1] == len(names):
        return pd.DataFrame(arr, columns=names).infer_objects()
    if arr.ndim == 1 and getattr(model, "n_features_in_", None) == 1:
        return arr.reshape(-1, 1)  # one value per row for a one-column model
    return arr


def model_input(payload, model):
    """Turn a decoded ``/invocations`` body into what the model's ``predict`` takes.

    Parameters
    ----------
    payload : object
        The decoded JSON body.
    model : estimator
        The model; when it has ``feature_names_in_`` the rows become a DataFrame with those
        columns.

    Returns
    -------
    ndarray or DataFrame

    Raises
    ------
    RequestError
        Unknown keys, missing columns or malformed rows (400).
    """
    if not isinstance(payload, dict):
        raise RequestError(
            f"The request body must be a JSON object with one of the keys {list(INPUT_KEYS)}."
        )
    given = [k for k in payload if k in INPUT_KEYS]
    unknown = [k for k in payload if k not in INPUT_KEYS]
    if unknown or len(given) != 1:
        what = f"unknown key(s) {unknown}" if unknown else f"{len(given)} input keys"
        raise RequestError(
            f"The request body has {what}; it must hold exactly one of {list(INPUT_KEYS)}."
        )
    key = given[0]
    value = payload[key]
    if key == "dataframe_split":
        return _frame_for_model(_split_frame(value), model, '"dataframe_split"')
    if key == "dataframe_records":
        return _frame_for_model(_records_frame(value, key), model, '"dataframe_records"')
    return _tensor_input(value, model, key)


def to_jsonable(out):
    """Model output as plain JSON values: lists, numbers, strings, None for NaN/inf.

    Parameters
    ----------
    out : ndarray, sparse matrix, DataFrame, Series or scalar
        What ``predict`` or ``transform`` returned. A DataFrame gives one
        ``{column: value}`` record per row.

    Returns
    -------
    list or scalar
    """
    if sp.issparse(out):
        out = out.toarray()
    if hasattr(out, "to_dict") and hasattr(out, "columns"):  # DataFrame: one record per row
        return [
            {str(k): _scalar(v) for k, v in row.items()} for row in out.to_dict(orient="records")
        ]
    if hasattr(out, "to_numpy"):  # Series
        out = out.to_numpy()
    arr = np.asarray(out)
    if arr.dtype.kind == "f" and np.isfinite(arr).all():
        return arr.tolist()
    if arr.dtype.kind in "iub":
        return arr.tolist()
    return _nested(arr.tolist())


def _scalar(v):
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, bytes):
        return v.decode("utf-8", "replace")
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _nested(x):
    if isinstance(x, list):
        return [_nested(v) for v in x]
    return _scalar(x)


def predict_payload(model, payload) -> dict:
    """Answer one decoded ``/invocations`` body: ``{"predictions": [...]}``.

    Parameters
    ----------
    model : estimator
        A fitted estimator or pipeline with ``predict`` or ``transform``.
    payload : dict
        The decoded JSON body (see the module docstring for its forms).

    Returns
    -------
    dict
        ``{"predictions": [...]}``, one item per row.

    Raises
    ------
    RequestError
        A malformed body (400).
    Exception
        Whatever the model raises.
    """
    X = model_input(payload, model)
    return {"predictions": to_jsonable(getattr(model, _method_name(model))(X))}


def _error(status: int, code: str, message: str) -> Response:
    return Response(status, {"error_code": code, "message": message})


def handle(model, method: str, path: str, body: bytes = b"", content_type=None) -> Response:
    """Answer one HTTP request; never raises.

    Parameters
    ----------
    model : estimator
        The fitted model being served.
    method : str
        HTTP method (``"GET"``, ``"POST"`` ...).
    path : str
        Request path; a query string is ignored.
    body : bytes, default=b""
        Request body.
    content_type : str or None, default=None
        The ``Content-Type`` header; JSON (or absent) is required for ``/invocations``.

    Returns
    -------
    Response

    Examples
    --------
    >>> import numpy as np
    >>> from skprep import Normalization
    >>> model = Normalization().fit(np.array([[0.0], [2.0]]))
    >>> handle(model, "POST", "/invocations", b'{"instances": [[1.0], [3.0]]}').body
    {'predictions': [[0.0], [2.0]]}
    >>> handle(model, "POST", "/invocations", b'{"rows": []}').status
    400
    """
    route = path.split("?", 1)[0].rstrip("/") or "/"
    if route in ("/ping", "/health"):
        return Response(200, {"status": "ok"}) if method in ("GET", "HEAD") else _not_allowed()
    if route == "/version":
        return Response(200, _versions()) if method == "GET" else _not_allowed()
    if route != "/invocations":
        return _error(404, "ENDPOINT_NOT_FOUND", f"No endpoint {route!r}; use POST /invocations.")
    if method != "POST":
        return _not_allowed()
    if content_type and "json" not in content_type.split(";", 1)[0].lower():
        return _error(
            415,
            "BAD_REQUEST",
            f"Content-Type {content_type!r} is not supported; send application/json.",
        )
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return _error(400, "MALFORMED_REQUEST", f"The request body is not valid JSON: {exc}")
    try:
        return Response(200, predict_payload(model, payload))
    except RequestError as exc:
        return _error(exc.status, exc.error_code, str(exc))
    except (ValueError, TypeError, KeyError, IndexError) as exc:
        return _error(400, "BAD_REQUEST", f"The model rejected the input: {_describe(exc)}")
    except Exception as exc:  # the model failed: keep serving, report it
        return _error(500, "INTERNAL_ERROR", f"The model raised {_describe(exc)}")


def _not_allowed() -> Response:
    return _error(405, "BAD_REQUEST", "Method not allowed; use GET /ping or POST /invocations.")


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _versions() -> dict:
    import platform

    import sklearn

    import skprep

    return {
        "skprep": skprep.__version__,
        "scikit-learn": sklearn.__version__,
        "python": platform.python_version(),
    }
