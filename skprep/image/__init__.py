"""image layers (see the image issue)."""

__all__: list[str] = []
