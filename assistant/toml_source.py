"""Read a TOML content file and remember where each key stands, so errors can name file:line:col.

tomllib gives no positions for values; a light line scan recovers them for the shapes our content uses
(table headers, array-of-table headers, `key = value` lines, multi-line strings skipped).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import ContentError

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*=""")
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_FORBIDDEN_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _split_dotted(text: str) -> tuple[str, ...]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_\-]+)', text)
    return tuple(a or b or c for a, b, c in parts)


@dataclass(slots=True)
class TomlSource:
    path: Path
    data: dict
    lines: dict[tuple[str, ...], int]  # key path → 1-based line
    text_lines: tuple[str, ...] = ()  # the raw lines, for columns and keys inside inline tables

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
        found = re.search(rf"(?<![\w\-]){re.escape(word)}\s*=", self.text_lines[line - 1])
        if found is None:
            text = self.text_lines[line - 1]
            return len(text) - len(text.lstrip()) + 1
        return found.start() + 1

    def find(self, start: int, *marks: str) -> tuple[int, int]:
        """Position (line, column) of the last of `marks`, each searched after the one before, from line `start`.

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
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    array_counts: dict[tuple[str, ...], int] = {}
    in_multiline: str | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if raw.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = _HEADER.match(raw)
        if header:
            name = _split_dotted(header.group(2))
            if header.group(1) == "[[":
                index = array_counts.get(name, 0)
                array_counts[name] = index + 1
                table = name + (str(index),)
            else:
                table = name
            lines.setdefault(table, number)
            lines.setdefault(name, number)
            continue
        key = _KEY.match(raw)
        if key:
            full = table + _split_dotted(key.group(1))
            lines.setdefault(full, number)
            rest = raw[key.end():]
            for quote in ("'''", '"""'):
                if rest.count(quote) % 2 == 1:
                    in_multiline = quote
                    break
    return lines


def read_toml(path: Path) -> TomlSource:
    """Parse a UTF-8 TOML file or raise ContentError with the position and a hint."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(path, 1, 1, "E002", f"cannot read the file ({exc.strerror}); check it exists and is readable") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ContentError(path, 1, 1, "E002", "the file starts with a byte-order mark; save it as UTF-8 without BOM")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(path, line, 1, "E002", "the file is not valid UTF-8; save it with UTF-8 encoding") from None
    bad = _FORBIDDEN_CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
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
    return TomlSource(path, data, _index_lines(text), tuple(text.splitlines()))
