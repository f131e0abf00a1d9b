"""Image layers vs albumentations (OpenCV), on float32 and uint8 batches of 64 x 224 x 224 x 3.

A user of albumentations applies a transform image by image; that is what the competitor does
(one call per image, the results written into a preallocated batch). skprep runs its layer's
training call (``fit_transform``, Keras ``training=True``) or, for deterministic layers,
``transform``, on the whole batch. albumentations works on float32 images in ``[0, 1]`` and
uint8 images in ``[0, 255]``; its float32 batch is the same data divided by 255 (the cost of
every operation here does not depend on the values). OpenCV keeps its default thread count.
torchvision.transforms.v2 joins as a third competitor when it is importable (it is not
installed for this benchmark).

Competitors run interleaved (one timed call of each in turn, best of ``REPEAT`` rounds), so a
burst of load on a shared machine hits them alike. The summary report prints one row per
layer with both ratios (skprep time / albumentations time). albumentations and OpenCV are
benchmark-only dependencies (the ``bench`` extra); without them this family prints nothing.

Layers without an albumentations counterpart that does the same work per image (MixUp and
CutMix mix pairs of images across the batch; Flatten, Rescaling-like layers are trivial) are
not listed.
"""

from __future__ import annotations

import math

import numpy as np

from benchmarks._harness import Benchmark
from skprep.image import (
    AutoContrast,
    CenterCrop,
    Equalization,
    RandomBrightness,
    RandomColorDegeneration,
    RandomColorJitter,
    RandomContrast,
    RandomCrop,
    RandomErasing,
    RandomFlip,
    RandomGaussianBlur,
    RandomGrayscale,
    RandomHeight,
    RandomHue,
    RandomInvert,
    RandomPosterization,
    RandomRotation,
    RandomSaturation,
    RandomSharpness,
    RandomShear,
    RandomTranslation,
    RandomWidth,
    RandomZoom,
    Resizing,
    Solarization,
)

REPEAT = 3
N, SIZE = 64, 224

try:  # benchmark-only dependencies
    import albumentations as A
    import cv2
except ImportError:  # pragma: no cover - depends on the environment
    A = cv2 = None

try:
    import torch  # noqa: F401
    from torchvision.transforms import v2 as T
except ImportError:
    T = None


def _cases():
    """``(row label, skprep estimator, albumentations transforms, torchvision transform)``."""
    reflect = cv2.BORDER_REFLECT  # Keras "reflect" is d c b a | a b c d (OpenCV BORDER_REFLECT)
    shear_deg = math.degrees(math.atan(0.2))

    def tv(make):
        return make() if T is not None else None

    return [
        (
            "RandomRotation(0.1) / Rotate(limit=36, reflect)",
            RandomRotation(0.1),
            [A.Rotate(limit=36, border_mode=reflect, p=1.0)],
            tv(lambda: T.RandomRotation(36)),
        ),
        (
            "RandomZoom(0.2) / Affine(scale=(0.8, 1.2), reflect)",
            RandomZoom(0.2),
            [A.Affine(scale=(0.8, 1.2), border_mode=reflect, p=1.0)],
            tv(lambda: T.RandomAffine(0, scale=(0.8, 1.2))),
        ),
        (
            "RandomTranslation(0.1, 0.1) / Affine(translate_percent=0.1, reflect)",
            RandomTranslation(0.1, 0.1),
            [A.Affine(translate_percent=(-0.1, 0.1), border_mode=reflect, p=1.0)],
            tv(lambda: T.RandomAffine(0, translate=(0.1, 0.1))),
        ),
        (
            "RandomShear(0.2, 0.2) / Affine(shear=11.3 deg, reflect)",
            RandomShear(0.2, 0.2),
            [A.Affine(shear=(-shear_deg, shear_deg), border_mode=reflect, p=1.0)],
            tv(lambda: T.RandomAffine(0, shear=(-shear_deg, shear_deg, -shear_deg, shear_deg))),
        ),
        (
            "RandomFlip() / HorizontalFlip + VerticalFlip",
            RandomFlip(),
            [A.HorizontalFlip(p=0.5), A.VerticalFlip(p=0.5)],
            tv(lambda: T.Compose([T.RandomHorizontalFlip(), T.RandomVerticalFlip()])),
        ),
        (
            "RandomCrop(200, 200) / RandomCrop(200, 200)",
            RandomCrop(200, 200),
            [A.RandomCrop(200, 200, p=1.0)],
            tv(lambda: T.RandomCrop(200)),
        ),
        (
            "CenterCrop(200, 200) / CenterCrop(200, 200)",
            CenterCrop(200, 200),
            [A.CenterCrop(200, 200, p=1.0)],
            tv(lambda: T.CenterCrop(200)),
        ),
        (
            "Resizing(112, 112) / Resize(112, 112)",
            Resizing(112, 112),
            [A.Resize(112, 112, p=1.0)],
            tv(lambda: T.Resize((112, 112), antialias=False)),
        ),
        (
            "RandomHeight((0.1, 0.1)) / Resize(246, 224)",
            RandomHeight((0.1, 0.1)),
            [A.Resize(246, 224, p=1.0)],
            tv(lambda: T.Resize((246, 224), antialias=False)),
        ),
        (
            "RandomWidth((-0.25, -0.25)) / Resize(224, 168)",
            RandomWidth((-0.25, -0.25)),
            [A.Resize(224, 168, p=1.0)],
            tv(lambda: T.Resize((224, 168), antialias=False)),
        ),
        (
            "RandomContrast(0.3) / RandomBrightnessContrast(0, 0.3)",
            RandomContrast(0.3),
            [A.RandomBrightnessContrast(brightness_limit=0, contrast_limit=0.3, p=1.0)],
            tv(lambda: T.ColorJitter(contrast=0.3)),
        ),
        (
            "RandomBrightness(0.5) / RandomBrightnessContrast(0.5, 0)",
            RandomBrightness(0.5),
            [A.RandomBrightnessContrast(brightness_limit=0.5, contrast_limit=0, p=1.0)],
            tv(lambda: T.ColorJitter(brightness=0.5)),
        ),
        (
            "RandomGaussianBlur(sigma=1) / GaussianBlur(3, sigma 1)",
            RandomGaussianBlur(factor=1.0, kernel_size=3, sigma=1.0),
            [A.GaussianBlur(blur_limit=(3, 3), sigma_limit=(1.0, 1.0), p=1.0)],
            tv(lambda: T.GaussianBlur(3, sigma=1.0)),
        ),
        (
            "RandomSharpness((0, 1)) / Sharpen(alpha=(0, 1))",
            RandomSharpness((0.0, 1.0)),
            [A.Sharpen(alpha=(0.0, 1.0), lightness=(1.0, 1.0), p=1.0)],
            tv(lambda: T.RandomAdjustSharpness(2.0, p=1.0)),
        ),
        (
            "RandomSaturation((0.2, 0.5)) / HueSaturationValue(sat 30)",
            RandomSaturation((0.2, 0.5)),
            [A.HueSaturationValue(hue_shift_limit=0, sat_shift_limit=30, val_shift_limit=0, p=1.0)],
            tv(lambda: T.ColorJitter(saturation=0.5)),
        ),
        (
            "RandomHue(0.5) / HueSaturationValue(hue 90)",
            RandomHue(0.5),
            [A.HueSaturationValue(hue_shift_limit=90, sat_shift_limit=0, val_shift_limit=0, p=1.0)],
            tv(lambda: T.ColorJitter(hue=0.5)),
        ),
        (
            "RandomColorDegeneration((0, 1)) / ColorJitter(saturation=(0, 1))",
            RandomColorDegeneration((0.0, 1.0)),
            [A.ColorJitter(brightness=0, contrast=0, saturation=(0.0, 1.0), hue=0, p=1.0)],
            tv(lambda: T.ColorJitter(saturation=(0.0, 1.0))),
        ),
        (
            "RandomColorJitter / ColorJitter",
            RandomColorJitter(
                brightness_factor=0.2,
                contrast_factor=0.3,
                saturation_factor=(0.3, 0.5),
                hue_factor=0.2,
            ),
            [A.ColorJitter(brightness=0.2, contrast=0.3, saturation=(0.5, 1.5), hue=0.2, p=1.0)],
            tv(lambda: T.ColorJitter(brightness=0.2, contrast=0.3, saturation=0.5, hue=0.2)),
        ),
        (
            "RandomGrayscale(0.5) / ToGray(p=0.5)",
            RandomGrayscale(0.5),
            [A.ToGray(p=0.5)],
            tv(lambda: T.RandomGrayscale(0.5)),
        ),
        (
            "RandomInvert(0.5) / InvertImg(p=0.5)",
            RandomInvert(0.5),
            [A.InvertImg(p=0.5)],
            tv(lambda: T.RandomInvert(0.5)),
        ),
        (
            "Solarization(threshold (0.4, 0.8)) / Solarize",
            Solarization(threshold_factor=(0.4, 0.8)),
            [A.Solarize(threshold_range=(0.4, 0.8), p=1.0)],
            None,
        ),
        (
            "RandomPosterization((1, 8)) / Posterize((1, 8))",
            RandomPosterization((1, 8)),
            [A.Posterize(num_bits=(1, 8), p=1.0)],
            None,
        ),
        (
            "AutoContrast() / AutoContrast",
            AutoContrast(),
            [A.AutoContrast(p=1.0)],
            tv(lambda: T.RandomAutocontrast(p=1.0)),
        ),
        (
            "Equalization() / Equalize",
            Equalization(),
            [A.Equalize(p=1.0)],
            tv(lambda: T.RandomEqualize(p=1.0)),
        ),
        (
            "RandomErasing / Erasing",
            RandomErasing(factor=1.0),
            [A.Erasing(p=1.0)],
            tv(lambda: T.RandomErasing(p=1.0)),
        ),
    ]


def _data(dtype):
    rng = np.random.default_rng(0)
    if dtype == "uint8":
        x = rng.integers(0, 256, size=(N, SIZE, SIZE, 3), dtype=np.uint8)
        return {"x": x, "x01": x}
    x = rng.uniform(0, 255, size=(N, SIZE, SIZE, 3)).astype(np.float32)
    return {"x": x, "x01": x / np.float32(255)}  # albumentations' float32 range is [0, 1]


def _skprep(est):
    random = "random_state" in est.get_params()
    if random:
        est.set_params(random_state=np.random.RandomState(0))
    method = est.fit_transform if random else est.transform
    return lambda d: method(d["x"])


def _albumentations(transforms):
    def fn(d):
        X = d["x01"]
        out = None
        for i, image in enumerate(X):
            for t in transforms:
                image = t(image=image)["image"]
            if out is None:
                out = np.empty((len(X), *image.shape), dtype=image.dtype)
            out[i] = image
        return out

    return fn


def _torchvision(transform):
    import torch

    def fn(d):
        # channels-first tensors, image by image (as a DataLoader worker applies them)
        return [
            transform(torch.from_numpy(np.ascontiguousarray(x.transpose(2, 0, 1))))
            for x in d["x01"]
        ]

    return fn


def _works(fn, dtype):
    """None if ``fn`` runs on a one-image batch of ``dtype``, else why not."""
    d = {k: v[:1] for k, v in _data(dtype).items()}
    try:
        fn(d)
    except Exception as exc:  # e.g. an albumentations transform that rejects float32
        return f"n/a ({type(exc).__name__})"
    return None


_ROWS = []  # (label, dtype, bench, {competitor: why it did not run})


def benchmarks():
    if A is None:
        return []
    out = []
    for label, est, transforms, tv_transform in _cases():
        for dtype in ("float32", "uint8"):
            candidates = {
                "skprep": _skprep(est),
                "albumentations": _albumentations(transforms),
                "torchvision v2": _torchvision(tv_transform) if tv_transform else None,
            }
            competitors, failed = {}, {}
            for name, fn in candidates.items():
                why = None if fn is None else _works(fn, dtype)
                if why is None and fn is not None:
                    competitors[name] = fn
                elif why:
                    failed[name] = why
            bench = Benchmark(
                name=f"{label}, {N} x {SIZE} x {SIZE} x 3 {dtype}",
                setup=lambda dtype=dtype: _data(dtype),
                competitors=competitors,
                repeat=REPEAT,
                target="ratio <= 1.0" if dtype == "float32" else "ratio <= 1.5",
                interleave=True,
            )
            _ROWS.append((label, dtype, bench, failed))
            out.append(bench)
    return out


def _summary():
    lines = [
        "## Image layers vs albumentations: skprep time / albumentations time",
        "",
        "| layer / albumentations transform | float32 | uint8 |",
        "|---|---:|---:|",
    ]
    by_label = {}
    for label, dtype, bench, failed in _ROWS:
        r = bench.results
        if "skprep" in r and "albumentations" in r:
            cell = f"{r['skprep'] / r['albumentations']:.2f}"
        else:
            cell = failed.get("albumentations") or failed.get("skprep") or "-"
        by_label.setdefault(label, {})[dtype] = cell
    for label, cells in by_label.items():
        lines.append(f"| {label} | {cells.get('float32', '-')} | {cells.get('uint8', '-')} |")
    return "\n".join(lines) + "\n"


reports = (_summary,)
