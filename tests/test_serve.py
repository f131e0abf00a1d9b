"""``python -m skprep serve``: started as a subprocess, queried over real HTTP on loopback."""

import json
import operator
import selectors
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import joblib
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer

from skprep import Normalization, StringLookup, TextVectorization
from skprep import serve as serve_module
from skprep.__main__ import main
from tests._serve_models import Exploding, Gathering

ROOT = Path(__file__).resolve().parents[1]

DOCS = [
    "the cat sat on the mat",
    "dogs chase the cat",
    "stocks fell sharply today",
    "the market rallied on earnings",
    "a cat and a dog",
    "bond yields rose again",
] * 5
LABELS = [0, 0, 1, 1, 0, 1] * 5
REQUESTS = ["a cat on a mat", "yields and stocks", "the dog", "unknown words only"]


def _frame(n, seed):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "a": rng.normal(size=n),
            "b": rng.normal(size=n),
            "c": rng.choice(["x", "y", "z"], size=n),
        }
    )


@pytest.fixture(scope="module")
def text_model():
    return make_pipeline(
        TextVectorization(output_mode="tf_idf"), LogisticRegression(max_iter=500)
    ).fit(np.array(DOCS, dtype=object), LABELS)


@pytest.fixture(scope="module")
def table_model():
    X = _frame(80, 0)
    y = ((X["a"] + (X["c"] == "x")) > 0.5).astype(int)
    ct = ColumnTransformer(
        [
            ("num", Normalization(), ["a", "b"]),
            ("cat", StringLookup(output_mode="one_hot"), ["c"]),
        ]
    )
    return make_pipeline(ct, LogisticRegression()).fit(X, y)


class Server:
    """A ``python -m skprep serve`` subprocess on a free loopback port."""

    def __init__(self, path, *args):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "skprep", "serve", str(path), "--port", "0", "--quiet", *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self._readline(timeout=120)
        if "listening on http://" not in line:
            self.proc.kill()
            raise RuntimeError(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.url = line.split("listening on ")[1].split()[0]

    def _readline(self, timeout):
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            if not sel.select(timeout):
                return ""
        return self.proc.stdout.readline()

    def request(self, path, body=None, *, method=None, content_type="application/json"):
        """(status, decoded JSON body) of one request."""
        data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None and content_type:
            req.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                return resp.status, json.loads(resp.read())
        except urllib.error.HTTPError as err:
            assert err.headers["Content-Type"] == "application/json"
            return err.code, json.loads(err.read())

    def invoke(self, payload):
        return self.request("/invocations", payload)

    def stop(self, sig=signal.SIGTERM):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            out, err = self.proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover - reported by the assertion
            self.proc.kill()
            out, err = self.proc.communicate()
            raise AssertionError(f"server did not stop on {sig!r}: {err}") from None
        return self.proc.returncode, out, err


def _start(tmp_path_factory, model, name, *args):
    path = tmp_path_factory.mktemp("models") / name
    joblib.dump(model, path)
    return Server(path, *args)


@pytest.fixture(scope="module")
def text_server(tmp_path_factory, text_model):
    server = _start(tmp_path_factory, text_model, "text.joblib")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def table_server(tmp_path_factory, table_model):
    server = _start(tmp_path_factory, table_model, "table.pkl")
    yield server
    server.stop()


@pytest.fixture
def exploding_server(tmp_path_factory):
    server = _start(
        tmp_path_factory, Exploding().fit([[0]]), "exploding.joblib", "--max-body-bytes", "1KiB"
    )
    yield server
    server.stop()


# -- answers equal in-process predict ---------------------------------------------------------


def test_ping_health_version(text_server):
    assert text_server.request("/ping") == (200, {"status": "ok"})
    assert text_server.request("/health")[0] == 200
    status, versions = text_server.request("/version")
    assert status == 200 and set(versions) == {"skprep", "scikit-learn", "python"}


@pytest.mark.parametrize(
    "payload",
    [
        {"instances": REQUESTS},
        {"inputs": REQUESTS},
        {"dataframe_split": {"columns": ["text"], "data": [[t] for t in REQUESTS]}},
        {"dataframe_records": [{"text": t} for t in REQUESTS]},
        {"inputs": {"text": REQUESTS}},
    ],
    ids=["instances", "inputs", "dataframe_split", "dataframe_records", "inputs_columnar"],
)
def test_text_pipeline_answers_equal_predict(text_server, text_model, payload):
    expected = text_model.predict(np.array(REQUESTS, dtype=object)).tolist()
    assert text_server.invoke(payload) == (200, {"predictions": expected})


def test_single_row(text_server, text_model):
    expected = text_model.predict(np.array(REQUESTS[:1], dtype=object)).tolist()
    assert text_server.invoke({"instances": REQUESTS[:1]}) == (200, {"predictions": expected})


def _table_payloads(X):
    shuffled = X[["c", "b", "a"]].assign(extra=1)
    return {
        "dataframe_split": {
            "dataframe_split": {
                "columns": list(shuffled.columns),
                "data": shuffled.to_numpy().tolist(),
            }
        },
        "dataframe_records": {"dataframe_records": shuffled.to_dict(orient="records")},
        "instances_records": {"instances": X.to_dict(orient="records")},
        "instances_rows": {"instances": X.to_numpy().tolist()},
        "inputs_columnar": {"inputs": X.to_dict(orient="list")},
    }


@pytest.mark.parametrize("form", sorted(_table_payloads(_frame(1, 0))))
def test_column_transformer_pipeline_answers_equal_predict(table_server, table_model, form):
    X = _frame(12, 1)
    expected = table_model.predict(X).tolist()
    assert table_server.invoke(_table_payloads(X)[form]) == (200, {"predictions": expected})


def test_eight_concurrent_clients(text_server, text_model):
    rng = np.random.default_rng(0)
    batches = [list(rng.choice(DOCS + REQUESTS, size=3)) for _ in range(64)]

    def ask(batch):
        return text_server.invoke({"instances": batch})

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(ask, batches))
    for batch, answer in zip(batches, answers):
        expected = text_model.predict(np.array(batch, dtype=object)).tolist()
        assert answer == (200, {"predictions": expected})


def test_requests_are_answered_in_parallel(tmp_path_factory):
    # Gathering.predict returns only when 8 requests are inside it at once (a barrier in the
    # server process): a server answering one request at a time would fail them all.
    server = _start(tmp_path_factory, Gathering().fit([[0]]), "gathering.joblib")
    try:
        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(lambda i: server.invoke({"instances": [[i]]}), range(8)))
        assert answers == [(200, {"predictions": [i + 1.0]}) for i in range(8)]
    finally:
        server.stop()


# -- every error path, and the server keeps serving ---------------------------------------------


@pytest.mark.parametrize(
    "body, status, fragment",
    [
        (b"{not json", 400, "not valid JSON"),
        (b"\xff\xfe", 400, "not valid JSON"),
        ({"rows": [["a"]]}, 400, "unknown key(s) ['rows']"),
        ({"instances": ["a"], "inputs": ["b"]}, 400, "exactly one of"),
        ({}, 400, "exactly one of"),
        ([1, 2], 400, "must be a JSON object"),
        ({"dataframe_split": {"data": [["a"]], "colums": ["text"]}}, 400, "['colums']"),
        ({"dataframe_split": [["a"]]}, 400, '"dataframe_split" must be an object'),
        ({"dataframe_split": {"columns": ["t"], "data": [["a", "b"]]}}, 400, "2 values"),
        ({"dataframe_records": ["a"]}, 400, "list of {column: value}"),
        ({"dataframe_records": [{"t": "a"}, {"u": "b"}]}, 400, "record 0 is missing"),
        ({"instances": "a cat"}, 400, "one item per row"),
        ({"instances": [["a"], ["b", "c"]]}, 400, "same length"),
        ({"instances": [1.5, 2.5]}, 400, "The model rejected the input"),
    ],
)
def test_bad_requests_get_400_and_serving_continues(
    text_server, text_model, body, status, fragment
):
    got, answer = text_server.invoke(body)
    assert got == status
    assert answer["error_code"] in ("BAD_REQUEST", "MALFORMED_REQUEST")
    assert fragment in answer["message"]
    ok = text_server.invoke({"instances": REQUESTS[:1]})
    assert ok == (200, {"predictions": text_model.predict(np.array(REQUESTS[:1])).tolist()})


@pytest.mark.parametrize(
    "payload",
    [
        {"dataframe_split": {"columns": ["a", "c"], "data": [[0.1, "x"]]}},
        {"dataframe_records": [{"a": 0.1, "c": "x"}]},
        {"inputs": {"a": [0.1], "c": ["x"]}},
    ],
)
def test_missing_column_is_named(table_server, payload):
    status, answer = table_server.invoke(payload)
    assert status == 400
    assert "missing the column(s) ['b']" in answer["message"]
    assert "['a', 'b', 'c']" in answer["message"]


def test_other_error_statuses(text_server):
    assert text_server.request("/nowhere")[0] == 404
    assert text_server.request("/invocations")[0] == 405  # GET
    assert text_server.request("/ping", b"{}", method="POST")[0] == 405
    status, answer = text_server.request(
        "/invocations", b"text,1", content_type="text/csv; charset=utf-8"
    )
    assert status == 415 and "application/json" in answer["message"]
    assert text_server.request("/ping") == (200, {"status": "ok"})


def test_body_over_limit_gets_413(exploding_server):
    status, answer = exploding_server.invoke({"instances": [[1.0]] * 400})
    assert status == 413 and "1024" in answer["message"]
    assert exploding_server.invoke({"instances": [[1.0]]}) == (200, {"predictions": [2.0]})


def test_model_exception_gets_500_and_serving_continues(exploding_server):
    status, answer = exploding_server.invoke({"instances": [[-1.0]]})
    assert status == 500 and answer["error_code"] == "INTERNAL_ERROR"
    assert "RuntimeError: negative input reached the model" in answer["message"]
    assert exploding_server.invoke({"instances": [[3.0]]}) == (200, {"predictions": [6.0]})


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_stop_signal_exits_cleanly(exploding_server, sig):
    assert exploding_server.request("/ping")[0] == 200
    code, out, err = exploding_server.stop(sig)
    assert code == 0, err
    assert "skprep serve: stopped" in out
    assert "Traceback" not in err


# -- loading -----------------------------------------------------------------------------------


def _skops_model(tmp_path):
    sio = pytest.importorskip("skops.io")
    X = np.random.default_rng(0).normal(size=(30, 2))
    model = make_pipeline(FunctionTransformer(operator.neg), Normalization(), LogisticRegression())
    model.fit(X, (X[:, 0] > 0).astype(int))
    path = tmp_path / "model.skops"
    sio.dump(model, path)
    return model, path, X


def test_skops_untrusted_types_are_refused(tmp_path, capsys):
    model, path, X = _skops_model(tmp_path)
    with pytest.raises(ValueError, match=r"not trusted: _operator\.neg.*--trust _operator\.neg"):
        serve_module.load_model(path)
    assert main(["serve", str(path)]) == 1
    assert "--trust _operator.neg" in capsys.readouterr().err
    loaded = serve_module.load_model(path, trust=["_operator.neg"])  # skprep types: trusted
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))


def test_skops_served_with_trust(tmp_path):
    model, path, X = _skops_model(tmp_path)
    server = Server(path, "--trust", "_operator.neg")
    try:
        answer = server.invoke({"instances": X[:5].tolist()})
        assert answer == (200, {"predictions": model.predict(X[:5]).tolist()})
    finally:
        assert server.stop()[0] == 0


def test_skops_missing_gives_install_hint(tmp_path, monkeypatch):
    path = tmp_path / "model.skops"
    path.write_bytes(b"")
    monkeypatch.setitem(sys.modules, "skops.io", None)
    monkeypatch.setitem(sys.modules, "skops", None)
    with pytest.raises(ImportError, match="pip install skops"):
        serve_module.load_model(path)


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("model.txt", Exploding().fit([[0]]), "must end in .joblib"),
        ("model.joblib", Exploding(), "unfitted"),
        ("model.joblib", {"not": "a model"}, "neither predict nor transform"),
        ("absent.joblib", None, "not found"),
    ],
)
def test_load_errors_exit_1_with_a_message(tmp_path, capsys, name, content, fragment):
    path = tmp_path / name
    if content is not None:
        joblib.dump(content, path)
    assert main(["serve", str(path)]) == 1
    assert fragment in capsys.readouterr().err


def test_help_says_pickles_must_be_trusted(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--help"])
    assert exit_info.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for fragment in ("only load files you trust", "--max-body-bytes", "--trust", "/invocations"):
        assert fragment in text


# -- the pure core -----------------------------------------------------------------------------


def test_handle_without_sockets(text_model):
    body = json.dumps({"instances": REQUESTS}).encode()
    response = serve_module.handle(text_model, "POST", "/invocations", body, "application/json")
    assert response.status == 200
    assert response.body == {"predictions": text_model.predict(np.array(REQUESTS)).tolist()}
    assert serve_module.handle(text_model, "GET", "/ping?x=1").status == 200


def test_transform_only_models_are_served_with_transform():
    model = Normalization().fit(np.array([[0.0, 1.0], [2.0, 3.0]]))
    payload = {"instances": [[1.0, 2.0]]}
    assert serve_module.predict_payload(model, payload) == {"predictions": [[0.0, 0.0]]}


@pytest.mark.parametrize(
    "out, expected",
    [
        (np.array([1.5, np.nan, np.inf]), [1.5, None, None]),
        (np.array([b"a", b"b"], dtype=object), ["a", "b"]),
        (sp.csr_matrix(np.eye(2, dtype=np.int64)), [[1, 0], [0, 1]]),
        (pd.DataFrame({"p": [1, 2], "q": ["u", "v"]}), [{"p": 1, "q": "u"}, {"p": 2, "q": "v"}]),
        (pd.Series([True, False]), [True, False]),
        (np.float32(2.5), 2.5),
    ],
)
def test_outputs_become_plain_json(out, expected):
    got = serve_module.to_jsonable(out)
    assert got == expected
    json.dumps(got, allow_nan=False)


@pytest.mark.parametrize(
    "text, expected", [("16MiB", 16 * 2**20), ("1 kB", 1000), ("2048", 2048), ("1.5KiB", 1536)]
)
def test_parse_size(text, expected):
    assert serve_module.parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "12 parsecs", "-1", "0", "MiB"])
def test_parse_size_refuses_nonsense(text):
    with pytest.raises(ValueError, match="size"):
        serve_module.parse_size(text)


@pytest.mark.parametrize(
    "payload",
    [
        {"instances": [1.0, 3.0]},
        {"instances": [[1.0], [3.0]]},
        {"dataframe_split": {"columns": ["x"], "data": [[1.0], [3.0]]}},
    ],
)
def test_one_column_model_gets_one_column(payload):
    model = Normalization().fit(np.array([[0.0], [2.0]]))
    assert serve_module.predict_payload(model, payload) == {"predictions": [[0.0], [2.0]]}
