"""Words written another way: leetspeak (`d357r0y`), ROT13 (`qrfgebl`), backwards (`yortsed`), broken by a
line break or a symbol (`destr` / `oy`, `aban🔑don`), and list numbering that is no word (`No.3`).

A leet token counts only when its plain form is a list word and a neighbour is leet too. ROT13 and backwards
are read as their own channels (`channels.SideChannels`): every word of a run must be written the same way, so
one word of prose that happens to be a list word backwards ("god" / "dog") counts for nothing on its own.
"""
from __future__ import annotations

import codecs
import re

_LEET = str.maketrans("0134578@$", "oieastbas")
_LEET_ONE_AS_L = str.maketrans("0134578", "oleastb")
_LEETISH = re.compile(r"(?:[^\W\d_]|[0134578])+")  # letters and the digits leet writes for letters
_ROT13 = str.maketrans(
    "abcdefghijklmnopqrstuvwxyz", codecs.encode("abcdefghijklmnopqrstuvwxyz", "rot13"))
SHIFTED = ("rot13", "backwards")
# A break inside a word: the halves are separated by one line break (and maybe a hyphen), or by a few symbols
# or an emoji ("aban-don", "aban🔑don", "aban.don").
_BREAK = re.compile(r"[ \t]*-?[ \t]*\r?\n[ \t]*|[^\w\s]{1,4}")
_NUMBER_AFTER = re.compile(r"\.?[ \t]?\d{1,2}(?!\d)")


def leetish(token: str) -> bool:
    """Quick test: letters and leet digits only, no longer than a list word."""
    return len(token) <= 12 and _LEETISH.fullmatch(token) is not None


def leet_forms(token: str, digits_only: bool = False) -> tuple[str, ...]:
    """Plain spellings of a token mixing letters and digits ("d357r0y" -> "destroy"); () when it has no letter
    (unless `digits_only`: "70457" after other leet words is "toast")."""
    if not leetish(token):
        return ()  # longer than any list word, or digits no leet letter stands for ("a3f09b26": hex)
    low = token.lower()
    if not any(c.isdigit() for c in low) or not (digits_only or any(c.isalpha() for c in low)):
        return ()
    first = low.translate(_LEET)
    second = low.translate(_LEET_ONE_AS_L) if "1" in low else first
    return (first,) if second == first else (first, second)


def shifted(key: str) -> tuple[str, str]:
    """The ROT13 and the backwards reading of a folded ASCII word."""
    return key.translate(_ROT13), key[::-1]


def broken_word(text: str, prev_end: int, start: int) -> bool:
    """True when only a line break (maybe with a hyphen) or a few symbols separate the token ending at `prev_end`
    from this one."""
    gap = start - prev_end
    if gap == 1 and text[prev_end] in " ,":
        return False  # the usual case, decided without the regex
    return 0 < gap <= 8 and _BREAK.fullmatch(text, prev_end, start) is not None


def numbering_word(text: str, token: str, end: int) -> bool:
    """"No.3", "Nr 12": a list marker before a number, no word of the phrase."""
    return token.lower() in ("no", "nr", "nº") and _NUMBER_AFTER.match(text, end) is not None
