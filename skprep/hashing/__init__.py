"""hashing layers (see the hashing issue)."""

__all__: list[str] = []
