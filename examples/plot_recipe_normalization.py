"""
Normalizing numerical features: ``Normalization`` before a softmax classifier
=============================================================================

Keras guide recipe: "Normalizing numerical features". The guide flattens CIFAR-10 images,
adapts a ``Normalization`` layer on them and trains a ``Dense(classes, "softmax")`` layer --
a multinomial logistic regression. Here the same model is scikit-learn's
``LogisticRegression`` on the flattened 8 x 8 digits that ship with scikit-learn.

``Normalization.fit`` is ``adapt``: it learns one mean and one variance per pixel. They are
images themselves, plotted below.
"""

import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import ConfusionMatrixDisplay
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

from skprep import Normalization

# %%
# Load and flatten, as the guide does with ``x_train.reshape((len(x_train), -1))``.
digits = load_digits()
X = digits.images.reshape(len(digits.images), -1)  # (1797, 64)
X_train, X_test, y_train, y_test = train_test_split(
    X, digits.target, test_size=0.3, random_state=0, stratify=digits.target
)

# %%
# Normalization + softmax regression. ``fit`` adapts the layer on the training rows only.
model = make_pipeline(Normalization(), LogisticRegression(max_iter=1000))
model.fit(X_train, y_train)
print(f"test accuracy {model.score(X_test, y_test):.3f}")

normalizer = model[0]
print("learned statistics:", normalizer.mean_.shape, normalizer.variance_.shape)
normalized = normalizer.transform(X_train)
print(f"normalised training data: mean {normalized.mean():.2f}, std {normalized.std():.2f}")

# %%
# The learned state, seen as images: the mean digit and the per-pixel standard deviation.
# Border pixels are nearly always 0; their variance is tiny, and Keras's rule (divide by
# ``max(std, 1e-7)``) keeps them finite.
fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(10, 3.2))
ax1.imshow(normalizer.mean_.reshape(8, 8), cmap="gray_r")
ax1.set_title("mean_ (per pixel)")
ax2.imshow(np.sqrt(normalizer.variance_).reshape(8, 8), cmap="magma")
ax2.set_title("sqrt(variance_)")
ConfusionMatrixDisplay.from_estimator(model, X_test, y_test, ax=ax3, colorbar=False)
ax3.set_title("test confusion matrix")
for ax in (ax1, ax2):
    ax.set_axis_off()
fig.tight_layout()
plt.show()
