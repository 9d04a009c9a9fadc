"""Where things stand in a content TOML file: every error names file:line:col, and edits keep the formatting.

tomllib gives data without positions or comments. One line scanner follows strings (including multi-line
ones), so for every line it knows which table it is in, which key's value it belongs to and whether it
carries a comment. `read_toml` uses it to name the line of each key; `check` for duplicate keys and
`# check: ignore[...]` comments; `l10n accept` to place `lock = "…"` lines without re-serialising the file.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ContentError, line_col

_BARE = re.compile(r"[A-Za-z0-9_\-]+")
_KEY_PART = re.compile(r"""\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_\-]+))\s*""")
_OUTSIDE = re.compile(r"""'''|\"\"\"|["'#\[\]{}]""")
_IN_STRING = {
    '"': re.compile(r'\\|"'),
    "'": re.compile(r"'"),
    '"""': re.compile(r'\\|"""'),
    "'''": re.compile(r"'''"),
}


@dataclass(slots=True)
class Line:
    number: int  # 1-based
    text: str
    table: tuple[str, ...]  # the table this line is in (for a header: the table it opens)
    header: tuple[str, ...] | None = None  # set on `[a.b]` / `[[a.b]]` lines
    key: tuple[str, ...] | None = None  # full path of the key whose value starts on this line
    owner: tuple[str, ...] | None = None  # full path of the key whose value covers this line
    comment: str | None = None  # text after `#` outside strings


def _parse_key(text: str, pos: int) -> tuple[tuple[str, ...], int] | None:
    """Parse a dotted key at `pos`; return (parts, position after the key) or None."""
    parts: list[str] = []
    while True:
        m = _KEY_PART.match(text, pos)
        if not m:
            return None
        basic, literal, bare = m.groups()
        parts.append(bare if bare is not None else literal if literal is not None else _unescape(basic))
        pos = m.end()
        if pos < len(text) and text[pos] == ".":
            pos += 1
            continue
        return tuple(parts), pos


def _unescape(value: str) -> str:
    try:
        return value.encode("utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8") if "\\" in value else value
    except UnicodeError:
        return value


def quote_key(part: str) -> str:
    return part if _BARE.fullmatch(part) else '"' + part.replace("\\", "\\\\").replace('"', '\\"') + '"'


def scan(text: str) -> list[Line]:
    lines: list[Line] = []
    table: tuple[str, ...] = ()
    arrays: dict[tuple[str, ...], int] = {}
    state: str | None = None  # None, or the closing delimiter of the string we are in
    owner: tuple[str, ...] | None = None
    depth = 0  # brackets/braces open across lines (multi-line arrays)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = Line(number, raw, table)
        pos = 0
        if state is None and depth == 0:
            owner = None
            stripped = raw.lstrip()
            if stripped.startswith("["):
                double = stripped.startswith("[[")
                start = len(raw) - len(stripped) + (2 if double else 1)
                parsed = _parse_key(raw, start)
                if parsed:
                    name, end = parsed
                    if double:
                        index = arrays.get(name, 0)
                        arrays[name] = index + 1
                        table = (*name, str(index))
                    else:
                        table = name
                    line.table, line.header = table, name
                    pos = raw.find("]", end) + (2 if double else 1)
            elif stripped and not stripped.startswith("#"):
                parsed = _parse_key(raw, len(raw) - len(stripped))
                if parsed and parsed[1] < len(raw) and raw[parsed[1]] == "=":
                    owner = (*table, *parsed[0])
                    line.key = owner
                    pos = parsed[1] + 1
        line.owner = owner
        # follow strings and brackets to the end of the line, noting a comment outside strings
        while pos < len(raw):
            m = _IN_STRING[state].search(raw, pos) if state else _OUTSIDE.search(raw, pos)
            if not m:
                break
            token, pos = m.group(), m.end()
            if state is None:
                if token == "#":
                    line.comment = raw[pos:].strip()
                    break
                if token in "[{":
                    depth += 1
                elif token in "]}":
                    depth = max(0, depth - 1)
                else:
                    state = token
            elif token == "\\":
                pos += 1  # skip the escaped character
            else:
                while len(state) == 3 and pos < len(raw) and raw[pos] == state[0]:
                    pos += 1  # up to two quotes may sit right before a closing triple quote
                state = None
        if state in ('"', "'"):
            state = None  # a single-line string cannot continue; tomllib reports the syntax error
        lines.append(line)
    return lines


def unit_of(path: tuple[str, ...]) -> tuple[str, ...]:
    """Units are the [flow] table and each [nodes.<id>] table of a flow file, or any top-level table."""
    return path[:2] if path and path[0] == "nodes" else path[:1]


def line_unit(line: Line) -> tuple[str, ...]:
    if line.owner is not None:
        return unit_of(line.owner)
    return unit_of(line.header if line.header is not None else line.table)


def first_definitions(lines: list[Line]) -> dict[tuple[str, ...], int]:
    """Line where each key path (and every prefix a dotted key or header implies) is first written."""
    seen: dict[tuple[str, ...], int] = {}
    for line in lines:
        path = line.header if line.header is not None else line.key
        if path is None:
            continue
        for i in range(1, len(path) + 1):
            seen.setdefault(path[:i], line.number)
    return seen


def duplicate_at(lines: list[Line], number: int) -> tuple[tuple[str, ...], int] | None:
    """For a line tomllib rejected as a redefinition: (key path, line where it was first defined)."""
    target = next((ln for ln in lines if ln.number == number), None)
    if target is None:
        return None
    path = target.header if target.header is not None else target.key
    if path is None:
        return None
    earlier = first_definitions([ln for ln in lines if ln.number < number])
    for i in range(len(path), 0, -1):
        if path[:i] in earlier and (i == len(path) or target.header is None):
            return path[:i], earlier[path[:i]]
    return None


# ---- parsed files with positions -------------------------------------------------------------------------
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_FORBIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(slots=True)
class TomlSource:
    path: Path
    data: dict
    lines: dict[tuple[str, ...], int]  # key path → 1-based line
    text_lines: tuple[str, ...] = ()  # the raw lines, for columns and keys inside inline tables
    warnings: tuple[ContentError, ...] = ()  # W002: a byte-order mark or CRLF line ends (the file is still used)

    def line_of(self, *key: str | int, default: int = 1) -> int:
        """Line of the deepest known prefix of `key` (so a bad value in an inline table names its line)."""
        parts = tuple(str(k) for k in key)
        while parts:
            if parts in self.lines:
                return self.lines[parts]
            parts = parts[:-1]
        return default

    def error(self, code: str, message: str, *key: str | int) -> ContentError:
        """An error at the deepest known prefix of `key`; the column is that key's own when it is on the line."""
        line = self.line_of(*key)
        return ContentError(self.path, line, self._col(line, str(key[-1]) if key else ""), code, message)

    def error_at(self, code: str, message: str, position: tuple[int, int]) -> ContentError:
        return ContentError(self.path, position[0], position[1], code, message)

    def _col(self, line: int, word: str) -> int:
        if not word or not 0 < line <= len(self.text_lines):
            return 1
        text = self.text_lines[line - 1]
        found = re.search(rf"(?<![\w\-]){re.escape(word)}\s*=", text)
        return found.start() + 1 if found else len(text) - len(text.lstrip()) + 1

    def find(self, start: int, *marks: str) -> tuple[int, int]:
        """Position (line, column) of the last of `marks` (regexes), each searched after the one before, from line `start`.

        Keys inside inline tables (`choices = [{ id = "a", nxt = "b" }]`) have no index entry of their own; an
        error about one searches for it after a mark that identifies its table, such as `id = "a"`.
        """
        line, col = start, 0
        for mark in marks:
            pattern = re.compile(mark)
            for number in range(line, len(self.text_lines) + 1):
                found = pattern.search(self.text_lines[number - 1], col if number == line else 0)
                if found:
                    line, col = number, found.start()
                    break
            else:
                return start, 1
        return line, col + 1


def _index_lines(text: str) -> dict[tuple[str, ...], int]:
    """Key path → line where it is first written (tables, array-of-table entries by index, keys)."""
    index: dict[tuple[str, ...], int] = {}
    for line in scan(text):
        if line.header is not None:
            index.setdefault(line.table, line.number)
            index.setdefault(line.header, line.number)
        elif line.key is not None:
            index.setdefault(line.key, line.number)
    return index


def read_toml(path: Path) -> TomlSource:
    """Parse a UTF-8 TOML file or raise ContentError with the position and a hint."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(path, 1, 1, "E002", f"cannot read the file ({exc.strerror}); check it exists and is readable") from None
    warnings: list[ContentError] = []
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
        warnings.append(ContentError(path, 1, 1, "W002", "the file starts with a byte-order mark (BOM); it is used anyway, "
                                                         "but save it as UTF-8 without BOM"))
    if b"\r\n" in raw:
        line = raw[: raw.find(b"\r\n")].count(b"\n") + 1
        warnings.append(ContentError(path, line, 1, "W002", "the file has Windows (CRLF) line ends; it is used anyway, "
                                                            "but save it with Unix (LF) line ends"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(path, line, 1, "E002", "the file is not valid UTF-8; save it with UTF-8 encoding") from None
    bad = _FORBIDDEN_CONTROL.search(text)
    if bad:
        line, col = line_col(text, bad.start())
        raise ContentError(path, line, col, "E003", f"control character U+{ord(bad.group()):04X}; delete it")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        pos = _TOML_POS.search(str(exc))
        line, col = (int(pos.group(1)), int(pos.group(2))) if pos else (1, 1)
        message = _TOML_POS.sub("", str(exc)).strip()
        raise ContentError(
            path, line, col, "E001",
            f"TOML syntax error: {message}; check quotes, brackets and that multi-line text is inside ''' … '''",
        ) from None
    return TomlSource(path, data, _index_lines(text), tuple(text.splitlines()), tuple(warnings))
