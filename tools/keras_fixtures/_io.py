"""Encoding of fixture cases as gzipped JSON (no pickle, so fixtures are safe to load).

NumPy arrays become ``{"__ndarray__": [...], "dtype": "...", "shape": [...]}``; bytes become
``{"__bytes__": "<hex>"}``. Float values survive exactly (JSON keeps repr-round-tripping
doubles). The decoder lives in ``tests/_fixtures.py``; keep the two in step.
"""

import gzip
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def encode(obj):
    if isinstance(obj, np.ndarray):
        if obj.dtype.kind == "S":
            data = [encode(x) for x in obj.ravel().tolist()]
        elif obj.dtype.kind in "OU":
            data = [encode(x) for x in obj.ravel().tolist()]
        else:
            data = obj.ravel().tolist()
        return {
            "__ndarray__": data,
            "dtype": obj.dtype.str if obj.dtype.kind not in "OSU" else obj.dtype.kind,
            "shape": list(obj.shape),
        }
    if isinstance(obj, bytes):
        return {"__bytes__": obj.hex()}
    if isinstance(obj, np.generic):
        return encode(obj.item())
    if isinstance(obj, dict):
        return {str(k): encode(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [encode(x) for x in obj]
    return obj


def save(family, cases):
    FIXTURES.mkdir(parents=True, exist_ok=True)
    path = FIXTURES / f"{family}.json.gz"
    payload = json.dumps({"family": family, "cases": encode(cases)}, sort_keys=True)
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write(payload.encode())
    return path
