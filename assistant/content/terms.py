"""Find the first use of each explained term in a text (locale files `jargon.toml`, see assistant.i18n.jargon).

A form written in Latin letters matches as a whole word, in any case and with a plural "s" ("fee", "Fees",
"TxID를"); any other form matches where it stands (Chinese, Japanese and Korean write no spaces between words).
Where two forms overlap, the longer wins, so 承認数 (confirmations) is not read as 承認 (approval).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_LATIN = re.compile(r"[A-Za-z0-9]")
# Link targets, bare URLs, inline code and a body's `{variants}` mark are never a use of a term.
_NOT_PROSE = re.compile(r"\]\([^)]*\)|https?://\S+|`[^`]*`|\{variants\}")


@lru_cache(maxsize=512)
def form_pattern(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = []
    for form in sorted({f.strip() for f in forms if f.strip()}, key=len, reverse=True):
        word = re.escape(form)
        if _LATIN.match(form[0]) and _LATIN.match(form[-1]):
            word = rf"(?<![A-Za-z0-9]){word}(?:e?s)?(?![A-Za-z0-9])"
        parts.append(word)
    return re.compile("|".join(parts), re.I) if parts else None


def first_uses(text: str, terms: Iterable[tuple[str, tuple[str, ...]]]) -> list[tuple[str, int, int]]:
    """(term id, start, end) of each term's first use in `text`, in reading order; overlaps go to the longer."""
    prose = _NOT_PROSE.sub(lambda m: " " * len(m.group()), text)
    found: list[tuple[int, int, str]] = []
    for term_id, forms in terms:
        pattern = form_pattern(tuple(forms))
        if pattern is not None:
            found += [(m.start(), -(m.end() - m.start()), term_id) for m in pattern.finditer(prose)]
    first: dict[str, tuple[int, int]] = {}
    taken_until = -1
    for start, negative_length, term_id in sorted(found):
        end = start - negative_length
        if start < taken_until:
            continue  # inside a longer match already claimed
        taken_until = end
        first.setdefault(term_id, (start, end))
    return sorted(((tid, s, e) for tid, (s, e) in first.items()), key=lambda t: t[1])
