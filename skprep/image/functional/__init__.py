"""Pure image kernels over NHWC batches (``skprep.image.functional``).

Each kernel is the single home of its logic; the image estimators validate and delegate here.
Submodules: ``_resize`` (resize, aspect-ratio crop/pad boxes), ``_crop`` (crop, center_crop),
``_pad``, ``_flip``, ``_color`` (contrast, brightness), ``_hsv`` (HSV conversions,
saturation, hue, colour degeneration) and ``_affine`` (``affine_transform``
with Keras's 8-parameter convention), ``_clahe`` (contrast-limited adaptive histogram
equalisation), ``_perspective`` (homographies through four point pairs),
``_elastic`` (elastic deformations), ``_geometry`` (``rotate``, ``translate``, ``zoom``,
``shear`` and their transform builders, beside the raw ``affine_transform``), ``_args``
(the shared batch, per-image and value-range arguments).
"""

from ._affine import affine_transform
from ._clahe import clahe
from ._color import adjust_brightness, adjust_contrast
from ._crop import center_crop, crop
from ._elastic import elastic_transform
from ._flip import flip
from ._geometry import (
    rotate,
    rotation_transform,
    shear,
    shear_transform,
    translate,
    translation_transform,
    zoom,
    zoom_transform,
)
from ._hsv import (
    adjust_hue,
    adjust_saturation,
    degenerate_color,
    hsv_to_rgb,
    rgb_to_grayscale,
    rgb_to_hsv,
)
from ._mixing import box_slices, cut_mix, erase, harden_labels, mix_up, split_soft_labels
from ._pad import pad
from ._perspective import perspective, perspective_transform
from ._pointwise import (
    auto_contrast,
    equalize,
    gaussian_blur,
    invert,
    posterize,
    sharpen,
    solarize,
)
from ._resize import resize

__all__ = [
    "adjust_brightness",
    "adjust_contrast",
    "adjust_hue",
    "adjust_saturation",
    "affine_transform",
    "auto_contrast",
    "box_slices",
    "center_crop",
    "clahe",
    "crop",
    "cut_mix",
    "degenerate_color",
    "elastic_transform",
    "equalize",
    "erase",
    "flip",
    "gaussian_blur",
    "harden_labels",
    "hsv_to_rgb",
    "invert",
    "mix_up",
    "pad",
    "perspective",
    "perspective_transform",
    "posterize",
    "resize",
    "rgb_to_grayscale",
    "rgb_to_hsv",
    "rotate",
    "rotation_transform",
    "sharpen",
    "shear",
    "shear_transform",
    "solarize",
    "split_soft_labels",
    "translate",
    "translation_transform",
    "zoom",
    "zoom_transform",
]
