"""lookup layers (see the lookup issue)."""

__all__: list[str] = []
