"""Keras cases for TextVectorization (family ``text``).

Every case adapts a Keras ``TextVectorization`` on ``adapt`` and calls it on ``input``; the
fixture keeps the kwargs, both inputs, Keras's output (dense; ragged outputs as lists) and the
vocabulary / idf weights. Callables cannot be stored: a case names one (``callables``) and
the test maps the name to the NumPy equivalent of the TensorFlow function used here.
"""

import itertools

import numpy as np

ADAPT = [
    "The Brain is wider than the Sky",
    "For put them side by side",
    "The one the other will contain",
    "With ease and You beside",
]
PROBE = ["The Brain is deeper than the sea", "for if they are held Blue to Blue", ""]

GREEK = [
    "ξεῖν᾽, ἦ τοι μὲν ὄνειροι ἀμήχανοι ἀκριτόμυθοι",
    "γίγνοντ᾽, οὐδέ τι πάντα τελείεται ἀνθρώποισι.",
    "δοιαὶ γάρ τε πύλαι ἀμενηνῶν εἰσὶν ὀνείρων:",
    "αἱ μὲν γὰρ κεράεσσι τετεύχαται, αἱ δ᾽ ἐλέφαντι:",
    "τῶν οἳ μέν κ᾽ ἔλθωσι διὰ πριστοῦ ἐλέφαντος,",
    "οἵ ῥ᾽ ἐλεφαίρονται, ἔπε᾽ ἀκράαντα φέροντες:",
    "οἱ δὲ διὰ ξεστῶν κεράων ἔλθωσι θύραζε,",
    "οἵ ῥ᾽ ἔτυμα κραίνουσι, βροτῶν ὅτε κέν τις ἴδηται.",
]

# Unicode, odd whitespace and punctuation-heavy text.
MIXED = [
    "ÉCOLE Straße ÀB école straße",
    "  leading\tand\ttrailing  \n",
    "a\u00a0b c\u2003d e\u3000f \x1cg\x85h \x0bi\x0cj\rk",
    "Don't stop: a_b, 1.5 -- 3/4 (x+y)! ¿Qué? «quote» “smart” — dash",
    "!!! ... ??? ,,, ---",
    "👍🏽 emoji 👍 and 日本語 text",
    "",
    "   ",
    "repeat repeat repeat Repeat REPEAT",
    "tie1 tie2 tie3 b a c",
]

TIES = ["b a c d e f g h", "h g", "z y x w", "aa a b"]


def _np(x):
    return np.asarray(x)


def _dense(out):
    import tensorflow as tf

    if isinstance(out, tf.RaggedTensor):
        return None, [np.asarray(r) for r in out.to_list()]
    if isinstance(out, tf.SparseTensor):
        out = tf.sparse.to_dense(out)
    return np.asarray(out), None


def _case(name, kwargs, adapt, x, **options):
    try:
        return _run_case(name, kwargs, adapt, x, **options)
    except Exception as exc:  # Keras cannot run this configuration: no fixture
        print(f"  skipped {name}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
        return None


def _run_case(name, kwargs, adapt, x, *, callables=None, adapt_2d=False, x_2d=False):
    import keras
    import tensorflow as tf

    kw = dict(kwargs)
    if callables:
        kw.update(_tf_callables(callables))
    layer = keras.layers.TextVectorization(**kw)
    adapt_data = _np(adapt).reshape(-1, 1) if adapt_2d else _np(adapt)
    if kwargs.get("vocabulary") is None:
        layer.adapt(adapt_data)
    x_data = _np(x).reshape(-1, 1) if x_2d else _np(x)
    dense, ragged = _dense(layer(tf.constant(x_data)))
    case = {
        "name": name,
        "layer": "TextVectorization",
        "kwargs": {k: list(v) if isinstance(v, tuple) else v for k, v in kwargs.items()},
        "ngrams_tuple": isinstance(kwargs.get("ngrams"), tuple),
        "callables": callables or {},
        "adapt": adapt_data,
        "input": x_data,
        "vocabulary": [str(t) for t in layer.get_vocabulary()],
        "vocabulary_size": int(layer.vocabulary_size()),
    }
    if dense is not None:
        case["output"] = dense
    else:
        case["ragged"] = ragged
    mode = layer._output_mode
    if mode == "tf_idf":
        case["idf"] = np.asarray(layer._lookup_layer.idf_weights_const)
    return case


def _tf_callables(names):
    import tensorflow as tf

    table = {
        "upper": lambda x: tf.strings.upper(x),
        "comma": lambda x: tf.strings.split(x, sep=","),
        "strip_then_upper": lambda x: tf.strings.upper(tf.strings.strip(x)),
    }
    return {arg: table[name] for arg, name in names.items()}


def _seed_recipes():
    return [
        _case("seed_int", {"output_mode": "int"}, ADAPT, PROBE[:1]),
        _case(
            "seed_multi_hot_bigrams", {"output_mode": "multi_hot", "ngrams": 2}, ADAPT, PROBE[:1]
        ),
        _case("seed_tf_idf_bigrams", {"output_mode": "tf-idf", "ngrams": 2}, ADAPT, PROBE[:1]),
        _case("seed_greek", {}, GREEK, GREEK),
        _case("seed_int_probe", {}, ADAPT, PROBE),
    ]


def _combinations():
    cases = []
    standardizes = [None, "lower_and_strip_punctuation", "lower", "strip_punctuation"]
    splits = [None, "whitespace", "character"]
    ngram_options = [None, 2, (1, 3), (2,)]
    modes = ["int", "multi_hot", "count", "tf_idf"]
    for std, spl, ng, mode in itertools.product(standardizes, splits, ngram_options, modes):
        if spl == "character" and ng == (1, 3) and mode != "count":
            continue  # big vocabularies; one mode is enough
        kwargs = {"standardize": std, "split": spl, "ngrams": ng, "output_mode": mode}
        if mode == "int" and ng is not None and spl is None:
            continue
        # split=None: Keras is per-row only on (n, 1) input (1-D batches are one sequence)
        two_d = spl is None
        name = f"combo_{std}_{spl}_{ng}_{mode}".replace(" ", "").replace(",", "-")
        cases.append(_case(name, kwargs, MIXED, MIXED[::-1], adapt_2d=two_d, x_2d=two_d))
    return cases


def _options():
    cases = [
        _case("max_tokens_ties_int", {"max_tokens": 5}, TIES, TIES),
        _case("max_tokens_ties_count", {"max_tokens": 4, "output_mode": "count"}, TIES, TIES),
        _case("max_tokens_ties_tf_idf", {"max_tokens": 6, "output_mode": "tf_idf"}, TIES, TIES),
        _case(
            "spec_example",
            {"output_sequence_length": 4},
            ["x y y z z z"],
            ["z y x q w e r", "y", ""],
        ),
        _case("spec_tf_idf", {"output_mode": "tf_idf"}, ["a b b", "b c", "c c c"], ["b b q"]),
        _case("osl_0", {"output_sequence_length": 0}, MIXED, MIXED),
        _case("osl_3", {"output_sequence_length": 3}, MIXED, MIXED),
        _case("osl_20", {"output_sequence_length": 20}, MIXED, MIXED),
        _case(
            "osl_split_none",  # (n, 1) input: Keras slices the batch axis of a 1-D one
            {"output_sequence_length": 3, "split": None},
            MIXED,
            MIXED,
            adapt_2d=True,
            x_2d=True,
        ),
        _case("ragged", {"ragged": True}, MIXED, MIXED),
        _case("ragged_osl_3", {"ragged": True, "output_sequence_length": 3}, MIXED, MIXED),
        _case(
            "pad_multi_hot",
            {"output_mode": "multi_hot", "max_tokens": 40, "pad_to_max_tokens": True},
            MIXED,
            MIXED,
        ),
        _case(
            "pad_count_small",
            {"output_mode": "count", "max_tokens": 5, "pad_to_max_tokens": True},
            MIXED,
            MIXED,
        ),
        _case(
            "pad_tf_idf",
            {"output_mode": "tf_idf", "max_tokens": 40, "pad_to_max_tokens": True},
            MIXED,
            MIXED,
        ),
        _case("pad_int", {"max_tokens": 10, "pad_to_max_tokens": True}, MIXED, MIXED),
        _case(
            "one_hot_split_none",
            {"output_mode": "one_hot", "split": None},
            MIXED,
            MIXED,
            adapt_2d=True,
            x_2d=True,
        ),
        _case("vocab_given_int", {"vocabulary": ["the", "brain", "sky"]}, ADAPT, PROBE),
        _case("vocab_given_specials", {"vocabulary": ["", "[UNK]", "the", "sea"]}, ADAPT, PROBE),
        _case(
            "vocab_given_count",
            {"vocabulary": ["the", "blue", "sea"], "output_mode": "count"},
            ADAPT,
            PROBE,
        ),
        _case(
            "vocab_given_multi_hot_specials",
            {"vocabulary": ["[UNK]", "blue", "sea"], "output_mode": "multi_hot"},
            ADAPT,
            PROBE,
        ),
        _case(
            "vocab_given_tf_idf",
            {
                "vocabulary": ["the", "blue", "sea"],
                "idf_weights": [0.5, 2.0, 1.25],
                "output_mode": "tf_idf",
            },
            ADAPT,
            PROBE,
        ),
        _case(
            "vocab_given_tf_idf_specials",
            {
                "vocabulary": ["[UNK]", "the", "blue"],
                "idf_weights": [9.0, 0.5, 2.0],
                "output_mode": "tf_idf",
            },
            ADAPT,
            PROBE,
        ),
        _case(
            "vocab_given_tf_idf_pad",
            {
                "vocabulary": ["the", "blue"],
                "idf_weights": [0.5, 2.0],
                "output_mode": "tf_idf",
                "max_tokens": 6,
                "pad_to_max_tokens": True,
            },
            ADAPT,
            PROBE,
        ),
        _case(
            "callable_split_comma",
            {"split": None},
            ["a,b,,c", "b,b", ",x"],
            ["a,,b", "q,b"],
            callables={"split": "comma"},
        ),
        _case(
            "callable_standardize_upper",
            {},
            ["Ab cd", "cd EF ab"],
            ["ab AB ef"],
            callables={"standardize": "upper"},
        ),
        _case(
            "callable_both",
            {"output_mode": "count"},
            [" a,b ", "b,c"],
            ["c,a ", " b"],
            callables={"standardize": "strip_then_upper", "split": "comma"},
        ),
        _case(
            "ngrams_tuple_order",
            {"ngrams": (3, 1), "output_mode": "int"},
            ["a b c d", "b c"],
            ["a b c d", "b c", "x"],
        ),
        _case("ngrams_3_count", {"ngrams": 3, "output_mode": "count"}, MIXED, MIXED),
        _case("bytes_input", {}, [s.encode() for s in MIXED], [s.encode() for s in MIXED]),
    ]
    return cases


def generate():
    return [c for c in _seed_recipes() + _combinations() + _options() if c is not None]
