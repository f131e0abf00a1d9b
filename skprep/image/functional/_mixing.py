"""Mixing and erasing kernels over NHWC batches: MixUp, CutMix and RandomErasing.

Each kernel takes its random numbers as explicit per-image arguments (blend weights, partner
indices, rectangles, fill values) and never draws. Rectangles use the corner convention of
Keras's ``CutMix`` / ``RandomErasing`` masks: a box ``(x0, y0, x1, y1)`` covers pixel
``(row i, column j)`` when ``x0 <= j < x1`` and ``y0 <= i < y1``, with pixel centres at integer
coordinates and the corners taken in float32 (Keras's compute dtype). The covered columns are
therefore ``ceil(x0) .. ceil(x1) - 1``, and each box is applied as one slice per image.
"""

from __future__ import annotations

import numpy as np

from ._parallel import map_batch

__all__ = ["box_slices", "cut_mix", "erase", "harden_labels", "mix_up", "split_soft_labels"]


def _images(images) -> np.ndarray:
    images = np.asarray(images)
    if images.ndim != 4:
        raise ValueError(f"images must be a batch of shape (n, h, w, c); got shape {images.shape}.")
    return images


def _labels(labels, n: int):
    if labels is None:
        return None
    labels = np.asarray(labels, dtype=np.float32)
    if labels.ndim != 2 or labels.shape[0] != n:
        raise ValueError(
            f"labels must have shape (n_images, n_classes) = ({n}, k); got shape {labels.shape}."
        )
    return labels


def _partner(partner, n: int) -> np.ndarray:
    partner = np.asarray(partner)
    if partner.shape != (n,) or partner.dtype.kind not in "iu":
        raise ValueError(f"partner must be {n} integer indices (one per image); got {partner!r}.")
    if n and (partner.min() < 0 or partner.max() >= n):
        raise ValueError(f"partner indices must lie in [0, {n}); got {partner!r}.")
    return partner.astype(np.intp, copy=False)


def _boxes(boxes, n: int) -> np.ndarray:
    boxes = np.asarray(boxes, dtype=np.float32)
    if boxes.shape != (n, 4):
        raise ValueError(
            f"boxes must have shape (n_images, 4) = ({n}, 4) as (x0, y0, x1, y1); "
            f"got shape {boxes.shape}."
        )
    return boxes


def box_slices(boxes, height: int, width: int) -> np.ndarray:
    """Integer pixel bounds ``(row0, row1, col0, col1)`` covered by float boxes.

    Parameters
    ----------
    boxes : array-like of shape (n, 4)
        Boxes ``(x0, y0, x1, y1)`` in pixel coordinates (taken in float32).
    height, width : int
        Image size; bounds are clipped to it.

    Returns
    -------
    ndarray of int64 of shape (n, 4)
        ``images[i, row0:row1, col0:col1]`` is exactly the set of pixels the box covers.

    Examples
    --------
    >>> box_slices([[0.5, 1.0, 3.0, 2.2]], 4, 5)
    array([[1, 3, 1, 3]])
    """
    boxes = np.asarray(boxes, dtype=np.float32)
    # j >= x0  <=>  j >= ceil(x0), and j < x1  <=>  j <= ceil(x1) - 1 for integer j.
    edges = np.ceil(boxes.astype(np.float64))
    edges = np.nan_to_num(edges, nan=0.0, posinf=max(height, width), neginf=0.0)
    col0 = np.clip(edges[:, 0], 0, width)
    row0 = np.clip(edges[:, 1], 0, height)
    col1 = np.clip(edges[:, 2], 0, width)
    row1 = np.clip(edges[:, 3], 0, height)
    col1 = np.maximum(col1, col0)
    row1 = np.maximum(row1, row0)
    return np.stack([row0, row1, col0, col1], axis=1).astype(np.int64)


def mix_up(images, labels, lam, partner):
    """Blend every image (and label) with a partner of the batch (Keras ``MixUp``).

    ``out[i] = lam[i] * images[i] + (1 - lam[i]) * images[partner[i]]``, computed in float32
    as Keras does, and the same blend of the label rows.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
        Any numeric dtype (computed in float32).
    labels : array-like of shape (n, k) or None
        One-hot or soft labels; None to mix images only.
    lam : array-like of shape (n,)
        Weight of each image itself (Keras's ``mix_weight``), usually drawn from
        ``Beta(alpha, alpha)``.
    partner : array-like of int of shape (n,)
        Index of the image each one is mixed with (Keras's ``permutation_order``).

    Returns
    -------
    images_out : ndarray of float32 of shape (n, h, w, c)
    labels_out : ndarray of float32 of shape (n, k), or None when ``labels`` is None

    Examples
    --------
    >>> import numpy as np
    >>> x = np.array([0.0, 100.0]).reshape(2, 1, 1, 1)
    >>> out, y = mix_up(x, np.eye(2), lam=[0.75, 0.5], partner=[1, 0])
    >>> out.ravel(), y
    (array([25., 50.], dtype=float32), array([[0.75, 0.25],
           [0.5 , 0.5 ]], dtype=float32))
    """
    images = _images(images)
    n = images.shape[0]
    partner = _partner(partner, n)
    labels = _labels(labels, n)
    lam = np.asarray(lam, dtype=np.float32).reshape(-1)
    if lam.shape != (n,):
        raise ValueError(f"lam must have one weight per image ({n}); got shape {lam.shape}.")

    def run(x, w, p):
        w = w.reshape(-1, 1, 1, 1)
        out = w * x.astype(np.float32, copy=False)
        out += (np.float32(1.0) - w) * images[p].astype(np.float32, copy=False)
        return out

    out = map_batch(run, images, lam, partner)
    if labels is None:
        return out, None
    w = lam.reshape(-1, 1)
    return out, w * labels + (np.float32(1.0) - w) * labels[partner]


def cut_mix(images, labels, boxes, partner):
    """Paste a rectangle of a partner image into every image (Keras ``CutMix``).

    Inside box ``i`` image ``i`` takes the pixels of ``images[partner[i]]`` (read from the
    unmodified batch); labels are mixed as Keras mixes them, by the box's area:
    ``w = 1 - (x1 - x0) * (y1 - y0) / (h * w)`` (float32), ``out = w * labels[i] +
    (1 - w) * labels[partner[i]]``.

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
        Any numeric dtype; the result is float32 (Keras's compute dtype).
    labels : array-like of shape (n, k) or None
        One-hot or soft labels; None to mix images only.
    boxes : array-like of shape (n, 4)
        Pasted rectangle of each image, ``(x0, y0, x1, y1)`` in pixel coordinates (see the
        module docstring for which pixels a box covers). Keras's boxes lie inside the image.
    partner : array-like of int of shape (n,)
        Index of the image each one takes its patch from.

    Returns
    -------
    images_out : ndarray of float32 of shape (n, h, w, c)
    labels_out : ndarray of float32 of shape (n, k), or None when ``labels`` is None

    Examples
    --------
    >>> import numpy as np
    >>> x = np.stack([np.zeros((2, 4, 1)), np.ones((2, 4, 1))])
    >>> out, y = cut_mix(x, np.eye(2), [[0.5, 0, 2.5, 2], [0, 0, 0, 0]], [1, 0])
    >>> out[0, :, :, 0], y[0]
    (array([[0., 1., 1., 0.],
           [0., 1., 1., 0.]], dtype=float32), array([0.5, 0.5], dtype=float32))
    """
    images = _images(images)
    n, h, w, _ = images.shape
    partner = _partner(partner, n)
    labels = _labels(labels, n)
    boxes = _boxes(boxes, n)
    out = images.astype(np.float32, copy=True)
    for i, (r0, r1, c0, c1) in enumerate(box_slices(boxes, h, w)):
        if r1 > r0 and c1 > c0:
            out[i, r0:r1, c0:c1] = images[partner[i], r0:r1, c0:c1]
    if labels is None:
        return out, None
    area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    weight = (np.float32(1.0) - area / np.float32(w * h)).reshape(-1, 1)
    return out, weight * labels + (np.float32(1.0) - weight) * labels[partner]


def _soft_labels(labels) -> np.ndarray:
    labels = np.asarray(labels)
    if labels.ndim != 2 or labels.dtype.kind not in "biuf":
        raise ValueError(
            f"labels must be numeric label rows of shape (n, n_classes); got shape "
            f"{labels.shape} and dtype {labels.dtype}."
        )
    labels = labels.astype(np.float64)
    if not np.isfinite(labels).all() or (labels < 0).any():
        raise ValueError("labels must be finite and non-negative (class weights of each row).")
    if labels.shape[0] and (labels.sum(axis=1) <= 0).any():
        raise ValueError("Every label row needs a positive weight on at least one class.")
    return labels


def harden_labels(labels, u=None) -> np.ndarray:
    """One class per row of soft labels: the heaviest, or one drawn with the row's weights.

    Parameters
    ----------
    labels : array-like of shape (n, n_classes)
        Non-negative label rows, e.g. the mixed labels of :func:`mix_up` / :func:`cut_mix`
        (rows need not sum to 1; each is read relative to its sum).
    u : array-like of shape (n,) or None, default=None
        None returns each row's heaviest class (ties: the first). Uniform numbers in
        ``[0, 1)``, one per row, draw a class with probability proportional to its weight
        (class ``c`` when ``u`` falls in its share of the row's cumulative sum), so that the
        expected one-hot row equals the normalised soft row.

    Returns
    -------
    ndarray of int64 of shape (n,)
        Column indices of the chosen classes.

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image.functional import harden_labels
    >>> soft = np.array([[0.7, 0.3, 0.0], [0.0, 0.4, 0.6]])
    >>> harden_labels(soft)
    array([0, 2])
    >>> harden_labels(soft, u=[0.8, 0.1])
    array([1, 1])
    """
    labels = _soft_labels(labels)
    if u is None:
        return labels.argmax(axis=1).astype(np.int64)
    u = np.asarray(u, dtype=np.float64)
    if u.shape != (labels.shape[0],) or not ((u >= 0) & (u < 1)).all():
        raise ValueError(f"u must hold {labels.shape[0]} numbers in [0, 1), one per row.")
    cumulative = np.cumsum(labels, axis=1)
    threshold = u * cumulative[:, -1]
    chosen = (cumulative > threshold[:, None]).argmax(axis=1)
    return chosen.astype(np.int64)


def split_soft_labels(labels):
    """Expand soft label rows into hard labels with sample weights.

    Each row ``i`` becomes one entry per class ``c`` with a positive weight: ``(i, c,
    labels[i, c])``. A mixed image with label row ``lam * y_a + (1 - lam) * y_b`` therefore
    becomes two weighted samples -- class ``a`` with weight ``lam`` and class ``b`` with weight
    ``1 - lam`` -- which any estimator accepting ``sample_weight`` can fit. For a loss that is
    linear in the target (log-loss, cross-entropy) this equals training on the soft labels.

    Parameters
    ----------
    labels : array-like of shape (n, n_classes)
        Non-negative label rows.

    Returns
    -------
    rows : ndarray of int64
        The row of each entry: index the samples with it (``X[rows]``).
    classes : ndarray of int64
        The class (column) of each entry.
    weights : ndarray of float64
        The weight of each entry (``labels[rows, classes]``).

    Examples
    --------
    >>> import numpy as np
    >>> from skprep.image.functional import split_soft_labels
    >>> rows, classes, weights = split_soft_labels([[0.75, 0.25, 0.0], [0.0, 0.0, 1.0]])
    >>> rows, classes, weights
    (array([0, 0, 1]), array([0, 1, 2]), array([0.75, 0.25, 1.  ]))
    """
    labels = _soft_labels(labels)
    rows, classes = np.nonzero(labels)
    return rows.astype(np.int64), classes.astype(np.int64), labels[rows, classes]


def erase(images, boxes, fill=0.0, *, value_range=None):
    """Overwrite a rectangle of every image with a fill value (Keras ``RandomErasing``).

    Parameters
    ----------
    images : ndarray of shape (n, h, w, c)
        Any numeric dtype; the result is float32 (Keras's compute dtype).
    boxes : array-like of shape (n, 4)
        Erased rectangle of each image, ``(x0, y0, x1, y1)`` in pixel coordinates; an empty box
        (``x1 <= x0`` or ``y1 <= y0``) leaves the image unchanged.
    fill : float or array-like, default=0.0
        A constant, one value per channel ``(c,)``, one per image and channel ``(n, c)``, or a
        full batch ``(n, h, w, c)`` of fill values (e.g. noise) of which each box takes its
        own pixels.
    value_range : (float, float) or None, default=None
        Clip the fill values (not the image) to ``[low, high]``, as Keras does.

    Returns
    -------
    ndarray of float32 of shape (n, h, w, c)

    Examples
    --------
    >>> import numpy as np
    >>> out = erase(np.ones((1, 3, 3, 1)), [[0.2, 0.2, 3.0, 3.0]], fill=300.0,
    ...             value_range=(0, 255))
    >>> out[0, :, :, 0]
    array([[  1.,   1.,   1.],
           [  1., 255., 255.],
           [  1., 255., 255.]], dtype=float32)
    """
    images = _images(images)
    n, h, w, c = images.shape
    boxes = _boxes(boxes, n)
    fill = np.asarray(fill, dtype=np.float32)
    if fill.ndim == 1 and fill.shape[0] != c:
        raise ValueError(f"fill must have one value per channel ({c}); got shape {fill.shape}.")
    if fill.ndim == 2 and fill.shape != (n, c):
        raise ValueError(f"fill of shape (n, c) must be ({n}, {c}); got shape {fill.shape}.")
    if fill.ndim == 4 and fill.shape != images.shape:
        raise ValueError(f"fill of rank 4 must have the images' shape {images.shape}.")
    if fill.ndim == 3 or fill.ndim > 4:
        raise ValueError("fill must be a scalar or have shape (c,), (n, c) or (n, h, w, c).")
    out = images.astype(np.float32, copy=True)
    for i, (r0, r1, c0, c1) in enumerate(box_slices(boxes, h, w)):
        if r1 <= r0 or c1 <= c0:
            continue
        if fill.ndim == 4:
            patch = fill[i, r0:r1, c0:c1]
        elif fill.ndim == 2:
            patch = fill[i]
        else:
            patch = fill
        if value_range is not None:
            patch = np.clip(patch, value_range[0], value_range[1])
        out[i, r0:r1, c0:c1] = patch
    return out
