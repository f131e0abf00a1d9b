"""Loading of the Keras-parity fixtures written by ``tools/make_keras_fixtures.py``."""

import gzip
import json
from functools import cache
from pathlib import Path

import numpy as np

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def decode(obj):
    if isinstance(obj, dict):
        if "__ndarray__" in obj:
            data = [decode(x) for x in obj["__ndarray__"]]
            kind = obj["dtype"]
            if kind == "O":
                arr = np.empty(len(data), dtype=object)
                arr[:] = data
            elif kind in ("S", "U"):
                arr = np.array(data, dtype=object)
            else:
                arr = np.array(data, dtype=np.dtype(kind))
            return arr.reshape(obj["shape"])
        if "__bytes__" in obj:
            return bytes.fromhex(obj["__bytes__"])
        return {k: decode(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [decode(x) for x in obj]
    return obj


@cache
def _load(family):
    with gzip.open(FIXTURES / f"{family}.json.gz", "rt") as fh:
        return json.load(fh)["cases"]


def load_cases(family, layer=None):
    """All fixture cases of ``family`` (optionally only those of one ``layer``)."""
    cases = [decode(c) for c in _load(family)]
    if layer is not None:
        cases = [c for c in cases if c["layer"] == layer]
    return cases


def case_ids(cases):
    return [c["name"] for c in cases]
