"""A deterministic, mergeable quantile sketch with a rank-error bound that does not grow with
the number of batches or merges (the streamed state of ``Discretization``).

The sketch is a stack of *levels*: ``levels[h]`` holds sorted float32 values that each stand
for ``2**h`` data values. New values enter level 0; a level holding more than ``capacity``
values is *compacted*: its sorted values are cut into consecutive groups of ``g = 2**j``
values (``j`` the smallest jump that brings the level back under ``capacity``), one value of
each group moves up ``j`` levels (weight ``g``), the remainder of fewer than ``g`` values stays.
For any threshold ``y``, a compaction changes the weighted count of values ``<= y`` (or
``< y``) by less than one group, ``(g - 1) * 2**h`` -- the compaction's *error*, which the
sketch adds up exactly in ``error`` (an integer, in data values). Hence, for every ``y``, the
sketch's weighted count and the true count of values ``<= y`` differ by at most ``error``.

Why ``error`` stays below ``epsilon * n`` whatever the batches: a compaction at level ``h``
only happens on more than ``capacity`` values, so (counting a jump of ``j`` levels as ``j``
halvings, each on at least ``capacity - 1`` values) the halvings at level ``h`` number at most
``n / ((capacity - 1) * 2**h)`` and cost at most ``n / (capacity - 1)`` in total. At most
``floor(log2(n / (capacity - 1))) + 1`` levels halve, so ``error <= levels * n / (capacity -
1)``; :func:`sketch_capacity` picks the smallest capacity that makes this ``<= epsilon * n``
for up to ``2**40`` values. That bound depends on ``n`` only (logarithmically), never on how
the data was split or merged. While no compaction has happened the sketch holds every value
(``error == 0``).

Everything is plain data (a list of float32 arrays and Python ints), so it pickles and
loads with ``skops.io``.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["QuantileSketch", "sketch_capacity"]

#: The capacity guarantees ``error <= epsilon * n`` for up to ``2 ** _MAX_LOG2_VALUES`` values.
_MAX_LOG2_VALUES = 40


def _halving_levels(capacity: int) -> int:
    """Upper bound on the number of levels that halve for ``n <= 2**40`` values."""
    return max(1, _MAX_LOG2_VALUES - math.floor(math.log2(capacity - 1)) + 1)


def sketch_capacity(epsilon: float) -> int:
    """The smallest level capacity ``k`` with ``levels(k) / (k - 1) <= epsilon``.

    Examples
    --------
    >>> sketch_capacity(0.01), sketch_capacity(0.1), sketch_capacity(1.0)
    (3001, 331, 37)
    """
    lo, hi = 3, math.ceil((_MAX_LOG2_VALUES + 2) / epsilon) + 2
    while lo < hi:  # levels(k) / (k - 1) decreases with k
        mid = (lo + hi) // 2
        if _halving_levels(mid) <= epsilon * (mid - 1):
            hi = mid
        else:
            lo = mid + 1
    return lo


def _merge_sorted(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    if a.size == 0:
        return b
    if b.size == 0:
        return a
    # NumPy's SIMD sort beats a timsort merge of the two runs at these sizes
    return np.sort(np.concatenate((a, b)))


class QuantileSketch:
    """Mergeable quantile sketch of float32 values (see the module docstring).

    Parameters
    ----------
    capacity : int
        Values a level may hold before it is compacted (:func:`sketch_capacity`).

    Attributes
    ----------
    levels : list of ndarray of float32
        ``levels[h]``: sorted values of weight ``2**h``.
    parities : list of int
        Per level, which of the two middle values of a group the next compaction keeps
        (alternates, so that rounding errors of successive compactions cancel).
    error : int
        Certified bound on the rank error, in data values.
    """

    def __init__(self, capacity: int):
        self.capacity = int(capacity)
        self.levels: list[np.ndarray] = []
        self.parities: list[int] = []
        self.error = 0

    @property
    def n(self) -> int:
        """Number of data values summarised."""
        return sum(level.size << h for h, level in enumerate(self.levels))

    @property
    def is_exact(self) -> bool:
        """Whether the sketch still holds every value (nothing was compacted)."""
        return self.error == 0 and len(self.levels) <= 1

    def copy(self) -> QuantileSketch:
        other = QuantileSketch(self.capacity)
        other.levels = list(self.levels)  # arrays are never modified in place
        other.parities = list(self.parities)
        other.error = self.error
        return other

    def _add(self, h: int, values: np.ndarray) -> None:
        while len(self.levels) <= h:
            self.levels.append(np.empty(0, dtype=np.float32))
            self.parities.append(0)
        self.levels[h] = _merge_sorted(self.levels[h], values)

    def _compact(self, h: int, buf: np.ndarray) -> np.ndarray:
        """Compact the sorted values ``buf`` of level ``h``: one middle value of each group
        of ``g`` moves up; returns the remainder (fewer than ``g`` values) left at ``h``."""
        jump = max(1, math.ceil(math.log2(buf.size / self.capacity)))
        g = 1 << jump
        m = buf.size // g
        start = g // 2 - 1 + self.parities[h]  # one of the group's two middle values
        kept = buf[start : m * g : g].copy()
        self.parities[h] ^= 1
        self.error += (g - 1) << h
        self._add(h + jump, kept)
        return buf[m * g :].copy()

    def _compress(self) -> None:
        h = 0
        while h < len(self.levels):
            if self.levels[h].size > self.capacity:
                self.levels[h] = self._compact(h, self.levels[h])
            h += 1

    def insert_sorted(self, values: np.ndarray) -> QuantileSketch:
        """Add sorted float32 values (each of weight 1); returns ``self``.

        A run larger than ``capacity`` is compacted on its own before it meets level 0,
        so a large batch costs a strided pick, not a merge."""
        self._add(0, np.empty(0, dtype=np.float32))
        if values.size > self.capacity:
            values = self._compact(0, values)
        self._add(0, values)
        self._compress()
        return self

    def merge(self, other: QuantileSketch) -> QuantileSketch:
        """Fold ``other`` in; the bounds add (``error`` is the sum plus new compactions)."""
        if other.capacity != self.capacity:
            raise ValueError(
                f"Cannot merge quantile sketches of capacities {self.capacity} and "
                f"{other.capacity}."
            )
        for h, level in enumerate(other.levels):
            self._add(h, level)
        self.error += other.error
        self._compress()
        return self

    def weighted_values(self) -> tuple[np.ndarray, np.ndarray]:
        """All values, sorted, and their cumulative weights (int64)."""
        if not self.levels:
            return np.empty(0, np.float32), np.empty(0, np.int64)
        values = np.concatenate(self.levels)
        weights = np.concatenate(
            [np.full(level.size, 1 << h, dtype=np.int64) for h, level in enumerate(self.levels)]
        )
        order = np.argsort(values, kind="stable")
        return values[order], np.cumsum(weights[order])

    def quantiles(self, fractions) -> np.ndarray:
        """For each fraction ``q``, the smallest value whose weighted count of values ``<=``
        it reaches ``q * n``; its true rank is within ``error`` of ``q * n``."""
        values, cum = self.weighted_values()
        targets = np.asarray(fractions, dtype=np.float64) * float(cum[-1])
        index = np.searchsorted(cum, targets, side="left")
        return values[np.minimum(index, values.size - 1)]
