"""Serving latency: one-row requests to ``python -m skprep serve`` over loopback.

For a text pipeline (TextVectorization(tf_idf, bigrams) -> LogisticRegression, fitted on the
text demo's standard-library docstrings) and a ColumnTransformer pipeline over a DataFrame
(Normalization + StringLookup(one_hot) -> LogisticRegression), three ways of answering one
row are timed request by request and summarised by their 50th and 99th percentiles:

* ``predict`` -- the fitted pipeline's ``predict`` on one row, in this process;
* ``handle`` -- the server's pure core in this process: decode the JSON body, build the
  model input, predict, encode the JSON answer;
* ``HTTP`` -- a real POST /invocations to the server subprocess over loopback, on one
  keep-alive connection (``http.client``), so TCP set-up is not counted.

The ratio columns are HTTP over in-process predict: what serving adds to a prediction.
"""

from __future__ import annotations

import http.client
import json
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import joblib
import numpy as np

N_REQUESTS = 2000
N_WARMUP = 100
ROOT = Path(__file__).resolve().parents[1]


def _text_case():
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline

    from skprep import TextVectorization
    from skprep._demo.text import stdlib_docstrings

    X, y = stdlib_docstrings()
    X_tr, X_te, y_tr, _ = train_test_split(X, y, test_size=0.25, random_state=0)
    model = make_pipeline(
        TextVectorization(max_tokens=20_000, ngrams=2, output_mode="tf_idf"),
        LogisticRegression(max_iter=1000),
    ).fit(X_tr, y_tr)
    rows = [X_te[i : i + 1] for i in range(50)]
    bodies = [{"instances": r.tolist()} for r in rows]
    return "text: TextVectorization(tf_idf, bigrams) -> LogisticRegression", model, rows, bodies


def _table_case():
    import pandas as pd
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from skprep import Normalization, StringLookup

    rng = np.random.default_rng(0)
    n = 5000
    X = pd.DataFrame({f"x{i}": rng.normal(size=n) for i in range(8)})
    X["city"] = rng.choice([f"city{i}" for i in range(50)], size=n)
    X["tier"] = rng.choice(["gold", "silver", "bronze"], size=n)
    y = (X["x0"] + (X["tier"] == "gold") > 0.5).astype(int)
    ct = ColumnTransformer(
        [
            ("num", Normalization(), [f"x{i}" for i in range(8)]),
            ("city", StringLookup(output_mode="one_hot"), ["city"]),
            ("tier", StringLookup(output_mode="one_hot"), ["tier"]),
        ]
    )
    model = make_pipeline(ct, LogisticRegression(max_iter=1000)).fit(X, y)
    rows = [X.iloc[i : i + 1] for i in range(50)]
    bodies = [{"dataframe_split": r.to_dict(orient="split", index=False)} for r in rows]
    return (
        "table: ColumnTransformer[Normalization, 2 x StringLookup(one_hot)] -> LogisticRegression",
        model,
        (rows),
        bodies,
    )


def _latencies(calls):
    """Per-request times of each ``(call, items)``, interleaved request by request so that a
    change in machine load hits every competitor alike."""
    for i in range(N_WARMUP):
        for call, items in calls:
            call(items[i % len(items)])
    out = np.empty((len(calls), N_REQUESTS))
    for i in range(N_REQUESTS):
        for k, (call, items) in enumerate(calls):
            item = items[i % len(items)]
            t0 = time.perf_counter()
            call(item)
            out[k, i] = time.perf_counter() - t0
    return out


class _Subprocess:
    def __init__(self, path):
        cmd = [sys.executable, "-m", "skprep", "serve", str(path), "--port", "0", "--quiet"]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        with selectors.DefaultSelector() as sel:
            sel.register(self.proc.stdout, selectors.EVENT_READ)
            sel.select(120)
        line = self.proc.stdout.readline()
        host_port = line.split("http://")[1].split()[0]
        host, port = host_port.rsplit(":", 1)
        self.conn = http.client.HTTPConnection(host, int(port), timeout=60)

    def post(self, body: bytes):
        self.conn.request(
            "POST", "/invocations", body, headers={"Content-Type": "application/json"}
        )
        resp = self.conn.getresponse()
        data = resp.read()
        if resp.status != 200:
            raise RuntimeError(data)
        return data

    def close(self):
        self.conn.close()
        self.proc.terminate()
        self.proc.wait(30)


def _ms(q, values):
    return f"{1000 * np.percentile(values, q):.2f}"


def latency_report() -> str:
    from skprep.serve import handle

    lines = [
        "## Serving: single-row latency over loopback",
        "",
        f"{N_REQUESTS} one-row requests after {N_WARMUP} warm-up ones, one at a time; the "
        "three ways are interleaved request by request.",
        "",
        "| pipeline | predict p50 / p99 (ms) | handle p50 / p99 (ms) | HTTP p50 / p99 (ms) "
        "| HTTP / predict (p50) |",
        "|---|---:|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        for title, model, rows, bodies in (_text_case(), _table_case()):
            path = Path(tmp) / "model.joblib"
            joblib.dump(model, path)
            encoded = [json.dumps(b).encode() for b in bodies]
            expected = [model.predict(r).tolist() for r in rows]
            server = _Subprocess(path)
            try:
                got = [json.loads(server.post(b))["predictions"] for b in encoded]
                assert got == expected, "served predictions differ from predict"
                t_predict, t_handle, t_http = _latencies(
                    [
                        (model.predict, rows),
                        (
                            lambda b, m=model: handle(
                                m, "POST", "/invocations", b, "application/json"
                            ),
                            encoded,
                        ),
                        (server.post, encoded),
                    ]
                )
            finally:
                server.close()
            ratio = np.percentile(t_http, 50) / np.percentile(t_predict, 50)
            lines.append(
                f"| {title} | {_ms(50, t_predict)} / {_ms(99, t_predict)} "
                f"| {_ms(50, t_handle)} / {_ms(99, t_handle)} "
                f"| {_ms(50, t_http)} / {_ms(99, t_http)} | {ratio:.2f} |"
            )
    return "\n".join(lines) + "\n"


def benchmarks():
    return []


#: Printed by ``python -m benchmarks serve``.
reports = [latency_report]
