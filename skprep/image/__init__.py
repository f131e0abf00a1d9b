"""image layers (see the image issue)."""

from ._geometry import RandomRotation, RandomTranslation, RandomZoom

__all__: list[str] = ["RandomRotation", "RandomTranslation", "RandomZoom"]
