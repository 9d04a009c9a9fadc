"""See through disguises before matching: one normal form of the text, with a map back to the original.

The scanner matches on `Normalised.text` and reports spans in the ORIGINAL text through `Normalised.back()`,
so the UI highlights and `redact()` removes what the user actually typed. The steps, in order:

1. markup: HTML tags (block tags become a line break, inline tags vanish), HTML entities, JSON/JS string
   escapes (`\\u00e9`, surrogate pairs, `\\n`);
2. one-to-one folds, done by `str.translate` at C speed and keeping every offset: full-width letters and
   digits, the many Unicode spaces, and every character whose NFKC form is a single other character;
3. length-changing NFKC: invisible format characters (Unicode category Cf: zero-width space/joiners, soft
   hyphen, word joiner, BOM…) are dropped, a letter with combining marks after it is composed, ligatures
   expand;
4. homoglyphs: in a word that also holds Latin letters or digits, Cyrillic and Greek look-alikes become the
   Latin letter they imitate (one-to-one, offsets kept);
5. letter-spaced words (`a b a n d o n`) are joined;
6. filler between the words of a listed phrase ("word 3 is", "the fifth word is", "then", "第3个是") becomes a
   plain separator, when at least three fillers follow one another closely (a list, not a sentence).

Every step is one regex pass or one translate call, so the whole is linear in the text. A step that changes
nothing costs one search and adds no map.
"""
from __future__ import annotations

import html
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

# ---- offset maps ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Map:
    """Map from one step's output back to its input: sorted pieces (out_start, in_start, in_end, copied).

    A copied piece maps character for character; a replaced piece (one match) maps every output character to
    the whole input span it came from.
    """

    out_starts: list[int] = field(default_factory=list)
    pieces: list[tuple[int, int, int, bool]] = field(default_factory=list)
    in_len: int = 0

    def add(self, out_start: int, in_start: int, in_end: int, copied: bool) -> None:
        self.out_starts.append(out_start)
        self.pieces.append((out_start, in_start, in_end, copied))

    def start(self, pos: int) -> int:
        i = bisect_right(self.out_starts, pos) - 1
        if i < 0:
            return 0
        out_start, in_start, in_end, copied = self.pieces[i]
        return min(in_start + (pos - out_start), in_end) if copied else in_start

    def end(self, pos: int) -> int:
        """Input offset just past the output character before `pos` (pos > 0)."""
        if pos <= 0:
            return 0
        i = bisect_right(self.out_starts, pos - 1) - 1
        if i < 0:
            return 0
        out_start, in_start, in_end, copied = self.pieces[i]
        return min(in_start + (pos - out_start), in_end) if copied else in_end


def _rewrite(text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]) -> tuple[str, _Map | None]:
    """`pattern.sub(replace, text)` that also records the offset map; `replace` returning None keeps the match."""
    out: list[str] = []
    omap = _Map(in_len=len(text))
    pos = 0  # input consumed
    size = 0  # output written
    changed = False
    for m in pattern.finditer(text):
        new = replace(m)
        if new is None or new == m.group():
            continue
        start, end = m.span()
        if start > pos:
            omap.add(size, pos, start, True)
            out.append(text[pos:start])
            size += start - pos
        omap.add(size, start, end, False)
        out.append(new)
        size += len(new)
        pos = end
        changed = True
    if not changed:
        return text, None
    omap.add(size, pos, len(text), True)
    out.append(text[pos:])
    return "".join(out), omap


@dataclass(frozen=True, slots=True)
class Normalised:
    original: str
    text: str
    maps: tuple[_Map, ...] = ()  # first step first

    @property
    def changed(self) -> bool:
        return bool(self.maps)

    def back(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that normalised text[start:end] came from."""
        for omap in reversed(self.maps):
            start, end = omap.start(start), omap.end(end) if end > start else omap.start(end)
        return start, max(start, end)


# ---- 1. markup -----------------------------------------------------------------------------------------------
_BLOCK_TAGS = frozenset("br p div li ul ol tr td th table h1 h2 h3 h4 h5 h6 pre blockquote section article hr dt dd".split())
_MARKUP = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})\b[^<>]{0,300}>"  # a tag
    r"|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"  # an entity
    r"|\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})"  # a JSON surrogate pair
    r"|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})"  # a JSON / JS escape
    r"|\\([nrt])(?=[^\W\d_]|\d|\\|$)",  # \n inside a JSON string
    re.I,
)


def _unmarkup(m: re.Match[str]) -> str | None:
    if m.group(2):
        return "\n" if m.group(2).lower() in _BLOCK_TAGS else ""
    if m.group(3):
        decoded = html.unescape(m.group())
        return None if decoded == m.group() else decoded
    if m.group(4):
        high, low = int(m.group(4), 16), int(m.group(5), 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    code = m.group(6) or m.group(7)
    if code:
        char = chr(int(code, 16))
        return None if 0xD800 <= ord(char) <= 0xDFFF else char
    return "\n" if m.group(8) in "nr" else "\t"


# ---- 2 and 3. compatibility forms and invisible characters -----------------------------------------------------
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Ranges whose characters may have a different NFKC form (everything else is left as it is, for speed).
_NFKC_RANGES = ((0x00A0, 0x2FFF), (0x3000, 0x33FF), (0xA640, 0xA69F), (0xF900, 0xFFEF), (0x1D400, 0x1D7FF),
                (0x1F100, 0x1F1FF), (0x2F800, 0x2FA1F))
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u3099\u309a"


@cache
def _fold_tables() -> tuple[dict[int, str], re.Pattern[str]]:
    """(one-to-one translate table, regex of characters whose NFKC form has another length or that are Cf)."""
    one: dict[int, str] = {ord(c): " " for c in _SPACES}
    other: list[str] = []
    for lo, hi in _NFKC_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            if cp in one or unicodedata.category(ch) in ("Cs", "Co", "Cn"):
                continue
            if unicodedata.category(ch) == "Cf":
                other.append(ch)
                continue
            form = unicodedata.normalize("NFKC", ch)
            if form == ch:
                continue
            if len(form) == 1:
                one[cp] = form
            else:
                other.append(ch)
    # Format characters outside those ranges (tags block, Mongolian vowel separator, …).
    extra = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\U000e0001\U000e0020-\U000e007f"
    cls = "".join(re.escape(c) for c in other) + extra
    # A base character followed by combining marks is composed as one cluster; any listed character is
    # normalised on its own (a Cf character normalises to itself, so it is dropped explicitly).
    pattern = re.compile(f"[^\\s{_MARKS}][{_MARKS}]+|[{cls}]")
    return one, pattern


def _nfkc_piece(m: re.Match[str]) -> str | None:
    piece = m.group()
    if len(piece) == 1 and unicodedata.category(piece) == "Cf":
        return ""
    kept = "".join(c for c in piece if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFKC", kept)


# ---- 4. homoglyphs ---------------------------------------------------------------------------------------------
# Cyrillic and Greek letters drawn like a Latin letter (lower and upper case), and digit look-alikes.
HOMOGLYPHS = {
    "а": "a", "в": "b", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "к": "k", "м": "m", "о": "o",
    "р": "p", "ԛ": "q", "г": "r", "ѕ": "s", "т": "t", "ц": "u", "ѵ": "v", "ԝ": "w", "х": "x", "у": "y", "ь": "b",
    "ѡ": "w", "ɡ": "g", "ӏ": "l", "п": "n", "ё": "e", "ї": "i", "ӧ": "o",
    "А": "A", "В": "B", "С": "C", "Е": "E", "Н": "H", "І": "I", "Ј": "J", "К": "K", "М": "M", "О": "O", "Р": "P",
    "Ѕ": "S", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "Ԍ": "G", "Ь": "b", "Ԁ": "d", "Ӏ": "l",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t", "υ": "u",
    "χ": "x", "γ": "y", "ω": "w", "ϲ": "c", "ϳ": "j", "ѳ": "o",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P",
    "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C",
}
_HOMOGLYPH_TABLE = str.maketrans(HOMOGLYPHS)
_GLYPHS = "".join(HOMOGLYPHS)
# A word holding at least one look-alike; it is folded only when it also holds a Latin letter or a digit.
_MIXED_WORD = re.compile(f"[^\\W_]*[{_GLYPHS}][^\\W_]*")
_LATIN = re.compile(r"[A-Za-z0-9]")


def fold_homoglyphs(word: str) -> str:
    """`word` with every Cyrillic/Greek look-alike replaced by its Latin letter (same length)."""
    return word.translate(_HOMOGLYPH_TABLE)


def _homoglyph_word(m: re.Match[str]) -> str | None:
    word = m.group()
    return fold_homoglyphs(word) if _LATIN.search(word) else None


# ---- 5. letter-spaced words ------------------------------------------------------------------------------------
_LETTER = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_SPACED = re.compile(f"(?<![{_LETTER}0-9])[{_LETTER}](?: [{_LETTER}]){{2,}}(?![{_LETTER}0-9])")


def _join_letters(m: re.Match[str]) -> str:
    return m.group().replace(" ", "")


# ---- 6. filler between listed words ----------------------------------------------------------------------------
_ORDINALS = (r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
             r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
             r"|twenty[\s-]?(?:first|second|third|fourth)")
_FILLER = re.compile(
    r"(?:\bthe\s+)?(?:\b(?:word|no|nr|number)\s*\.?\s*#?\d{1,2}|#\d{1,2}|\b\d{1,2}(?:st|nd|rd|th)|\b(?:" + _ORDINALS + r"))"
    r"(?:\s+(?:word|one))?(?:\s*(?:is|was|=|:|-|\))(?![^\W\d_]))?"
    r"|\b(?:and\s+)?then\b|\bnext\b|\bfollowed\s+by\b|\bafter\s+that\b|\bfinally\b|\b(?:the\s+)?words\s+are\b"
    r"|第\s*[0-9一二三四五六七八九十]{1,3}\s*[个個]?\s*(?:单词|單詞|词|詞|字)?\s*(?:是|为|為)?\s*[:：]?"
    r"|然后|然後|接着|接著|依次是|分别是|分別是|顺序是|順序是",
    re.I,
)
_FILLER_GAP = 40  # characters between two fillers of one list
_FILLER_RUN = 3


def _drop_fillers(text: str) -> tuple[str, _Map | None]:
    """Fillers in clusters of at least three close together become a space (one pass, one cluster kept)."""
    cluster: list[re.Match[str]] = []
    keep: list[tuple[int, int]] = []
    for m in _FILLER.finditer(text):
        if not m.group().strip():
            continue
        if cluster and m.start() - cluster[-1].end() > _FILLER_GAP:
            if len(cluster) >= _FILLER_RUN:
                keep += [x.span() for x in cluster]
            cluster = []
        cluster.append(m)
    if len(cluster) >= _FILLER_RUN:
        keep += [x.span() for x in cluster]
    if not keep:
        return text, None
    wanted = set(keep)
    return _rewrite(text, _FILLER, lambda m: " " if m.span() in wanted else None)


# ---- the whole ---------------------------------------------------------------------------------------------------
_NEEDS_MARKUP = re.compile(r"[<&\\]")


def normalise(text: str) -> Normalised:
    """The text as the scanner reads it, with the maps back to `text`."""
    maps: list[_Map] = []
    current = text
    if _NEEDS_MARKUP.search(current):
        current, omap = _rewrite(current, _MARKUP, _unmarkup)
        if omap:
            maps.append(omap)
    if not current.isascii():
        one, pattern = _fold_tables()
        current = current.translate(one)
        current, omap = _rewrite(current, pattern, _nfkc_piece)
        if omap:
            maps.append(omap)
            current = current.translate(one)  # NFKC output of a cluster may itself be a space or wide form
        current, omap = _rewrite(current, _MIXED_WORD, _homoglyph_word)
        # homoglyph folding keeps every length: its map is the identity, so it is not kept
    if " " in current:
        current, omap = _rewrite(current, _SPACED, _join_letters)
        if omap:
            maps.append(omap)
    current, omap = _drop_fillers(current)
    if omap:
        maps.append(omap)
    return Normalised(text, current, tuple(maps))
