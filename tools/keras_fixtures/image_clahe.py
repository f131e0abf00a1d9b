"""Keras cases for ContrastLimitedAdaptiveHistogramEqualization: uint8 and float images,
odd sizes, tile grids that do and do not divide the image, value ranges, clip limits
(including no clipping), channels first."""

import numpy as np


def _images(rng, shape, dtype, value_range):
    if dtype == "uint8":
        # a narrow band, so the equalisation has something to stretch
        return rng.randint(60, 190, shape).astype(np.uint8)
    low, high = value_range
    x = rng.beta(2.0, 5.0, shape) * (high - low) + low
    return x.astype(np.float32)


CASES = [
    # (shape, dtype, value_range, clip_limit, tile_grid_size, data_format)
    ((2, 16, 16, 3), "uint8", (0, 255), 4.0, (8, 8), None),
    ((2, 17, 23, 3), "float32", (0, 255), 4.0, (4, 3), None),
    ((1, 31, 29, 1), "float32", (0, 1), 2.0, (3, 5), None),
    ((2, 9, 7, 2), "uint8", (0, 255), 40.0, (8, 8), None),
    ((1, 25, 19, 3), "uint8", (0, 255), 0.0, (2, 2), None),
    ((2, 3, 21, 12), "float32", (0, 255), 1.5, (5, 4), "channels_first"),
    ((1, 40, 33, 3), "float32", (-1, 1), 3.0, (1, 1), None),
    ((3, 13, 11, 1), "uint8", (0, 255), -1.0, (3, 3), None),
]


def generate():
    import keras

    rng = np.random.RandomState(11)
    cases = []
    for i, (shape, dtype, value_range, clip_limit, grid, data_format) in enumerate(CASES):
        x = _images(rng, shape, dtype, value_range)
        kwargs = {
            "value_range": list(value_range),
            "clip_limit": clip_limit,
            "tile_grid_size": list(grid),
            "data_format": data_format,
        }
        layer = keras.layers.ContrastLimitedAdaptiveHistogramEqualization(**kwargs)
        out = np.asarray(layer(x))
        cases.append(
            {
                "name": f"CLAHE_{i}_{dtype}_{'x'.join(map(str, shape))}_grid{grid[0]}x{grid[1]}",
                "layer": "ContrastLimitedAdaptiveHistogramEqualization",
                "kwargs": kwargs,
                "input": x,
                "output": out,
            }
        )
    return cases
