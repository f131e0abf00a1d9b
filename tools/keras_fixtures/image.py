"""Keras cases for the image layers: resize, Resizing, CenterCrop, and the contrast /
brightness kernels with factors that make Keras's draw fixed.

(RandomCrop has no case: on images smaller than the target Keras 3 slices a target-sized
window from the aspect box's corner and resizes what remains, while skprep follows Keras 2's
``smart_resize`` -- the same as its inference; see RandomCrop's Notes.)

Inputs are a patch of scikit-learn's ``china.jpg`` sample photograph (decoded with TF, so no
Pillow is needed) and seeded random data. Sizes are kept small so the fixture file stays small.
"""

from pathlib import Path

import numpy as np

METHODS = ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5")


def _photo():
    import sklearn
    import tensorflow as tf

    path = Path(sklearn.__file__).parent / "datasets" / "images" / "china.jpg"
    image = tf.io.decode_jpeg(tf.io.read_file(str(path))).numpy()
    # A 24 x 32 patch with edges and texture (roof tiles and sky), downsampled by 4.
    return image[100:196:4, 200:328:4].copy()  # uint8 (24, 32, 3)


def _random(shape, seed=0):
    return np.random.RandomState(seed).uniform(0, 255, size=shape).astype(np.float32)


def _case(name, layer, kwargs, x, out, **extra):
    return {
        "name": name,
        "layer": layer,
        "kwargs": kwargs,
        "input": x,
        "output": np.asarray(out),
        **extra,
    }


def _resizing():
    import keras

    photo = _photo()
    rand = _random((2, 7, 9, 2))
    cases = []
    # Every method, up and down, with and without antialias, on the photo (float) and
    # random data; odd sizes and non-integer scales throughout.
    for method in METHODS:
        for antialias in (False, True):
            for label, x, size in (
                ("photo_down", photo[None].astype(np.float32), (15, 20)),
                ("photo_up", photo[None].astype(np.float32), (37, 45)),
                ("random_down", rand, (4, 5)),
                ("random_up", rand, (11, 13)),
                ("random_mixed", rand, (12, 4)),
            ):
                kwargs = {"height": size[0], "width": size[1], "interpolation": method}
                if antialias:
                    kwargs["antialias"] = True
                out = keras.layers.Resizing(**kwargs)(x)
                cases.append(
                    _case(
                        f"resizing_{method}_{label}{'_aa' if antialias else ''}",
                        "Resizing",
                        kwargs,
                        x,
                        out,
                    )
                )
    # uint8 input keeps its dtype (round + saturate).
    for method in METHODS:
        for size in ((15, 20), (37, 45)):
            kwargs = {"height": size[0], "width": size[1], "interpolation": method}
            out = keras.layers.Resizing(**kwargs)(photo)
            cases.append(
                _case(
                    f"resizing_uint8_{method}_{size[0]}x{size[1]}", "Resizing", kwargs, photo, out
                )
            )
    # Aspect-ratio crop / pad, fill_value, channels_first, single image.
    ramp = np.arange(2 * 4 * 6 * 1, dtype=np.float32).reshape(2, 4, 6, 1)
    for size in ((2, 2), (4, 12), (6, 6), (3, 7), (5, 2), (1, 9)):
        for flag in ("crop_to_aspect_ratio", "pad_to_aspect_ratio"):
            kwargs = {"height": size[0], "width": size[1], flag: True}
            if flag == "pad_to_aspect_ratio":
                kwargs["fill_value"] = -1.0
            for label, x in (("ramp", ramp), ("photo", photo[None].astype(np.float32))):
                out = keras.layers.Resizing(**kwargs)(x)
                cases.append(
                    _case(
                        f"resizing_{flag}_{label}_{size[0]}x{size[1]}", "Resizing", kwargs, x, out
                    )
                )
    kwargs = {"height": 5, "width": 4, "data_format": "channels_first"}
    x = np.transpose(rand, (0, 3, 1, 2)).copy()
    cases.append(
        _case("resizing_channels_first", "Resizing", kwargs, x, keras.layers.Resizing(**kwargs)(x))
    )
    kwargs = {"height": 5, "width": 4, "interpolation": "bicubic"}
    x = rand[0]
    cases.append(
        _case("resizing_single_image", "Resizing", kwargs, x, keras.layers.Resizing(**kwargs)(x))
    )
    # Worked examples on a 4 x 6 ramp (exact values checked by hand).
    for method, size in (("bilinear", (2, 3)), ("nearest", (2, 2)), ("bilinear", (8, 12))):
        kwargs = {"height": size[0], "width": size[1], "interpolation": method}
        cases.append(
            _case(
                f"resizing_ramp_{method}_{size[0]}x{size[1]}",
                "Resizing",
                kwargs,
                ramp[:1],
                keras.layers.Resizing(**kwargs)(ramp[:1]),
            )
        )
    return cases


def _center_crop():
    import keras

    photo = _photo()[None].astype(np.float32)
    ramp = np.arange(2 * 4 * 6 * 1, dtype=np.float32).reshape(2, 4, 6, 1)
    cases = []
    for label, x in (("ramp", ramp), ("photo", photo)):
        h, w = x.shape[1:3]
        for size in (
            (3, 3),
            (h, w),
            (h - 1, w - 2),
            (1, 1),
            (h + 4, 3),
            (2, w + 1),
            (h + 3, w + 5),
        ):
            kwargs = {"height": size[0], "width": size[1]}
            out = keras.layers.CenterCrop(**kwargs)(x)
            cases.append(
                _case(f"center_crop_{label}_{size[0]}x{size[1]}", "CenterCrop", kwargs, x, out)
            )
    x = _photo()  # uint8 single image -> float32
    kwargs = {"height": 10, "width": 11}
    cases.append(
        _case(
            "center_crop_uint8_single",
            "CenterCrop",
            kwargs,
            x,
            keras.layers.CenterCrop(**kwargs)(x),
        )
    )
    kwargs = {"height": 30, "width": 11}
    cases.append(
        _case(
            "center_crop_uint8_single_small",
            "CenterCrop",
            kwargs,
            x,
            keras.layers.CenterCrop(**kwargs)(x),
        )
    )
    return cases


def _colour():
    import keras

    x = _random((3, 5, 6, 3), seed=4)
    unit = x / 255.0
    cases = []
    # Keras draws the contrast factor from U(1 - lower, 1 + upper): (-c, c) sorted gives the
    # fixed factor 1 + c -- used here to check the kernel (mean per image and channel, clip).
    for c, value_range, data in ((0.5, (0, 255), x), (0.3, (0, 255), x), (0.8, (0, 1), unit)):
        kwargs = {"factor": (-c, c), "value_range": value_range}
        out = keras.layers.RandomContrast(**kwargs, seed=1)(data, training=True)
        cases.append(
            _case(
                f"contrast_kernel_{c}_{value_range[1]}",
                "RandomContrast",
                kwargs,
                data,
                out,
                contrast_factor=1 + c,
            )
        )
    # Brightness with a fixed factor (f, f) -> delta = f * (high - low).
    for f, value_range, data in (
        (0.3, (0, 255), x),
        (-0.2, (0, 255), x),
        (0.25, (0, 1), unit),
        (-0.4, (1, 0), unit),
    ):
        kwargs = {"factor": (f, f), "value_range": value_range}
        out = keras.layers.RandomBrightness(**kwargs, seed=1)(data, training=True)
        cases.append(
            _case(f"brightness_{f}_{max(value_range)}", "RandomBrightness", kwargs, data, out)
        )
    return cases


def generate():
    return _resizing() + _center_crop() + _colour()
