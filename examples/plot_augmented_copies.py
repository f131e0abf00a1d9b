"""
Augmented copies for classical models: digits with AugmentationSampler
======================================================================

Put a random augmentation straight into a scikit-learn ``Pipeline`` and its
``fit_transform`` *replaces* the training images by one random copy of them: a classical
model sees no more data than before, only distorted data, and usually gets worse.
``AugmentationSampler`` (an imbalanced-learn sampler) instead *adds* ``n_copies``
augmented copies to the originals, with their labels, while fitting only -- predictions
see the images as they are.

We train a support-vector classifier on a small part (20 %) of scikit-learn's 8 x 8
digits and compare three ways to use rotation, translation and zoom.
"""

import numpy as np
from imblearn.pipeline import make_pipeline as make_sampling_pipeline
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.svm import SVC

from skprep import AugmentationSampler, Flatten, RandomRotation, RandomTranslation, RandomZoom

# %%
# The digits are (n, 8, 8) arrays: the image layers want (n, height, width, channels).
digits = load_digits()
X = digits.images[..., np.newaxis].astype(np.float32)
y = digits.target


def augmentation():
    """Small rotations (up to 14 degrees), shifts (up to 0.8 pixel) and zooms (10 %)."""
    return [
        RandomRotation(0.04, fill_mode="constant"),
        RandomTranslation(0.1, 0.1, fill_mode="constant"),
        RandomZoom(0.1, fill_mode="constant"),
    ]


def classifier():
    return SVC(gamma=0.001)


# %%
# Three models, each over three random train/test splits (20 % train):
#
# * *plain*: no augmentation;
# * *one copy per fit*: the augmentations inside the scikit-learn pipeline;
# * *originals + k copies*: ``AugmentationSampler`` in an imbalanced-learn pipeline.
results = {"plain": [], "one copy per fit": []}
copies = (1, 3, 5)
for k in copies:
    results[f"originals + {k} cop{'y' if k == 1 else 'ies'}"] = []
for split in range(3):
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, train_size=0.2, stratify=y, random_state=split
    )
    models = {
        "plain": make_pipeline(Flatten(), classifier()),
        "one copy per fit": make_pipeline(*augmentation(), Flatten(), classifier()),
    }
    for k in copies:
        sampler = AugmentationSampler(augmentation(), n_copies=k, random_state=split)
        models[f"originals + {k} cop{'y' if k == 1 else 'ies'}"] = make_sampling_pipeline(
            sampler, Flatten(), classifier()
        )
    for name, model in models.items():
        results[name].append(model.fit(X_train, y_train).score(X_test, y_test))

for name, scores in results.items():
    print(f"{name:>22}: accuracy {np.mean(scores):.3f} (splits: {np.round(scores, 3).tolist()})")

# %%
# The sampler keeps the originals first, then the copies, and repeats the labels:
sampler = AugmentationSampler(augmentation(), n_copies=2, random_state=0)
X_resampled, y_resampled = sampler.fit_resample(X[:6], y[:6])
print(X_resampled.shape, y_resampled.tolist())

# %%
# Plot the accuracies, and a few augmented copies (if matplotlib is installed).
try:
    import matplotlib.pyplot as plt
except ImportError:  # pragma: no cover
    plt = None
if plt is not None:
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.5))
    names = list(results)
    ax1.barh(names, [np.mean(results[n]) for n in names], color="tab:blue")
    ax1.set_xlim(0.8, 1.0)
    ax1.set(xlabel="test accuracy (mean of 3 splits)", title="SVC on 20 % of the digits")
    grid = X_resampled.reshape(3, 6, 8, 8).transpose(0, 2, 1, 3).reshape(24, 48)
    ax2.imshow(grid, cmap="gray_r")
    ax2.set(title="originals (top) and two augmented copies", xticks=[], yticks=[])
    fig.tight_layout()
    plt.show()
