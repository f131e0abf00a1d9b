"""Utilities: discovery, random-state handling, encoding helpers."""

from .discovery import all_estimators

__all__ = ["all_estimators"]
