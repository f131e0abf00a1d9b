"""
MixUp and CutMix with scikit-learn classifiers
==============================================

``MixUp`` blends two images and their labels; ``CutMix`` pastes a rectangle of one image
into another and mixes the labels by the pasted area. The mixed labels are *soft* -- rows of
class weights such as ``0.7 x "3" + 0.3 x "8"`` -- and scikit-learn's classifiers refuse
them. This example shows the mixed images and their labels, then trains on the 8 x 8 digits
in the three ways the user guide describes:

1. ``MixingSampler(..., labels="sampled")`` in an imbalanced-learn pipeline: one class per
   mixed image, drawn with the mixing weights, for any classifier;
2. ``split_soft_labels``: each mixed image becomes weighted samples (``lam`` and
   ``1 - lam``), for any estimator with ``sample_weight``;
3. soft labels as the targets of a multi-output regressor, predicting the ``argmax``.
"""

import matplotlib.pyplot as plt
import numpy as np
from imblearn.pipeline import make_pipeline as make_sampling_pipeline
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import CutMix, Flatten, MixingSampler, MixUp
from skprep.image.functional import split_soft_labels

digits = load_digits()
images = digits.images[..., np.newaxis] / 16.0  # (n, 8, 8, 1) in [0, 1]
X_train, X_test, y_train, y_test = train_test_split(
    images, digits.target, train_size=400, random_state=0, stratify=digits.target
)

# %%
# Mixed images and their soft labels (the two largest weights of each row).
fig, axes = plt.subplots(2, 6, figsize=(10, 4))
for row, mixer in zip(axes, [MixUp(alpha=1.0, random_state=2), CutMix(random_state=2)]):
    mixed, soft = mixer.fit_resample(X_train[:6], y_train[:6])
    for ax, image, label in zip(row, mixed, soft):
        ax.imshow(image[..., 0], cmap="gray_r", vmin=0, vmax=1)
        top = np.argsort(label)[::-1][:2]
        ax.set_title(" + ".join(f"{label[c]:.2f}x{c}" for c in top if label[c] > 0), fontsize=8)
        ax.set_axis_off()
    row[0].text(-3, 3.5, type(mixer).__name__, rotation=90, va="center", fontsize=10)
fig.tight_layout()

# %%
# The baseline: the same classifier without mixing.
baseline = make_pipeline(Flatten(), LogisticRegression(max_iter=2000))
baseline.fit(X_train, y_train)
scores = {"no mixing": baseline.score(X_test, y_test)}

# %%
# 1. Hard labels in an imbalanced-learn pipeline. The sampler runs while fitting only:
# ``predict`` and ``score`` see the test images unmixed. ``n_copies=3`` keeps the originals
# and adds three mixed copies; ``labels="sampled"`` gives each mixed image one class.
for mixer in [MixUp(alpha=0.4), CutMix()]:
    model = make_sampling_pipeline(
        MixingSampler(mixer, labels="sampled", n_copies=3, random_state=0),
        Flatten(),
        LogisticRegression(max_iter=2000),
    )
    model.fit(X_train, y_train)
    scores[f"{type(mixer).__name__}, sampled labels"] = model.score(X_test, y_test)

# %%
# 2. Weighted samples: every mixed image is kept once per class in its label row, weighted
# by that class's share. For log-loss this is exactly training on the soft labels.
X_mixed, y_soft = MixingSampler(MixUp(alpha=0.4), n_copies=3, random_state=0).fit_resample(
    X_train, y_train
)
rows, classes, weights = split_soft_labels(y_soft)
print(f"{len(X_mixed)} images (originals + copies) -> {len(rows)} weighted samples")
weighted = LogisticRegression(max_iter=2000)
weighted.fit(Flatten().fit_transform(X_mixed)[rows], classes, sample_weight=weights)
scores["MixUp, sample_weight"] = weighted.score(Flatten().fit_transform(X_test), y_test)

# %%
# 3. Soft labels as regression targets: a multi-output ``Ridge``, class = argmax.
ridge = Ridge(alpha=1.0).fit(Flatten().fit_transform(X_mixed), y_soft)
predicted = ridge.predict(Flatten().fit_transform(X_test)).argmax(axis=1)
scores["MixUp, soft labels + Ridge"] = float((predicted == y_test).mean())

for name, score in scores.items():
    print(f"{name:28s} test accuracy {score:.3f}")

# %%
# MixUp and CutMix regularise models that would otherwise memorise their training set (deep
# networks trained for many epochs). A linear model on 400 digits has little to memorise, so
# mixing changes its accuracy only a little -- the point here is that every route runs with
# ordinary scikit-learn estimators.
fig, ax = plt.subplots(figsize=(7, 3))
ax.barh(list(scores), list(scores.values()))
ax.set(xlim=(0.8, 1.0), xlabel="test accuracy", title="digits, 400 training images")
ax.invert_yaxis()
fig.tight_layout()
plt.show()
