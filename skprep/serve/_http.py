"""The HTTP shell of the model server: a ThreadingHTTPServer around :func:`handle`, and the
``serve`` command line."""

from __future__ import annotations

import math
import re
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ._core import (
    DEFAULT_MAX_BODY_BYTES,
    Response,
    _error,
    _method_name,
    _not_allowed,
    handle,
    load_model,
)


def parse_size(text) -> int:
    """Parse a byte count such as ``"16MiB"``, ``"512KB"``, ``"1e6"`` or ``1048576``.

    Parameters
    ----------
    text : str or int
        A number of bytes, optionally followed by a unit (KiB, MiB, GiB, kB, MB, GB).

    Returns
    -------
    int

    Examples
    --------
    >>> parse_size("16MiB"), parse_size("1 kB"), parse_size("2048")
    (16777216, 1000, 2048)
    """
    units = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9}
    units.update({"ki": 2**10, "mi": 2**20, "gi": 2**30})
    match = re.fullmatch(r"\s*([0-9.eE+]+)\s*([kKmMgG]i?)?[bB]?\s*", str(text))
    try:
        value = float(match.group(1)) * units[(match.group(2) or "").lower()]
    except (AttributeError, ValueError, KeyError):
        raise ValueError(
            f"Not a size: {text!r}; write a number of bytes, optionally with a unit "
            "(KiB, MiB, GiB, kB, MB, GB)."
        ) from None
    if value < 1 or not math.isfinite(value):
        raise ValueError(f"A size must be at least one byte; got {text!r}.")
    return int(value)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: clients reuse their connection
    server_version = "skprep-serve"
    # Headers and body leave in separate writes: without TCP_NODELAY, Nagle's algorithm and
    # the client's delayed ACK add ~40 ms to every keep-alive answer.
    disable_nagle_algorithm = True

    def do_GET(self):
        self._answer(handle(self.server.model, "GET", self.path))

    def do_HEAD(self):
        self._answer(handle(self.server.model, "HEAD", self.path), body=False)

    def do_POST(self):
        length = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") or length is None:
            self.close_connection = True
            return self._answer(_error(411, "BAD_REQUEST", "Send a Content-Length header."))
        try:
            n = int(length)
        except ValueError:
            n = -1
        if n < 0:
            self.close_connection = True
            return self._answer(_error(400, "BAD_REQUEST", f"Bad Content-Length {length!r}."))
        if n > self.server.max_body_bytes:
            self.close_connection = True  # the unread body must not be parsed as a request
            return self._answer(
                _error(
                    413,
                    "BAD_REQUEST",
                    f"The request body has {n} bytes; the limit is "
                    f"{self.server.max_body_bytes} (--max-body-bytes).",
                )
            )
        body = self.rfile.read(n)
        with self.server.tracker:
            response = handle(
                self.server.model, "POST", self.path, body, self.headers.get("Content-Type")
            )
        self._answer(response)

    def do_PUT(self):
        self._answer(_not_allowed())

    do_DELETE = do_PATCH = do_PUT

    def _answer(self, response: Response, body: bool = True):
        data = response.encode()
        self.send_response(response.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format, *args):
        if not self.server.quiet:
            super().log_message(format, *args)


class _InFlight:
    """Counts requests being answered, so a stop can wait for them."""

    def __init__(self):
        self._n = 0
        self._cond = threading.Condition()

    def __enter__(self):
        with self._cond:
            self._n += 1

    def __exit__(self, *exc):
        with self._cond:
            self._n -= 1
            self._cond.notify_all()

    def wait_idle(self, timeout: float) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: self._n == 0, timeout)


class ModelServer(ThreadingHTTPServer):
    """A :class:`~http.server.ThreadingHTTPServer` answering with :func:`handle`.

    Parameters
    ----------
    address : (str, int)
        Host and port to bind.
    model : estimator
        The fitted model.
    max_body_bytes : int, default=16 MiB
        Larger request bodies get 413.
    quiet : bool, default=False
        Do not log each request.
    """

    daemon_threads = True  # idle keep-alive connections must not block the exit

    def __init__(self, address, model, *, max_body_bytes=DEFAULT_MAX_BODY_BYTES, quiet=False):
        super().__init__(address, _Handler)
        self.model = model
        self.max_body_bytes = int(max_body_bytes)
        self.quiet = quiet
        self.tracker = _InFlight()


def make_server(
    model, host="127.0.0.1", port=8080, *, max_body_bytes=DEFAULT_MAX_BODY_BYTES, quiet=False
) -> ModelServer:
    """Bind a multi-threaded HTTP server for ``model`` (call ``serve_forever`` to run it).

    Parameters
    ----------
    model : estimator
        A fitted estimator or pipeline with ``predict`` or ``transform``.
    host : str, default="127.0.0.1"
        Address to bind; the default accepts connections from this machine only.
    port : int, default=8080
        TCP port; 0 picks a free one (read it from ``server.server_address``).
    max_body_bytes : int, default=16 MiB
        Larger request bodies are answered with 413 without being read.
    quiet : bool, default=False
        Do not log each request to stderr.

    Returns
    -------
    ModelServer
    """
    return ModelServer((host, port), model, max_body_bytes=max_body_bytes, quiet=quiet)


def serve(
    model,
    host="127.0.0.1",
    port=8080,
    *,
    max_body_bytes=DEFAULT_MAX_BODY_BYTES,
    quiet=False,
    grace_seconds=10.0,
    out=None,
) -> int:
    """Serve ``model`` until SIGTERM or Ctrl-C, then stop cleanly and return 0.

    On a stop signal the server stops accepting connections and waits up to
    ``grace_seconds`` for requests in flight. Signal handlers are installed only when called
    from the main thread.

    Parameters
    ----------
    model : estimator
        A fitted estimator or pipeline with ``predict`` or ``transform``.
    host : str, default="127.0.0.1"
        Address to bind.
    port : int, default=8080
        TCP port; 0 picks a free one.
    max_body_bytes : int, default=16 MiB
        Larger request bodies are answered with 413.
    quiet : bool, default=False
        Do not log each request to stderr.
    grace_seconds : float, default=10.0
        How long a stop waits for requests in flight.
    out : file-like or None, default=None
        Where the start-up and stop lines go (default ``sys.stdout``).

    Returns
    -------
    int
        The exit status, 0.
    """
    out = out or sys.stdout
    server = make_server(model, host, port, max_body_bytes=max_body_bytes, quiet=quiet)
    stopping = threading.Event()

    def stop(signum, frame):
        if not stopping.is_set():
            stopping.set()
            threading.Thread(target=server.shutdown, daemon=True).start()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
    bound_host, bound_port = server.server_address[:2]
    print(
        f"skprep serve: {type(model).__name__}.{_method_name(model)} listening on "
        f"http://{bound_host}:{bound_port} (POST /invocations, GET /ping)",
        file=out,
        flush=True,
    )
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        t0 = time.monotonic()
        idle = server.tracker.wait_idle(grace_seconds)
        print(
            "skprep serve: stopped"
            + ("" if idle else f" (requests still running after {time.monotonic() - t0:.0f} s)"),
            file=out,
            flush=True,
        )
    return 0


def add_arguments(parser) -> None:
    """Add the ``serve`` command's arguments to an :mod:`argparse` parser."""
    parser.add_argument(
        "model",
        metavar="MODEL",
        help="fitted estimator or pipeline: a .joblib/.pkl/.pickle file (loaded with joblib, "
        "which runs code from the file: only load files you trust) or a .skops file (loaded "
        "with skops.io, which builds only trusted types; needs `pip install skops`)",
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1: this machine only; 0.0.0.0 exposes the "
        "model, without authentication, to the network)",
    )
    parser.add_argument(
        "--port", type=int, default=8080, help="TCP port (default 8080; 0 picks a free one)"
    )
    parser.add_argument(
        "--max-body-bytes",
        type=parse_size,
        default=DEFAULT_MAX_BODY_BYTES,
        metavar="SIZE",
        help="larger request bodies get 413 (default 16MiB; units KiB, MiB, GiB, kB, MB, GB)",
    )
    parser.add_argument(
        "--trust",
        action="append",
        default=[],
        metavar="TYPE",
        help=".skops files only: trust this type (a fully qualified name such as "
        "mypackage.module.MyTransformer, as printed when loading is refused); repeat or "
        "separate with commas. The types skops trusts by default (scikit-learn, NumPy, "
        "SciPy) and skprep's own are always trusted",
    )
    parser.add_argument("--quiet", action="store_true", help="do not log each request")


DESCRIPTION = """\
Serve a fitted model over HTTP with the MLflow scoring-server protocol.

  GET  /ping         200 when ready
  POST /invocations  {"dataframe_split": {"columns": [...], "data": [[...]]}}
                     {"dataframe_records": [{"col": value, ...}]}
                     {"instances": [...]}  or  {"inputs": ...}
                     -> {"predictions": [...]} (predict, or transform if no predict)

Errors are JSON {"error_code", "message"}: 400 bad JSON/keys/columns/input, 413 body too
large, 415 not JSON, 500 the model failed. Stop with SIGTERM or Ctrl-C.

example:
  python -m skprep serve model.joblib --port 5000
  curl -s localhost:5000/invocations -H 'Content-Type: application/json' \\
       -d '{"instances": ["some text"]}'
"""


def run(args) -> int:
    """Run the ``serve`` command from parsed arguments; return the exit status."""
    trust = [t.strip() for item in args.trust for t in item.split(",") if t.strip()]
    try:
        model = load_model(args.model, trust=trust)
    except (OSError, ValueError, ImportError) as exc:
        print(f"skprep serve: error: {exc}", file=sys.stderr)
        return 1
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            f"skprep serve: warning: binding to {args.host} lets other machines query the model; "
            "there is no authentication.",
            file=sys.stderr,
        )
    try:
        return serve(
            model, args.host, args.port, max_body_bytes=args.max_body_bytes, quiet=args.quiet
        )
    except OSError as exc:  # port in use, bad address
        print(
            f"skprep serve: error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr
        )
        return 1
