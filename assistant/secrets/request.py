"""Read the whole request: the user's own inputs joined in order, so a phrase split over two fields is seen.

Each value alone may hold six harmless-looking words; joined (every field value, the description, To,
Subject, attachment text, in that order) they are twelve. The values are joined twice, with a line break
(words) and with nothing (Chinese characters typed without separators), and only findings that reach over
two or more values are reported here; a finding inside one value is found when that value is scanned.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.secrets.scan import Finding, Severity, find_secrets

JOINERS = ("\n", "")


@dataclass(frozen=True, slots=True)
class Spanning:
    """A finding over joined inputs: `pieces` are (value index, start, end) in each value it covers."""

    finding: Finding
    pieces: tuple[tuple[int, int, int], ...]
    joined: str = field(default="", repr=False)  # the joined text the finding's span indexes

    @property
    def indexes(self) -> tuple[int, ...]:
        return tuple(i for i, _s, _e in self.pieces)


def spanning(values: Sequence[str], *, addresses: Iterable[str] = ()) -> list[Spanning]:
    """Findings that reach over two or more of `values` (in the order given)."""
    own = tuple(addresses)
    found: list[Spanning] = []
    seen: set[tuple[tuple[int, int, int], ...]] = set()
    for joiner in JOINERS:
        starts: list[int] = []
        pos = 0
        for v in values:
            starts.append(pos)
            pos += len(v) + len(joiner)
        joined = joiner.join(values)
        for f in find_secrets(joined, addresses=own):
            pieces = _pieces(values, starts, f.start, f.end)
            if len(pieces) > 1 and pieces not in seen:
                seen.add(pieces)
                found.append(Spanning(f, pieces, joined))
    return found


def _pieces(values: Sequence[str], starts: list[int], start: int, end: int) -> tuple[tuple[int, int, int], ...]:
    first = max(0, bisect_right(starts, start) - 1)
    out = []
    for i in range(first, len(values)):
        lo, hi = starts[i], starts[i] + len(values[i])
        if lo >= end:
            break
        a, b = max(lo, start), min(hi, end)
        if a < b:
            out.append((i, a - lo, b - lo))
    return tuple(out)


def blocking(found: Iterable[Spanning]) -> list[Spanning]:
    return [s for s in found if s.finding.severity is Severity.BLOCK]
