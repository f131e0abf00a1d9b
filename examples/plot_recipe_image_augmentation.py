"""
Image data augmentation: random flips, rotations and zooms in a scikit-learn model
==================================================================================

Keras guide recipe: "Image data augmentation". The guide chains ``RandomFlip``,
``RandomRotation`` and ``RandomZoom`` in front of a ResNet on CIFAR-10. Here the same layers
(and ``RandomTranslation``) sit in front of a scikit-learn ``SVC`` on the 8 x 8 digits
that ship with scikit-learn -- no download, a few seconds on a laptop.

Augmentation layers act only while fitting (``fit_transform``, Keras's ``training=True``);
``predict`` and ``score`` see the images unchanged. A scikit-learn estimator is fitted once,
so the training set is repeated a few times to show it several random versions of each
image. Augmentation buys robustness to the variations it simulates: scored on test images
shifted by a pixel or so, the augmented model keeps most of its accuracy.
"""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import SVC

from skprep import Flatten, RandomRotation, RandomTranslation, RandomZoom, Rescaling

digits = load_digits()
images = digits.images[..., np.newaxis].astype(np.float32)  # (n, 8, 8, 1): NHWC
X_train, X_test, y_train, y_test = train_test_split(
    images, digits.target, test_size=0.5, random_state=0, stratify=digits.target
)

# %%
# The augmentation stage. (The guide's ``RandomFlip("horizontal")`` suits photographs, not
# digits -- a mirrored 3 is no 3 -- so it is left out here.)
augment = [
    RandomTranslation(0.15, 0.15, random_state=0),
    RandomRotation(0.03, random_state=0),
    RandomZoom(0.05, random_state=0),
]

# %%
# What the model sees while fitting: six random versions of four training digits.
fig, axes = plt.subplots(4, 7, figsize=(7, 4.4))
for row, image in zip(axes, X_train[:4]):
    row[0].imshow(image[..., 0], cmap="gray_r")
    versions = np.repeat(image[np.newaxis], 6, axis=0)
    for step in augment:
        versions = step.fit_transform(versions)  # training mode: new draws per image
    for ax, version in zip(row[1:], versions):
        ax.imshow(version[..., 0], cmap="gray_r")
for ax in axes.ravel():
    ax.set_axis_off()
axes[0, 0].set_title("original")
axes[0, 3].set_title("augmented (fit_transform)")
fig.tight_layout()

# %%
# Two models, with and without augmentation, each fitted on 4 copies of the training set.
copies = 4
X_rep, y_rep = np.concatenate([X_train] * copies), np.concatenate([y_train] * copies)
plain = make_pipeline(Rescaling(1 / 16), Flatten(), SVC())
augmented = make_pipeline(Rescaling(1 / 16), *augment, Flatten(), SVC())
plain.fit(X_rep, y_rep)
augmented.fit(X_rep, y_rep)

# %%
# Score on the clean test set, and on the test set shifted at random by up to 1.2 pixels (an int ``random_state``, so both models see the same shifted images).
X_shifted = RandomTranslation(0.15, 0.15, random_state=1).fit_transform(X_test)
scores = {
    name: [model.score(X_test, y_test), model.score(X_shifted, y_test)]
    for name, model in [("no augmentation", plain), ("augmentation", augmented)]
}
for name, (clean, shifted) in scores.items():
    print(f"{name:16s} clean {clean:.3f}   shifted {shifted:.3f}")

fig, ax = plt.subplots(figsize=(6, 3))
width = 0.35
for i, (name, values) in enumerate(scores.items()):
    ax.bar(np.arange(2) + (i - 0.5) * width, values, width, label=name)
ax.set_xticks(np.arange(2), ["clean test images", "shifted test images"])
ax.set(ylim=(0.5, 1.0), ylabel="accuracy", title="SVC on 8 x 8 digits")
ax.legend(loc="lower left")
fig.tight_layout()

# %%
# Where the augmented model still errs on the shifted images.
ConfusionMatrixDisplay.from_estimator(augmented, X_shifted, y_test, colorbar=False)
plt.title("augmented model, shifted test images")
plt.show()
