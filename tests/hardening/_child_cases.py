"""Cases run by :func:`tests.hardening._isolate.run_in_child` in a fresh interpreter (each may
crash the process when the defect it tests is present). Each raises on failure."""

from __future__ import annotations

import threading

import numpy as np


def _payload(k: int, size: int) -> str:
    # A new str object each call (never interned or cached), of one of a few known values.
    return "".join(["x" * size, chr(ord("a") + k)])


def hash_under_mutation(container: str, rounds: int = 40, n: int = 20000, size: int = 300):
    """Hash an object column while another thread keeps replacing its strings.

    Every hash must be the hash of a value the element held at some point (never freed or
    reused memory), and the process must not crash.
    """
    import pandas as pd

    from skprep import Hashing
    from skprep.hashing.functional import fingerprint64

    bins = 2**61  # nearly collision-free: a wrong hash shows as a bin no value maps to
    values = [_payload(k, size) for k in range(4)]
    allowed = set((fingerprint64(values) % np.uint64(bins)).tolist())
    arr = np.array([_payload(i % 4, size) for i in range(n)], dtype=object)
    if container == "series":
        holder = pd.Series(arr, dtype=object)
        setter = holder.iat.__setitem__
    elif container == "frame":
        holder = pd.DataFrame({"s": pd.Series(arr, dtype=object)})
        setter = lambda i, v: holder.iat.__setitem__((i, 0), v)  # noqa: E731
    else:
        holder = arr
        setter = arr.__setitem__
    stop = threading.Event()

    def mutate():
        k = 0
        while not stop.is_set():
            setter(k % n, _payload(k % 4, size))
            k += 1

    layer = Hashing(num_bins=bins)
    thread = threading.Thread(target=mutate)
    thread.start()
    try:
        for _ in range(rounds):
            if container == "frame":
                h = layer.transform(holder)
            elif container == "series":
                h = layer.transform(holder)
            else:
                h = layer.transform(holder.reshape(-1, 1))
            bad = set(np.asarray(h).ravel().tolist()) - allowed
            assert not bad, f"{len(bad)} hashes of no value the column ever held"
    finally:
        stop.set()
        thread.join()


def bad_arrow(kind: str):
    """An Arrow string array whose buffers are invalid; every entry point must refuse it with
    a ValueError before computing on it (never crash, never return garbage)."""
    import pyarrow as pa

    if kind == "ipc":  # a payload pa.ipc accepts: offsets patched to be non-monotonic
        good = pa.array(["alpha", "beta", "gamma", "delta"])
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, pa.schema([("s", pa.string())])) as writer:
            writer.write_batch(pa.record_batch([good], names=["s"]))
        payload = bytearray(sink.getvalue().to_pybytes())
        old = b"".join(int(v).to_bytes(4, "little") for v in (0, 5, 9, 14, 19))
        new = b"".join(int(v).to_bytes(4, "little") for v in (0, 5, 1 << 20, 14, 19))
        at = payload.index(old)
        payload[at : at + len(old)] = new
        arr = pa.ipc.open_stream(bytes(payload)).read_all().column(0)
    else:
        offsets = {
            "non_monotonic": [0, 5, 2, 9],
            "invalid_utf8": [0, 3, 6, 9],
            "negative": [0, -4, 2, 4],
        }[kind]
        off = pa.py_buffer(np.array(offsets, dtype=np.int32).tobytes())
        data = pa.py_buffer(b"abc\xff\xfe\xfdghi" if kind == "invalid_utf8" else b"abcdefghi")
        arr = pa.Array.from_buffers(pa.string(), len(offsets) - 1, [None, off, data])
    from skprep import HashedCrossing, Hashing, IntegerLookup, StringLookup, TextVectorization
    from skprep.hashing.functional import fingerprint64, siphash24

    calls = {
        "StringLookup.fit": lambda: StringLookup().fit(arr),
        "StringLookup.transform": lambda: StringLookup(vocabulary=["a"]).transform(arr),
        "StringLookup(vocabulary=)": lambda: StringLookup(vocabulary=arr).fit(["a"]),
        "TextVectorization.fit": lambda: TextVectorization().fit(arr),
        "TextVectorization.transform": lambda: TextVectorization(vocabulary=["a"]).transform(arr),
        "Hashing.transform": lambda: Hashing(num_bins=3).transform(arr),
        "HashedCrossing.transform": lambda: HashedCrossing(num_bins=3).transform((arr, arr)),
        "fingerprint64": lambda: fingerprint64(arr),
        "siphash24": lambda: siphash24(arr, 1, 2),
        "IntegerLookup.fit": lambda: IntegerLookup().fit(arr),
    }
    # The hash kernels read bytes: for them a string array with invalid UTF-8 but a sound
    # layout is checked as binary data and hashed (well defined), not refused. (The layers
    # validate Arrow input fully at every public method: there, invalid UTF-8 is refused.)
    hashes_bytes = {"fingerprint64", "siphash24"}
    failures = []
    for name, call in calls.items():
        if kind == "invalid_utf8" and name in hashes_bytes:
            call()
            continue
        try:
            result = call()
        except ValueError as exc:
            if "Arrow" not in str(exc) and "arrow" not in str(exc):
                failures.append(f"{name}: ValueError without saying the Arrow input is invalid: {exc}")
            continue
        except Exception as exc:
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        failures.append(f"{name}: accepted invalid Arrow buffers, returned {result!r:.80}")
    assert not failures, "\n".join(failures)


def _limit_memory(gib: float = 6.0):
    """Cap this child's address space, so an unbounded allocation fails here (MemoryError)
    instead of exhausting the machine."""
    import resource

    limit = int(gib * 2**30)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def bounded(case: str):
    """One request whose output is small (must succeed) or legitimately huge (must be refused
    with a ValueError stating the size) -- never a hang, a MemoryError or a huge allocation."""
    _limit_memory()
    import skprep
    from skprep import (
        CategoryEncoding,
        MixUp,
        RandomHeight,
        Resizing,
        STFTSpectrogram,
        StringLookup,
        TextVectorization,
    )

    def refused(call, *words):
        try:
            call()
        except ValueError as exc:
            msg = str(exc)
            assert "would need" in msg and "max_output_bytes" in msg, msg
            for w in words:
                assert w in msg, (w, msg)
            return
        raise AssertionError(f"{case}: a huge output was not refused")

    if case == "ngrams_beyond_rows":
        tv = TextVectorization(ngrams=10**4).fit(["a b c"])
        assert "a b c" in tv.get_vocabulary()
        assert tv.transform(["a b c"]).shape == (1, 6)
    elif case == "ngrams_tuple_huge":
        tv = TextVectorization(ngrams=(1, 10**6), output_mode="multi_hot").fit(["a b", "c"])
        assert tv.transform(["a b"]).shape[0] == 1
    elif case == "long_document_int":
        docs = ["w " * 10] * 999 + ["word " * 800_000]  # one 4 MB document in 1,000
        tv = TextVectorization(max_tokens=50).fit(docs[:5])
        refused(lambda: tv.transform(docs), "TextVectorization")
        small = TextVectorization(max_tokens=50, output_sequence_length=8).fit(docs[:5])
        assert small.transform(docs).shape == (1000, 8)
        ragged = TextVectorization(max_tokens=50, ragged=True).fit(docs[:5])
        assert len(ragged.transform(docs)) == 1000
    elif case == "pad_to_max_tokens_sparse":
        tv = TextVectorization(max_tokens=10**12, output_mode="multi_hot", pad_to_max_tokens=True)
        out = tv.fit(["a b", "c"]).transform(["a b"])
        assert out.shape == (1, 10**12) and out.nnz == 2
        sl = StringLookup(max_tokens=10**12, output_mode="count", pad_to_max_tokens=True)
        out = sl.fit(["a", "b"]).transform(["a"])
        assert out.shape == (1, 10**12)
        dense = TextVectorization(
            max_tokens=10**12, output_mode="multi_hot", pad_to_max_tokens=True, sparse=False
        ).fit(["a b"])
        refused(lambda: dense.transform(["a b"]), "multi_hot")
    elif case == "category_encoding_names":
        enc = CategoryEncoding(num_tokens=10**12).fit([[1]])
        assert enc.transform([[1]]).shape == (1, 10**12)
        refused(lambda: enc.get_feature_names_out(), "get_feature_names_out")
        refused(lambda: CategoryEncoding(num_tokens=10**12, sparse=False).fit_transform([[1]]))
    elif case == "resizing":
        img = np.zeros((1, 4, 4, 3), np.float32)
        refused(lambda: Resizing(10**6, 10**6).fit_transform(img), "resize")
        assert Resizing(8, 8).fit_transform(img).shape == (1, 8, 8, 3)
    elif case == "random_height":
        img = np.zeros((2, 4, 4, 3), np.float32)
        refused(lambda: RandomHeight(factor=(10**9, 10**9)).fit_transform(img), "resize")
    elif case == "stft":
        x = np.zeros((1, 64), np.float32)
        refused(
            lambda: STFTSpectrogram(frame_length=2**40, frame_step=1).fit_transform(x),
            "frame_length",
        )
    elif case == "mixup_ids":
        imgs = np.zeros((2, 4, 4, 3), np.float32)
        ids = np.array([0, 10**12])
        refused(lambda: MixUp(random_state=0).fit_resample(imgs, ids), "labels")
    elif case == "oov_vocabulary":
        sl = StringLookup(num_oov_indices=10**9).fit(["a"])
        assert sl.transform(["b"]).shape == (1,)
        refused(lambda: sl.get_vocabulary(), "vocabulary_")
    elif case == "equalization_bins":
        from skprep import Equalization

        refused(lambda: Equalization(bins=10**10).fit_transform(np.zeros((1, 8, 8, 3))))
    elif case == "output_sequence_length":
        tv = TextVectorization(output_sequence_length=10**12).fit(["a b"])
        refused(lambda: tv.transform(["a"]), "output_sequence_length")
    elif case == "crop_and_width":
        from skprep import CenterCrop, RandomCrop, RandomWidth

        img = np.zeros((1, 4, 4, 3), np.float32)
        refused(lambda: CenterCrop(10**6, 10**6).fit_transform(img))
        refused(lambda: RandomCrop(10**6, 10**6).fit_transform(img))
        refused(lambda: RandomWidth(factor=(10**9, 10**9)).fit_transform(img))
    elif case == "cap_is_overridable":
        enc = CategoryEncoding(num_tokens=100, sparse=False)
        with skprep.config_context(max_output_bytes=100):
            refused(lambda: enc.fit_transform([[1]]))
        assert enc.fit_transform([[1]]).shape == (1, 100)
    else:  # pragma: no cover
        raise ValueError(case)


BOUNDED_CASES = [
    "ngrams_beyond_rows",
    "ngrams_tuple_huge",
    "long_document_int",
    "pad_to_max_tokens_sparse",
    "category_encoding_names",
    "resizing",
    "random_height",
    "stft",
    "mixup_ids",
    "oov_vocabulary",
    "equalization_bins",
    "output_sequence_length",
    "crop_and_width",
    "cap_is_overridable",
]


def print_cap():
    import skprep

    print(skprep.get_config()["max_output_bytes"])
