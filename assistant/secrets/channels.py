"""Side readings of the token stream, each a run of list words of its own: the words written in ROT13, the
words written backwards, and list words alternating with junk tokens ("abandon x ability q able z …").

The main scan (`scan._TokenScan`) reads plain words; these channels see every word token once more and only
push to their runs when a token reads as a list word their way, so they cost two dictionary lookups a token.
The junk channel only reports a run whose BIP39 checksum holds: prose alternates short and long words too.
"""
from __future__ import annotations

from functools import cache

from assistant.secrets import variants
from assistant.secrets import words as sw

Pending = tuple[int, int, str, int, int]  # start, end, folded key, exact mask, stub mask (as in scan)

# Short words of prose: between two list words they are a sentence, not junk put there to split a phrase.
_SHORT_WORDS = frozenset(
    "a i to of in is it my me we be or on at so no an as by do go he if up us am the and for are was you his her "
    "its our not but can had has him who why how yes via per etc ok de la le el en et un il di da".split())
JUNK_LEN = 3


def is_junk(item: Pending | None, token: str) -> bool:
    """A short Latin token that is neither a list word nor a word of prose ("x", "zq", "q1")."""
    if len(token) > JUNK_LEN or not token.isascii():
        return False
    if item is None:
        return True
    return not (item[3] | item[4]) and item[2] not in _SHORT_WORDS


@cache
def _shifted_lists() -> tuple[dict[str, int], dict[str, int]]:
    """Every Latin list word in ROT13 and backwards -> its list mask: one lookup reads a token both ways."""
    rot: dict[str, int] = {}
    back: dict[str, int] = {}
    for key, mask in sw.tables().exact.items():
        latin = mask & sw.LATIN_MASK
        if latin and key.isascii():
            r, b = variants.shifted(key)
            rot[r] = rot.get(r, 0) | latin
            back[b] = back.get(b, 0) | latin
    return rot, back


class SideChannels:
    def __init__(self, text: str) -> None:
        self.text = text
        self.rot, self.back = _shifted_lists()
        self.shifted = (sw.PhraseRuns(text), sw.PhraseRuns(text))  # ROT13, backwards
        # The current stretch of list words alternating with junk; only a stretch long enough to be a phrase
        # is handed to a run (most list words stand next to other list words, and that costs nothing here).
        self.stretch: list[Pending] = []
        self.want_junk = False  # the stretch's last token was a list word
        self.junked: list[sw.PhraseHit] = []

    def feed(self, item: Pending | None, junk: bool) -> None:
        """One token in text order: `item` is its word (None: no word), `junk` says it is a junk token."""
        rot = back = 0
        if item is not None:
            rot, back = self.rot.get(item[2], 0), self.back.get(item[2], 0)
            if item[3]:
                if self.want_junk:
                    self._end_stretch()  # two list words in a row: the plain scan reads those
                self.stretch.append(item)
                self.want_junk = True
            elif junk and self.want_junk:
                self.want_junk = False
            elif self.stretch:
                self._end_stretch()
        elif junk and self.want_junk:
            self.want_junk = False
        elif self.stretch:
            self._end_stretch()
        if rot or back or self.shifted[0].active or self.shifted[1].active:
            self._shift(item, rot, back)

    def _end_stretch(self) -> None:
        stretch = self.stretch
        if len(stretch) >= sw.PHRASE_WORDS:
            runs = sw.PhraseRuns(self.text, need_checksum=True)
            for start, end, key, mask, _stub in stretch:
                runs.push(mask, start, end, key)
            runs.push(0)
            self.junked += runs.hits
        if stretch:
            self.stretch = []
        self.want_junk = False

    def _shift(self, item: Pending | None, rot: int, back: int) -> None:
        keys = variants.shifted(item[2]) if item is not None else ("", "")
        for runs, mask, key in zip(self.shifted, (rot, back), keys, strict=True):
            if mask and item is not None:
                runs.push(mask, item[0], item[1], key)
            elif runs.active:
                runs.push(0)

    def hits(self) -> list[sw.PhraseHit]:
        self._end_stretch()
        out = [h._replace(detail=f"{h.detail}, written between junk") for h in self.junked]
        for how, runs in zip(variants.SHIFTED, self.shifted, strict=True):
            runs.push(0)
            out += [h._replace(detail=f"{h.detail}, written {how}") for h in runs.hits]
        return out
