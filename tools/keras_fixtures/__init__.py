"""Keras-parity fixture generators, one module per layer family.

Each module defines ``generate() -> list[dict]``: every dict is one case with a ``name``, the
``layer`` class name, its constructor ``kwargs``, the ``input`` and Keras's ``output`` (plus
any fitted state, e.g. ``vocabulary``). ``tools/make_keras_fixtures.py`` writes them to
``tests/fixtures/<family>.json.gz``.
"""

FAMILIES = (
    "numeric",
    "lookup",
    "text",
    "hashing",
    "discretization",
    "image",
    "image_geometry",
    "image_mixing",
    "image_hsv",
    "image_pointwise",
    "image_shear",
    "image_clahe",
    "image_perspective",
    "image_policies",
    "image_elastic",
    "audio",
    "feature_space",
)
