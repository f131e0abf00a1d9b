"""text layers (see the text issue)."""

__all__: list[str] = []
