"""
Image augmentation: a grid of random versions of a photograph, layer by layer
==============================================================================

Each row applies one skprep augmentation layer to the same photograph (scikit-learn's
``china.jpg`` sample image) several times. ``fit_transform`` is Keras's
``training=True``: it draws new parameters on every call when ``random_state`` is a NumPy
``Generator`` (which advances), while an int would give the same picture every time.
``transform`` is inference: the identity for most layers, the centred crop for
``RandomCrop``.
"""

import numpy as np

from skprep import (
    AutoContrast,
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


def load_photo():
    """scikit-learn's sample photograph (needs Pillow), or a synthetic stand-in."""
    try:
        from sklearn.datasets import load_sample_image

        return load_sample_image("china.jpg")  # (427, 640, 3) uint8
    except ImportError:  # no Pillow: a smooth colour pattern with a few edges
        y, x = np.mgrid[0:427, 0:640] / 100.0
        image = np.stack([np.sin(x) + y, np.cos(y) * x / 3, (x + y) % 2], axis=-1)
        image = (image - image.min()) / np.ptp(image) * 255
        return image.astype(np.uint8)


# %%
# Downscale the photograph with ``Resizing`` (uint8 in, uint8 out, antialiased). Layers take
# a batch ``(n, h, w, c)``: the photograph becomes a batch of one.
batch = Resizing(120, 180, antialias=True).transform(load_photo()[np.newaxis])
photo = batch[0]
print("photo", photo.shape, photo.dtype)

# %%
# Five training-mode draws per layer. A shared Generator advances between calls.
layers = {
    "RandomFlip()": RandomFlip(),
    "RandomCrop(90, 90)": RandomCrop(90, 90),
    "RandomContrast(0.6)": RandomContrast(0.6),
    "RandomBrightness(0.3)": RandomBrightness(0.3),
    "RandomHeight(0.4)": RandomHeight(0.4),
    "RandomWidth(0.4)": RandomWidth(0.4),
    "RandomTranslation(0.2, 0.2)": RandomTranslation(0.2, 0.2),
    "RandomRotation(0.1)": RandomRotation(0.1),
    "RandomZoom(0.3)": RandomZoom(0.3),
    "RandomShear(0.3, 0.1)": RandomShear(0.3, 0.1),
    "RandomSaturation(0.8)": RandomSaturation(0.8),
    "RandomHue(0.3)": RandomHue(0.3),
    "RandomColorDegeneration(0.9)": RandomColorDegeneration(0.9),
    "RandomColorJitter(...)": RandomColorJitter(
        brightness_factor=0.2, contrast_factor=0.3, saturation_factor=(0.3, 0.7), hue_factor=0.1
    ),
    "RandomErasing(scale=(0.05, 0.2))": RandomErasing(scale=(0.05, 0.2)),
    "RandomGrayscale(0.5)": RandomGrayscale(0.5),
    "RandomInvert(0.5)": RandomInvert(0.5),
    "Solarization(0.3, (0.5, 1))": Solarization(0.3, (0.5, 1.0)),
    "RandomPosterization((1, 4))": RandomPosterization((1, 4)),
    "RandomSharpness((0, 1))": RandomSharpness((0.0, 1.0)),
    "RandomGaussianBlur(sigma=(1, 3))": RandomGaussianBlur(kernel_size=7, sigma=(1.0, 3.0)),
    "AutoContrast()": AutoContrast(),
    "Equalization()": Equalization(),
}
n_draws = 5
grid = {}
for name, layer in layers.items():
    if "random_state" in layer.get_params():  # AutoContrast, Equalization: deterministic
        layer.set_params(random_state=np.random.default_rng(0))
    grid[name] = [layer.fit_transform(batch)[0] for _ in range(n_draws)]
    inference = layer.fit(batch).transform(batch)[0]
    sizes = sorted({draw.shape[:2] for draw in grid[name]})
    print(f"{name:34s} training sizes {sizes}, inference size {inference.shape[:2]}")

# %%
# Plot the grid (if matplotlib is installed): the original, then five draws per layer.
try:
    import matplotlib.pyplot as plt
except ImportError:  # pragma: no cover
    plt = None
if plt is not None:
    fig, axes = plt.subplots(len(grid), n_draws + 1, figsize=(1.9 * (n_draws + 1), 1.5 * len(grid)))
    for row, (name, draws) in zip(axes, grid.items()):
        for ax, image in zip(row, [photo, *draws]):
            ax.imshow(np.clip(np.asarray(image, dtype=np.float32) / 255, 0, 1))
            ax.set_xticks([])
            ax.set_yticks([])
        row[0].set_ylabel(name, rotation=0, ha="right", va="center", fontsize=8)
    axes[0, 0].set_title("original", fontsize=8)
    fig.tight_layout()
    plt.show()
