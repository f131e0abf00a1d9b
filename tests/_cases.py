"""The registry of skprep's own example estimators, each with the data it runs on.

Every public estimator has at least one :class:`Case` here, so the common checks
(``tests/test_common.py``: scikit-learn's suite on 2-D estimators, and the checks in
:mod:`skprep.utils.estimator_checks` on all of them), the persistence, feature-name, bad-input
and hardening tests run on it. A case pairs a constructor with a data factory: the checks
receive ``(estimator, X)`` explicitly, so a layer registered twice (``Normalization`` on a
table and on images) runs each time with its own data.

Add a case for a new layer in its family's section below (see CONTRIBUTING.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from skprep import (
    AugMix,
    AutoContrast,
    CategoryEncoding,
    CenterCrop,
    ContrastLimitedAdaptiveHistogramEqualization,
    CutMix,
    Discretization,
    Equalization,
    FeatureSpace,
    Flatten,
    HashedCrossing,
    Hashing,
    IntegerLookup,
    MelSpectrogram,
    MixUp,
    Normalization,
    RandAugment,
    RandomBrightness,
    RandomColorDegeneration,
    RandomColorJitter,
    RandomContrast,
    RandomCrop,
    RandomElasticTransform,
    RandomErasing,
    RandomFlip,
    RandomGaussianBlur,
    RandomGrayscale,
    RandomHeight,
    RandomHue,
    RandomInvert,
    RandomPerspective,
    RandomPosterization,
    RandomRotation,
    RandomSaturation,
    RandomSharpness,
    RandomShear,
    RandomTranslation,
    RandomWidth,
    RandomZoom,
    Rescaling,
    Resizing,
    Solarization,
    STFTSpectrogram,
    StringLookup,
    TextVectorization,
)


@dataclass
class Case:
    """One example estimator with data it accepts.

    Parameters
    ----------
    make : callable
        Returns a fresh, unfitted estimator.
    X : callable
        Returns sample input (a new object on every call).
    sklearn : bool
        Whether scikit-learn's 2-D common checks apply to the estimator.
    expected_failed : dict
        scikit-learn check name -> reason, for checks failed by design.
    """

    make: Callable[[], Any]
    X: Callable[[], Any]
    sklearn: bool = True
    expected_failed: dict = field(default_factory=dict)

    @property
    def id(self):
        """``repr`` of the estimator and a short description of its data, for test ids."""
        X = self.X()
        shape = getattr(X, "shape", (len(X),))
        dtype = getattr(X, "dtype", type(X).__name__)
        return f"{self.make()!r}-{type(X).__name__}{list(shape)}-{dtype}"


# --- data factories ---------------------------------------------------------------------------


def _uniform(shape, seed=0, low=0.0, high=255.0):
    """Float32 batch drawn uniformly from ``[low, high)``."""
    return lambda: np.random.RandomState(seed).uniform(low, high, size=shape).astype(np.float32)


def _uint8(shape, seed=1):
    """Uint8 batch drawn uniformly from ``[0, 255]``."""
    return lambda: np.random.RandomState(seed).randint(0, 256, size=shape).astype(np.uint8)


def _normal(shape, seed=0, scale=1.0, shift=0.0):
    return lambda: np.random.RandomState(seed).normal(size=shape) * scale + shift


def _ints(shape, low, high, seed=0):
    return lambda: np.random.RandomState(seed).randint(low, high, size=shape)


IMAGES = _uniform((3, 7, 8, 3))
UINT8_CHANNELS_FIRST = _uint8((2, 3, 6, 5))
UNIT_IMAGES = _uniform((2, 5, 6, 3), seed=2, high=1.0)


def _ONE_D(why="a 1-D array is one axis of values"):
    return {"check_fit1d": f"1-D input is accepted, as in Keras ({why})."}


# --- numeric ------------------------------------------------------------------------------------

_numeric_table = _normal((30, 4), scale=np.array([1, 10, 100, 0.1]), shift=np.array([0, 5, -3, 1]))
_numeric_images = _uniform((3, 5, 6, 3))

NUMERIC = [
    Case(Normalization, _numeric_table),  # 1-D input is refused: reshape (scikit-learn's rule)
    Case(lambda: Normalization(axis=None), _numeric_table, expected_failed=_ONE_D()),
    Case(lambda: Normalization(invert=True), _numeric_table),
    Case(Normalization, _numeric_images, sklearn=False),
    Case(lambda: Rescaling(scale=1 / 255, offset=-0.5), _numeric_table, expected_failed=_ONE_D()),
    Case(lambda: Rescaling(scale=[1.0, 2.0, 3.0]), _numeric_images, sklearn=False),
    Case(
        lambda: CategoryEncoding(num_tokens=5, output_mode="count"),
        _ints((20, 3), 0, 5),
        sklearn=False,
    ),
    Case(
        lambda: CategoryEncoding(num_tokens=5, output_mode="multi_hot", sparse=False),
        _ints((20, 3), 0, 5),
        sklearn=False,
    ),
]

# --- discretization -----------------------------------------------------------------------------
# The tables hold fewer values than the sketch's capacity, so a fit over any split of the rows
# equals the one-batch fit exactly (``check_partial_fit_equals_fit``); larger streamed data stays
# within ``epsilon`` of it.

_discretization_table = _normal((20, 3), scale=np.array([1.0, 10.0, 100.0]))
_DISCRETIZATION_EXPECTED = {
    **_ONE_D("the values of one feature"),
    "check_estimators_nan_inf": (
        "+inf and -inf are valid values, as in Keras (+inf -> last bin, -inf -> bin 0); "
        "NaN is rejected."
    ),
}

DISCRETIZATION = [
    Case(
        lambda: Discretization(num_bins=4),
        _discretization_table,
        expected_failed=_DISCRETIZATION_EXPECTED,
    ),
    Case(
        lambda: Discretization(num_bins=5, output_mode="count"),
        _discretization_table,
        expected_failed=_DISCRETIZATION_EXPECTED,
    ),
    Case(
        lambda: Discretization(num_bins=3, output_mode="multi_hot", sparse=False),
        _discretization_table,
        sklearn=False,
    ),
]

# --- lookup ---------------------------------------------------------------------------------------


def _lookup_strings():
    rng = np.random.RandomState(0)
    pool = np.array(["red", "green", "blue", "é", "日本", "a", "b"], dtype=object)
    return pool[rng.randint(0, len(pool), size=(30, 2))]


_lookup_ints = _ints((30, 3), -3, 8)

LOOKUP = [
    Case(StringLookup, _lookup_strings, sklearn=False),
    Case(
        lambda: StringLookup(mask_token="", num_oov_indices=0, max_tokens=9),
        _lookup_strings,
        sklearn=False,
    ),
    Case(lambda: StringLookup(output_mode="multi_hot"), _lookup_strings, sklearn=False),
    Case(lambda: StringLookup(output_mode="tf_idf", sparse=False), _lookup_strings, sklearn=False),
    Case(
        IntegerLookup,
        _lookup_ints,
        expected_failed={
            "check_dtype_object": "the TypeError for an object array names the types found "
            "(e.g. ['dict', 'int']) instead of numpy's 'argument must be a string or a number'.",
        },
    ),
    Case(lambda: IntegerLookup(output_mode="count", mask_token=0), _lookup_ints, sklearn=False),
]

# --- text -----------------------------------------------------------------------------------------
# TextVectorization takes 1-D text, which scikit-learn's 2-D numeric checks cannot feed (as for
# ``CountVectorizer``), so only skprep's own checks run on it.

_WORDS = np.array(
    "The brain is wider than sky, For put them side École straße 日本 a-b ease! You beside.".split()
    + ["\t", "  "],
    dtype=object,
)


def _texts():
    rng = np.random.RandomState(0)
    lengths = rng.randint(0, 12, size=24)
    out = np.empty(lengths.size, dtype=object)
    out[:] = [" ".join(_WORDS[rng.randint(0, _WORDS.size, size=k)]) for k in lengths]
    return out


def _text_column():
    return _texts().reshape(-1, 1)


def _text_series():
    return pd.Series(_texts(), name="text")


TEXT = [
    Case(TextVectorization, _texts, sklearn=False),
    Case(lambda: TextVectorization(output_sequence_length=6), _text_column, sklearn=False),
    Case(lambda: TextVectorization(ragged=True, max_tokens=8), _texts, sklearn=False),
    Case(lambda: TextVectorization(output_mode="multi_hot", ngrams=2), _text_series, sklearn=False),
    Case(lambda: TextVectorization(output_mode="count", split="character"), _texts, sklearn=False),
    Case(
        lambda: TextVectorization(output_mode="tf_idf", max_tokens=10, pad_to_max_tokens=True),
        _texts,
        sklearn=False,
    ),
    Case(
        lambda: TextVectorization(output_mode="one_hot", split=None, sparse=False),
        _texts,
        sklearn=False,
    ),
]

# --- hashing --------------------------------------------------------------------------------------


def _hash_strings():
    rng = np.random.RandomState(0)
    return np.array([f"city_{i}" for i in rng.randint(0, 50, size=40)], dtype=object)


def _hash_string_table():
    rng = np.random.RandomState(0)
    return np.array(
        [[f"tok{i}" for i in row] for row in rng.randint(0, 20, size=(30, 3))], dtype=object
    )


def _hash_mixed_table():
    rng = np.random.RandomState(0)
    X = np.empty((30, 3), dtype=object)
    X[:, 0] = [f"user_{i}" for i in rng.randint(0, 10, 30)]
    X[:, 1] = rng.randint(-5, 5, 30).tolist()
    X[:, 2] = [f"item_{i}" for i in rng.randint(0, 7, 30)]
    return X


_hash_int_table = _ints((30, 2), -100, 100)

HASHING = [
    # Hashing accepts numeric tables (numbers hash through their decimal strings), so
    # scikit-learn's common checks apply.
    Case(lambda: Hashing(num_bins=8), _hash_strings, sklearn=False),
    Case(lambda: Hashing(num_bins=7, salt=3), _hash_string_table, expected_failed=_ONE_D()),
    Case(lambda: Hashing(num_bins=5, mask_value=0.0), _hash_int_table, sklearn=False),
    Case(
        lambda: Hashing(num_bins=6, output_mode="multi_hot"),
        _hash_string_table,
        expected_failed=_ONE_D(),
    ),
    Case(
        lambda: Hashing(num_bins=6, output_mode="count", sparse=False),
        _hash_string_table,
        sklearn=False,
    ),
    Case(
        lambda: Hashing(num_bins=6, output_mode="one_hot", sparse=False),
        _hash_strings,
        sklearn=False,
    ),
    # HashedCrossing refuses float columns (as Keras does); scikit-learn's checks feed floats.
    Case(lambda: HashedCrossing(num_bins=11), _hash_mixed_table, sklearn=False),
    Case(
        lambda: HashedCrossing(num_bins=11, output_mode="one_hot"), _hash_int_table, sklearn=False
    ),
]

# --- image ----------------------------------------------------------------------------------------
# Image layers take 4-D batches, which scikit-learn's 2-D common checks cannot feed, so they run
# skprep's own checks only (``sklearn=False``). ``Flatten`` maps a 2-D table to itself and runs
# scikit-learn's checks as well.

_resize_images = _uniform((3, 7, 9, 3))
_resize_uint8 = _uint8((4, 6, 5, 2))
_resize_channels_first = _uniform((2, 3, 6, 8), seed=2, high=1.0)

IMAGE = [
    Case(lambda: Resizing(4, 5), _resize_images, sklearn=False),
    Case(lambda: Resizing(10, 12, interpolation="bicubic"), _resize_uint8, sklearn=False),
    Case(
        lambda: Resizing(3, 3, crop_to_aspect_ratio=True, data_format="channels_first"),
        _resize_channels_first,
        sklearn=False,
    ),
    Case(
        lambda: Resizing(4, 8, pad_to_aspect_ratio=True, fill_value=1.0),
        _resize_images,
        sklearn=False,
    ),
    Case(lambda: CenterCrop(5, 5), _resize_images, sklearn=False),
    Case(lambda: CenterCrop(9, 4), _resize_uint8, sklearn=False),
    Case(
        Flatten,
        _normal((30, 4)),
        expected_failed={
            "check_fit1d": "1-D input is accepted, as in Keras: Flatten maps shape (n,) to (n, 1)."
        },
    ),
    Case(Flatten, _resize_images, sklearn=False),
    Case(lambda: Flatten(data_format="channels_first"), _resize_channels_first, sklearn=False),
    Case(lambda: RandomCrop(5, 6), _resize_images, sklearn=False),
    Case(lambda: RandomCrop(8, 4), _resize_uint8, sklearn=False),
    Case(RandomFlip, _resize_images, sklearn=False),
    Case(
        lambda: RandomFlip("vertical", data_format="channels_first"),
        _resize_channels_first,
        sklearn=False,
    ),
    Case(lambda: RandomHeight(0.3), _resize_images, sklearn=False),
    Case(lambda: RandomWidth((-0.5, 0.2), interpolation="nearest"), _resize_uint8, sklearn=False),
    Case(lambda: RandomContrast(0.5), _resize_images, sklearn=False),
    Case(
        lambda: RandomContrast((0.2, 0.4), value_range=(0, 1)),
        _resize_channels_first,
        sklearn=False,
    ),
    Case(lambda: RandomBrightness(0.2), _resize_images, sklearn=False),
    Case(lambda: RandomBrightness((-0.3, 0.1)), _resize_uint8, sklearn=False),
]

IMAGE_GEOMETRY = [
    Case(lambda: RandomTranslation(0.2, 0.3), IMAGES, sklearn=False),
    Case(
        lambda: RandomTranslation(
            (-0.1, 0.2), 0.1, fill_mode="constant", interpolation="nearest", fill_value=1.0
        ),
        IMAGES,
        sklearn=False,
    ),
    Case(lambda: RandomRotation(0.2), IMAGES, sklearn=False),
    Case(
        lambda: RandomRotation(0.5, fill_mode="wrap", data_format="channels_first"),
        _uint8((2, 1, 6, 5)),
        sklearn=False,
    ),
    Case(lambda: RandomZoom(0.3), IMAGES, sklearn=False),
    Case(lambda: RandomShear(0.3, 0.2), IMAGES, sklearn=False),
    Case(lambda: RandomShear((0.1, 0.5), fill_mode="constant"), IMAGES, sklearn=False),
    Case(lambda: RandomZoom((-0.5, 0.5), (0.1, 0.2), fill_mode="nearest"), IMAGES, sklearn=False),
]

_mixing_images = _uniform((4, 7, 8, 3))
_mixing_uint8 = _uint8((3, 2, 6, 5))

IMAGE_MIXING = [
    Case(MixUp, _mixing_images, sklearn=False),
    Case(
        lambda: MixUp(alpha=1.0, num_classes=3, data_format="channels_first"),
        _mixing_uint8,
        sklearn=False,
    ),
    Case(CutMix, _mixing_images, sklearn=False),
    Case(lambda: CutMix((0.2, 0.8), data_format="channels_first"), _mixing_uint8, sklearn=False),
    Case(RandomErasing, _mixing_images, sklearn=False),
    Case(
        lambda: RandomErasing((0.3, 0.9), scale=0.5, fill_value=0.5, value_range=(0, 1)),
        _uniform((5, 5, 6, 1), seed=2, high=1.0),
        sklearn=False,
    ),
    Case(
        lambda: RandomErasing(fill_value=[1, 2], data_format="channels_first"),
        _mixing_uint8,
        sklearn=False,
    ),
]

IMAGE_COLOR = [
    Case(lambda: RandomColorDegeneration(0.5), IMAGES, sklearn=False),
    Case(
        lambda: RandomColorDegeneration((0.2, 0.9), data_format="channels_first"),
        UINT8_CHANNELS_FIRST,
        sklearn=False,
    ),
    Case(lambda: RandomSaturation(0.8), IMAGES, sklearn=False),
    Case(lambda: RandomSaturation((0.2, 1.0), value_range=(0, 1)), UNIT_IMAGES, sklearn=False),
    Case(lambda: RandomHue(0.5), IMAGES, sklearn=False),
    Case(
        lambda: RandomHue((0.1, 0.3), data_format="channels_first"),
        UINT8_CHANNELS_FIRST,
        sklearn=False,
    ),
    Case(
        lambda: RandomColorJitter(
            brightness_factor=0.2, contrast_factor=0.3, saturation_factor=0.7, hue_factor=0.2
        ),
        IMAGES,
        sklearn=False,
    ),
    Case(
        lambda: RandomColorJitter((0, 1), saturation_factor=(0.3, 0.6), hue_factor=0.1),
        UNIT_IMAGES,
        sklearn=False,
    ),
    Case(lambda: RandomInvert(), IMAGES, sklearn=False),
    Case(lambda: RandomInvert((0.2, 0.8), value_range=(0, 1)), UNIT_IMAGES, sklearn=False),
    Case(lambda: Solarization(0.2, (0.4, 0.9)), IMAGES, sklearn=False),
    Case(
        lambda: Solarization(threshold_factor=0.5, data_format="channels_first"),
        UINT8_CHANNELS_FIRST,
        sklearn=False,
    ),
    Case(lambda: RandomPosterization(4), IMAGES, sklearn=False),
    Case(lambda: RandomPosterization((2, 6), value_range=(0, 1)), UNIT_IMAGES, sklearn=False),
    Case(lambda: RandomGrayscale(), IMAGES, sklearn=False),
    Case(
        lambda: RandomGrayscale(0.8, data_format="channels_first"),
        UINT8_CHANNELS_FIRST,
        sklearn=False,
    ),
    Case(lambda: RandomSharpness(0.9), IMAGES, sklearn=False),
    Case(
        lambda: RandomSharpness((0.2, 1.0), data_format="channels_first"),
        UINT8_CHANNELS_FIRST,
        sklearn=False,
    ),
    Case(lambda: RandomGaussianBlur(), IMAGES, sklearn=False),
    Case(
        lambda: RandomGaussianBlur((0.3, 0.9), 5, (0.5, 2.0), data_format="channels_first"),
        UINT8_CHANNELS_FIRST,
        sklearn=False,
    ),
    Case(lambda: AutoContrast(), IMAGES, sklearn=False),
    Case(lambda: Equalization(), IMAGES, sklearn=False),
    Case(lambda: Equalization((0, 1), bins=64), UNIT_IMAGES, sklearn=False),
    Case(lambda: Equalization(data_format="channels_first"), UINT8_CHANNELS_FIRST, sklearn=False),
    Case(lambda: AutoContrast(data_format="channels_first"), UINT8_CHANNELS_FIRST, sklearn=False),
]

_augment_images = _uniform((3, 9, 8, 3))
_augment_uint8 = _uint8((2, 3, 7, 5))
_augment_unit = _uniform((2, 6, 7, 3), seed=2, high=1.0)

IMAGE_AUGMENT = [
    Case(lambda: ContrastLimitedAdaptiveHistogramEqualization(), _augment_images, sklearn=False),
    Case(
        lambda: ContrastLimitedAdaptiveHistogramEqualization(
            clip_limit=2.0, tile_grid_size=(3, 2), data_format="channels_first"
        ),
        _augment_uint8,
        sklearn=False,
    ),
    Case(
        lambda: ContrastLimitedAdaptiveHistogramEqualization((0, 1), 0.0, (2, 2)),
        _augment_unit,
        sklearn=False,
    ),
    Case(lambda: RandomPerspective(), _augment_images, sklearn=False),
    Case(
        lambda: RandomPerspective((0.2, 0.9), 0.5, "nearest", 7.0, data_format="channels_first"),
        _augment_uint8,
        sklearn=False,
    ),
    Case(lambda: RandAugment(), _augment_images, sklearn=False),
    Case(
        lambda: RandAugment((0, 255), 3, (0.2, 0.6), "nearest", data_format="channels_first"),
        _augment_uint8,
        sklearn=False,
    ),
    Case(lambda: AugMix(value_range=(0, 1)), _augment_unit, sklearn=False),
    Case(
        lambda: AugMix(num_chains=2, chain_depth=2, alpha=0.5, all_ops=False),
        _augment_images,
        sklearn=False,
    ),
    Case(lambda: RandomElasticTransform(), _augment_images, sklearn=False),
    Case(
        lambda: RandomElasticTransform(
            (0.3, 0.9), 0.5, "nearest", "constant", 3.0, data_format="channels_first"
        ),
        _augment_uint8,
        sklearn=False,
    ),
]

# --- audio ----------------------------------------------------------------------------------------
# Their outputs are 3-D (or 4-D) spectrograms, which scikit-learn's 2-D common checks do not
# expect, so they run skprep's own checks (``sklearn=False``).

_clips = _uniform((3, 1200), low=-1.0, high=1.0)


def _int16_clips():
    return np.random.RandomState(1).randint(-32768, 32767, size=(2, 900)).astype(np.int16)


AUDIO = [
    Case(
        lambda: MelSpectrogram(fft_length=256, sequence_stride=128, num_mel_bins=20),
        _clips,
        sklearn=False,
    ),
    Case(
        lambda: MelSpectrogram(
            fft_length=128,
            sequence_length=100,
            window="hamming",
            sampling_rate=8000,
            num_mel_bins=12,
            power_to_db=False,
        ),
        _int16_clips,
        sklearn=False,
    ),
    Case(STFTSpectrogram, _clips, sklearn=False),
    Case(
        lambda: STFTSpectrogram("stft", frame_length=64, padding="same"),
        _normal((2, 700, 2), seed=2),
        sklearn=False,
    ),
    Case(
        lambda: STFTSpectrogram(
            "psd", frame_length=50, frame_step=20, expand_dims=True, data_format="channels_first"
        ),
        lambda: np.random.RandomState(3).normal(size=(2, 3, 500)).astype(np.float32),
        sklearn=False,
    ),
    Case(
        lambda: STFTSpectrogram("angle", frame_length=100, window=None),
        _int16_clips,
        sklearn=False,
    ),
]

# --- structured -----------------------------------------------------------------------------------
# FeatureSpace takes a table of named, typed columns: scikit-learn's 2-D numeric checks do not
# apply.


def _feature_table():
    rng = np.random.RandomState(0)
    return pd.DataFrame(
        {
            "x": rng.normal(size=40),
            "color": rng.choice(["red", "green", "blue"], size=40).astype(object),
            "rooms": rng.randint(0, 5, size=40),
        }
    )


STRUCTURED = [
    Case(
        lambda: FeatureSpace(
            features={
                "x": "float_discretized",
                "color": "string_categorical",
                "rooms": "integer_categorical",
            },
            crosses=[("color", "rooms")],
            num_discretization_bins=4,
            crossing_dim=8,
        ),
        _feature_table,
        sklearn=False,
    ),
    Case(
        lambda: FeatureSpace(
            features={"x": "float_normalized", "color": "string_hashed"},
            hashing_dim=4,
            sparse=True,
        ),
        _feature_table,
        sklearn=False,
    ),
]

CASES = (
    NUMERIC
    + DISCRETIZATION
    + LOOKUP
    + TEXT
    + HASHING
    + IMAGE
    + IMAGE_GEOMETRY
    + IMAGE_MIXING
    + IMAGE_COLOR
    + IMAGE_AUGMENT
    + AUDIO
    + STRUCTURED
)


def cases() -> list[Case]:
    """Every registered case, family by family."""
    return list(CASES)
