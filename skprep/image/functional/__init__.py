"""Pure image kernels over NHWC float batches (``skprep.image.functional``).

Each kernel is the single home of its logic; the image estimators validate and delegate here.
Submodules: ``_resize`` / ``_crop`` / ``_color`` (resize, crops, pad, flip, contrast,
brightness) and ``_affine`` (``affine_transform`` with Keras's 8-parameter convention).
"""

from ._affine import affine_transform as affine_transform

__all__: list[str] = []
