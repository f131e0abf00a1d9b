"""The non-text recipes of the Keras guide "Working with preprocessing layers", in skprep.

(The text recipes -- the guide's printed TextVectorization outputs -- are reproduced
exactly in tests/text.) CIFAR-10 is downloaded in the guide; here small generated images of
the same shape stand in for it, since tests use no network.
"""

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from skprep import (
    CategoryEncoding,
    Flatten,
    Hashing,
    IntegerLookup,
    Normalization,
    RandomFlip,
    RandomRotation,
    RandomZoom,
    Rescaling,
    StringLookup,
    TextVectorization,
)


def test_adapt_normalization_mean_std():
    data = np.array([[0.1, 0.2, 0.3], [0.8, 0.9, 1.0], [1.5, 1.6, 1.7]])
    out = Normalization().fit(data).transform(data)
    assert f"{out.mean():.2f}" in ("-0.00", "0.00") and f"{out.std():.2f}" == "1.00"


def test_adapt_text_vectorization_on_a_list_of_strings():
    data = [
        "ξεῖν᾽, ἦ τοι μὲν ὄνειροι ἀμήχανοι ἀκριτόμυθοι",
        "γίγνοντ᾽, οὐδέ τι πάντα τελείεται ἀνθρώποισι.",
        "δοιαὶ γάρ τε πύλαι ἀμενηνῶν εἰσὶν ὀνείρων:",
        "αἱ μὲν γὰρ κεράεσσι τετεύχαται, αἱ δ᾽ ἐλέφαντι:",
        "τῶν οἳ μέν κ᾽ ἔλθωσι διὰ πριστοῦ ἐλέφαντος,",
        "οἵ ῥ᾽ ἐλεφαίρονται, ἔπε᾽ ἀκράαντα φέροντες:",
        "οἱ δὲ διὰ ξεστῶν κεράων ἔλθωσι θύραζε,",
        "οἵ ῥ᾽ ἔτυμα κραίνουσι, βροτῶν ὅτε κέν τις ἴδηται.",
    ]
    out = TextVectorization().fit(data).transform(data)
    expected = [
        [37, 12, 25, 5, 9, 20, 21, 0, 0],
        [51, 34, 27, 33, 29, 18, 0, 0, 0],
        [49, 52, 30, 31, 19, 46, 10, 0, 0],
        [7, 5, 50, 43, 28, 7, 47, 17, 0],
        [24, 35, 39, 40, 3, 6, 32, 16, 0],
        [4, 2, 15, 14, 22, 23, 0, 0, 0],
        [36, 48, 6, 38, 42, 3, 45, 0, 0],
        [4, 2, 13, 41, 53, 8, 44, 26, 11],
    ]
    np.testing.assert_array_equal(out, expected)
    assert out.dtype == np.int64


def test_string_lookup_with_precomputed_vocabulary():
    data = np.array([["a", "c", "d"], ["d", "z", "b"]])
    out = StringLookup(vocabulary=["a", "b", "c", "d"]).fit(data).transform(data)
    np.testing.assert_array_equal(out, [[1, 3, 4], [4, 0, 2]])


def test_string_lookup_one_hot():
    data = np.array([["a"], ["b"], ["c"], ["b"], ["c"], ["a"]])
    lookup = StringLookup(output_mode="one_hot", sparse=False).fit(data)
    test = np.array([["a"], ["b"], ["c"], ["d"], ["e"], [""]])
    expected = [[0, 0, 0, 1], [0, 0, 1, 0], [0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]]
    np.testing.assert_array_equal(lookup.transform(test), expected)


def test_integer_lookup_one_hot():
    data = np.array([[10], [20], [20], [10], [30], [0]])
    lookup = IntegerLookup(output_mode="one_hot").fit(data)
    out = lookup.transform(np.array([[10], [10], [20], [50], [60], [0]])).toarray()
    expected = [
        [0, 0, 1, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 1, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [1, 0, 0, 0, 0],
        [0, 0, 0, 0, 1],
    ]
    np.testing.assert_array_equal(out, expected)


def test_hashing_trick_then_category_encoding():
    data = np.random.default_rng(0).integers(0, 100000, size=(10000, 1))
    pipe = make_pipeline(
        Hashing(num_bins=64, salt=1337), CategoryEncoding(num_tokens=64, output_mode="multi_hot")
    )
    encoded = pipe.fit_transform(data)
    assert encoded.shape == (10000, 64)
    np.testing.assert_array_equal(encoded.sum(axis=1), 1)


def test_image_augmentation_stage_and_rescaling_in_a_pipeline():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(40, 32, 32, 3)).astype(np.uint8)  # CIFAR-10-shaped
    y = (x[:, :16].mean(axis=(1, 2, 3)) > x[:, 16:].mean(axis=(1, 2, 3))).astype(int)
    model = make_pipeline(
        RandomFlip("horizontal", random_state=0),
        RandomRotation(0.1, random_state=0),
        RandomZoom(0.1, random_state=0),
        Rescaling(1.0 / 255),
        Flatten(),
        LogisticRegression(max_iter=200),
    )
    model.fit(x, y)  # augmentation applies while training ...
    assert model.predict(x).shape == (40,)  # ... and inference sees the images unchanged
    aug = make_pipeline(RandomFlip("horizontal", random_state=0), RandomZoom(0.1))
    assert aug.fit_transform(x).shape == x.shape


def test_normalizing_flattened_images():
    x = np.random.default_rng(1).integers(0, 256, size=(100, 32 * 32 * 3)).astype(np.uint8)
    normalizer = Normalization().fit(x)
    out = normalizer.transform(x)
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-4)
