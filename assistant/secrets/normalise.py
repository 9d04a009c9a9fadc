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
5. letter-spaced words (`a b a n d o n`, `a.b.a.n.d.o.n`, one letter a line) are joined, and Chinese list
   numbering (`第3个：`) becomes a space;
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
from collections.abc import Callable, Iterable, Iterator
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


Edit = tuple[int, int, str]  # replace text[start:end] with the string


def _apply(text: str, edits: Iterable[Edit]) -> tuple[str, _Map | None]:
    """Apply non-overlapping edits given in text order, recording the offset map (None: nothing changed)."""
    out: list[str] = []
    omap = _Map(in_len=len(text))
    pos = 0  # input consumed
    size = 0  # output written
    for start, end, new in edits:
        if start < pos or text[start:end] == new:
            continue
        if start > pos:
            omap.add(size, pos, start, True)
            out.append(text[pos:start])
            size += start - pos
        omap.add(size, start, end, False)
        out.append(new)
        size += len(new)
        pos = end
    if not out:
        return text, None
    omap.add(size, pos, len(text), True)
    out.append(text[pos:])
    return "".join(out), omap


def _rewrite(text: str, pattern: re.Pattern[str], replace: Callable[[re.Match[str]], str | None]) -> tuple[str, _Map | None]:
    """`pattern.sub(replace, text)` that also records the offset map; `replace` returning None keeps the match."""
    def edits() -> Iterator[Edit]:
        for m in pattern.finditer(text):
            new = replace(m)
            if new is not None:
                yield m.start(), m.end(), new
    return _apply(text, edits())


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


@dataclass(frozen=True, slots=True)
class _FoldTables:
    one: dict[int, str]  # one-to-one folds (wide letters and digits, Unicode spaces, letter-like symbols)
    one_present: re.Pattern[str]  # any character `one` changes (BMP: a fast character-class scan)
    other: re.Pattern[str]  # combining marks, format characters, forms that change length (BMP)
    astral: re.Pattern[str]  # the same for characters outside the BMP (mathematical letters, tags…)


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@cache
def _fold_tables() -> _FoldTables:
    one: dict[int, str] = {ord(c): " " for c in _SPACES}
    other: list[str] = []
    for lo, hi in _NFKC_RANGES:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            category = unicodedata.category(ch)
            if cp in one or category in ("Cs", "Co", "Cn"):
                continue
            if category == "Cf":
                other.append(ch)
                continue
            form = unicodedata.normalize("NFKC", ch)
            if form == ch:
                continue
            if len(form) == 1:
                if form.isalnum():  # punctuation keeps its wide form: labels match either
                    one[cp] = form
            else:
                other.append(ch)
    extra = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    bmp_one = "".join(re.escape(chr(c)) for c in one if c <= 0xFFFF)
    astral_one = "".join(re.escape(chr(c)) for c in one if c > 0xFFFF)
    bmp_other = "".join(re.escape(c) for c in other if ord(c) <= 0xFFFF)
    astral_other = "".join(re.escape(c) for c in other if ord(c) > 0xFFFF)
    return _FoldTables(
        one,
        re.compile(f"[{bmp_one}]"),
        re.compile(f"[{_MARKS}{bmp_other}{extra}]+"),
        re.compile(f"[{astral_one}{astral_other}\U000e0001\U000e0020-\U000e007f]"),
    )


def _nfkc_edits(text: str, pattern: re.Pattern[str]) -> Iterator[Edit]:
    """Drop format characters; compose combining marks with the letter before them; expand other forms."""
    for m in pattern.finditer(text):
        start, end = m.span()
        if unicodedata.combining(text[start]) and start > 0 and not text[start - 1].isspace():
            start -= 1  # the letter the marks belong to
        kept = "".join(c for c in text[start:end] if unicodedata.category(c) != "Cf")
        yield start, end, unicodedata.normalize("NFKC", kept) if kept else ""


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
# A word holding at least one look-alike is folded when it also holds a Latin letter or a digit.
_GLYPH = re.compile(f"[{_GLYPHS}]")
_WORD_TAIL = re.compile(r"[^\W_]*")
_LATIN = re.compile(r"[A-Za-z0-9]")


def fold_homoglyphs(word: str) -> str:
    """`word` with every Cyrillic/Greek look-alike replaced by its Latin letter (same length)."""
    return word.translate(_HOMOGLYPH_TABLE)


def _homoglyph_edits(text: str) -> Iterator[Edit]:
    done = 0
    for m in _GLYPH.finditer(text):
        if m.start() < done:
            continue
        start = m.start()
        while start > done and start > m.start() - 64 and (text[start - 1].isalnum()):
            start -= 1
        tail = _WORD_TAIL.match(text, m.end())
        end = tail.end() if tail else m.end()
        done = end
        word = text[start:end]
        if _LATIN.search(word):
            yield start, end, fold_homoglyphs(word)


# ---- 5. letter-spaced words ------------------------------------------------------------------------------------
_LETTER = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
# One separator, the same all through the word: "a b a n d o n", "a.b.a.n.d.o.n", "a-b-a-n-d-o-n", a letter a line.
_SPACED = re.compile(f"(?<![{_LETTER}0-9.·-])[{_LETTER}]([ .·\\n-])[{_LETTER}](?:\\1[{_LETTER}])+(?![{_LETTER}0-9])")


def _join_letters(m: re.Match[str]) -> str:
    return m.group().replace(m.group(1), "")


# ---- 6. filler between listed words ----------------------------------------------------------------------------
_ORDINALS = (r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
             r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
             r"|twenty[\s-]?(?:first|second|third|fourth)")
_FILLER = re.compile(
    r"(?:\bthe\s+)?(?:\b(?:word|number|no|nr)\s*\.?\s*#?\d{1,2}|[n№]°?\s*\d{1,2}(?=\s*[:.)-])|#\d{1,2}"
    r"|\b\d{1,2}(?:st|nd|rd|th)|\b(?:" + _ORDINALS + r"))"
    r"(?:\s+(?:word|one))?(?:\s*(?:is|was|=|:|-|\))(?![^\W\d_]))?"
    r"|\b(?:and\s+)?then\b|\bnext\b|\bfollowed\s+by\b|\bafter\s+that\b|\bfinally\b|\b(?:the\s+)?words\s+are\b"
    r"|第\s*[0-9一二三四五六七八九十]{1,3}\s*[个個]?\s*(?:单词|單詞|词|詞|字)?\s*(?:是|为|為)?\s*[:：]?"
    r"|然后|然後|接着|接著|依次是|分别是|分別是|顺序是|順序是",
    re.I,
)
# "第3个：", "第12個是": numbering a list, never a word of it (the words around are what counts).
_CJK_ORDINAL = re.compile(r"第[ \t]*[0-9]{1,2}[ \t]*[个個位]?[ \t]*(?:单词|單詞|词|詞|字)?[ \t]*(?:是|为|為)?[ \t]*[:：]?")
_FILLER_GAP = 40  # characters between two fillers of one list
_FILLER_RUN = 3


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# Case-sensitive literals over the lower-cased text: a fast first pass that finds where fillers may be.
_FILLER_HINT = re.compile(
    r"word|then|next|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth"
    r"|twentieth|twenty|finally|followed|after that|number|#|no.|nr|n°|№"
    r"|第|然后|然後|接着|接著|依次|分别|分別|顺序|順序"
)
_ORDINAL_HINT = re.compile(r"[0-9](?:st|nd|rd|th)")  # apart: a class in front of an alternation is slow


def _drop_fillers(text: str) -> tuple[str, _Map | None]:
    """Fillers in clusters of at least three close together become a space."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters lower-case to two characters
        lowered = text.translate(_ASCII_LOWER)
    hints = sorted([m.span() for m in _FILLER_HINT.finditer(lowered)] + [m.span() for m in _ORDINAL_HINT.finditer(lowered)])
    regions: list[tuple[int, int]] = []
    first = last = -1
    count = 0
    for start, end in hints:
        if count and start - last > _FILLER_GAP + 20:
            if count >= _FILLER_RUN:
                regions.append((first, last))
            count = 0
        if not count:
            first = start
        last = end
        count += 1
    if count >= _FILLER_RUN:
        regions.append((first, last))
    if not regions:
        return text, None

    def edits() -> Iterator[Edit]:
        for lo, hi in regions:
            cluster: list[tuple[int, int]] = []
            for m in _FILLER.finditer(text, max(0, lo - 12), min(len(text), hi + 12)):
                if not m.group().strip():
                    continue
                if cluster and m.start() - cluster[-1][1] > _FILLER_GAP:
                    if len(cluster) >= _FILLER_RUN:
                        yield from ((a, b, " ") for a, b in cluster)
                    cluster = []
                cluster.append(m.span())
            if len(cluster) >= _FILLER_RUN:
                yield from ((a, b, " ") for a, b in cluster)

    return _apply(text, edits())


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
        tables = _fold_tables()
        astral = _ASTRAL.search(current) is not None
        if astral or tables.one_present.search(current):
            current = current.translate(tables.one)
        patterns = (tables.other, tables.astral) if astral else (tables.other,)
        for pattern in patterns:
            current, omap = _apply(current, _nfkc_edits(current, pattern))
            if omap:
                maps.append(omap)
                current = current.translate(tables.one)  # NFKC output may itself be a space or wide form
        current, omap = _apply(current, _homoglyph_edits(current))
        # homoglyph folding keeps every length: its map is the identity, so it is not kept
    if " " in current or "." in current or "-" in current or "\n" in current:
        current, omap = _rewrite(current, _SPACED, _join_letters)
        if omap:
            maps.append(omap)
    if "第" in current:
        current, omap = _rewrite(current, _CJK_ORDINAL, lambda m: " ")
        if omap:
            maps.append(omap)
    current, omap = _drop_fillers(current)
    if omap:
        maps.append(omap)
    return Normalised(text, current, tuple(maps))
