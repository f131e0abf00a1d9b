"""Serve a fitted model over HTTP: ``python -m skprep serve MODEL``.

The server speaks the MLflow scoring-server protocol, so existing MLflow clients work:

* ``GET /ping`` (or ``GET /health``) answers 200 once the model is loaded;
  ``GET /version`` gives the skprep, scikit-learn and Python versions.
* ``POST /invocations`` with a JSON body holding exactly one of

  - ``{"dataframe_split": {"columns": [...], "data": [[...], ...]}}``
  - ``{"dataframe_records": [{"column": value, ...}, ...]}``
  - ``{"instances": [...]}`` (one item per row: a value, a list, or a ``{column: value}``
    record)
  - ``{"inputs": ...}`` (like ``instances``, or ``{column: [values, ...]}``)

  answers ``{"predictions": [...]}``: the model's ``predict`` when it has one, else its
  ``transform``, one item per row (sparse, pandas and NumPy outputs are converted to plain
  JSON lists).

When the model was fitted on a DataFrame (it has ``feature_names_in_``), the rows are given to
it as a DataFrame with those columns in that order; a request missing one of them gets a 400
naming it (columns the model does not know are dropped). Otherwise the rows are given as a
NumPy array ``(n_rows, n_columns)``; a single column becomes one value per row ``(n_rows,)``
for a model fitted on 1-D input (text layers fitted on a list of strings), and a list of
scalars becomes ``(n_rows, 1)`` for a model fitted on one column.

Errors are JSON too, ``{"error_code": ..., "message": ...}``: 400 for malformed JSON, an
unknown or missing key, a missing column, or input the model rejects (``ValueError``,
``TypeError``); 413 for a body over ``--max-body-bytes``; 415 for a body that is not JSON;
500 for any other exception raised by the model. The server keeps serving after every error.

Model files: ``.joblib`` / ``.pkl`` / ``.pickle`` files are loaded with joblib, which runs
arbitrary code from the file -- load only files you trust. ``.skops`` files are loaded with
``skops.io`` (an optional dependency: ``pip install skops``), which only builds the types you
trust: scikit-learn's, NumPy's and skprep's own are trusted; anything else must be named with
``--trust`` or loading is refused with the list of untrusted types.

The HTTP shell (:func:`make_server`, :func:`serve`) uses only the standard library
(:class:`http.server.ThreadingHTTPServer`: one thread per connection); the request handling
(:func:`handle`) is a pure function from a request to a :class:`Response`, testable without
sockets. The server binds to 127.0.0.1 by default and has no authentication: put it behind a
reverse proxy before exposing it. SIGTERM and Ctrl-C stop it cleanly: it stops accepting
connections, lets requests in flight finish, and exits with status 0.
"""

from ._core import (
    INPUT_KEYS,
    RequestError,
    Response,
    handle,
    load_model,
    model_input,
    predict_payload,
    to_jsonable,
)
from ._http import ModelServer, make_server, parse_size, serve

__all__ = [
    "INPUT_KEYS",
    "ModelServer",
    "RequestError",
    "Response",
    "handle",
    "load_model",
    "make_server",
    "model_input",
    "parse_size",
    "predict_payload",
    "serve",
    "to_jsonable",
]
