"""Edit one translation unit in place, rewriting only the string values that changed.

The file is parsed with a style-preserving TOML library (tomlkit), so comments, key order, blank lines,
trailing `# check: ignore[...]` comments and each value's quoting (`"…"`, `'…'`, `'''…'''` for Markdown
bodies) stay as the translator wrote them; only the edited values' text changes. A value keeps its quoting
unless the new text cannot be written in it (a `'` in a one-line literal string, say), then the nearest basic
string form is used. Before anything is written the edit is checked on a copy of the content: an edit that
gives the unit errors `check` did not already report is refused with those errors as the reason. The file is
replaced atomically; a BOM, line endings and the file's mode are kept.
"""
from __future__ import annotations

import shutil
import tempfile
import tomllib
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError
from tomlkit.items import Array, String, StringType

from assistant.content.catalog import Catalog
from assistant.content.catalog import load_catalog as load_content
from assistant.i18n.l10n import L10nError, unit_entries, units_with_errors
from assistant.problems import Problem
from assistant.storage.atomic import write_bytes_atomic

Value = str | list[str] | tuple[str, ...]
Checker = Callable[[Catalog], list[Problem]]  # every problem `check` reports, e.g. check_catalog(c, locale)[0]
BOM = "\ufeff"


class EditRefused(L10nError):
    """The edit was not saved; the message says why. `problems`: the errors it would have caused."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


# ---- one file's text ------------------------------------------------------------------------------------

_FALLBACK = {StringType.SLL: StringType.SLB, StringType.MLL: StringType.MLB}


def _string_like(old: String, value: str) -> String:
    """`value` as a string item quoted the way `old` is (same trivia), or the basic form of that quoting."""
    kind = old.type
    if "\n" in value and not kind.is_multiline():
        kind = StringType.MLL if kind is StringType.SLL else StringType.MLB
    try:
        new = String.from_raw(value, kind)
    except TOMLKitError:
        kind = _FALLBACK.get(kind, kind)
        new = String.from_raw(value, kind)
    original = new._original
    if kind.is_multiline() and old.type.is_multiline():
        # keep the line break after the opening quotes (`'''` then the body on the next line) if there was one
        lead = "\r\n" if old._original.startswith("\r\n") else "\n" if old._original.startswith("\n") else ""
        if lead and not original.startswith(("\n", "\r")):
            original = lead + original
    return String(kind, value, original, old.trivia)


def _replace(container: Any, key: str, value: Value, where: str) -> None:
    old = container[key]
    if isinstance(value, str):
        if not isinstance(old, String):
            raise EditRefused(f"{where} is not a text in the file; edit it in the file itself")
        if str(old) != value:
            container[key] = _string_like(old, value)
        return
    if not isinstance(old, Array) or not all(isinstance(v, String) for v in old):
        raise EditRefused(f"{where} is not a list of texts in the file; edit it in the file itself")
    items = list(old)
    for index, (before, after) in enumerate(zip(items, value, strict=False)):
        if str(before) != after:
            old[index] = _string_like(before, after)
    like = items[-1] if items else String.from_raw("")
    for extra in value[len(items):]:  # added at the end, quoted like the last one
        old.append(_string_like(like, extra))
    for index in range(len(items) - 1, len(value) - 1, -1):
        del old[index]


def edit_text(text: str, changes: Mapping[tuple[str, ...], Value]) -> str:
    """The TOML `text` with the strings at the given key paths set to new values; every other byte kept."""
    bom = BOM if text.startswith(BOM) else ""
    try:
        doc = tomlkit.parse(text.removeprefix(BOM))
    except TOMLKitError as exc:
        raise EditRefused(f"the file cannot be read as TOML ({exc}); fix it in an editor first") from exc
    for path, value in changes.items():
        where = ".".join(path)
        container: Any = doc
        for part in path[:-1]:
            if part not in container or not hasattr(container[part], "keys"):
                raise EditRefused(f"{where} is not in the file; add it in an editor first")
            container = container[part]
        if path[-1] not in container:
            raise EditRefused(f"{where} is not in the file; add it in an editor first")
        _replace(container, path[-1], value, where)
    new = bom + doc.as_string()
    _verify(text, new, changes)
    return new


def _verify(old: str, new: str, changes: Mapping[tuple[str, ...], Value]) -> None:
    """The new text must read back as the old data with exactly the requested changes."""
    want = tomllib.loads(old.removeprefix(BOM))
    for path, value in changes.items():
        table = want
        for part in path[:-1]:
            table = table[part]
        table[path[-1]] = value if isinstance(value, str) else list(value)
    if tomllib.loads(new.removeprefix(BOM)) != want:
        raise EditRefused("the edit could not be written without changing other texts; edit the file in an editor")


# ---- a unit of the catalog ----------------------------------------------------------------------------------

def _key_path(key: str) -> tuple[str, ...]:
    """'ui.wsa_test.title' → ('wsa_test', 'title'): the key inside its file (the first part names the file)."""
    return tuple(key.split(".")[1:])


def unit_values(catalog: Catalog, locale: str, unit: str) -> dict[str, str | tuple[str, ...]]:
    """The unit's texts as written in `locale`'s file, by text key, in file order."""
    return {key: entry.value for key, entry in unit_entries(catalog, locale, unit).items()}


def plan_edit(catalog: Catalog, locale: str, unit: str, values: Mapping[str, Value]) -> tuple[Path, str, str]:
    """(file, old text, new text) for setting the unit's texts to `values` (text key → value)."""
    info = catalog.locales.get(locale)
    if info is None or info.pseudo:
        raise EditRefused(f"{locale!r} has no files to edit")
    entries = unit_entries(catalog, locale, unit)
    if not entries:
        raise EditRefused(f"{unit} is not translated in {locale} yet; create it in the file first")
    unknown = [key for key in values if key not in entries]
    if unknown:
        raise EditRefused(f"{', '.join(unknown)} is not in {unit} in {locale}; add it in the file first")
    paths = {entries[key].path for key in values}
    if len(paths) > 1:
        raise EditRefused(f"{unit} is spread over several files; edit them one at a time")
    path = paths.pop() if paths else next(iter(entries.values())).path
    changes = {_key_path(key): value for key, value in values.items()
               if (value if isinstance(value, str) else tuple(value)) != entries[key].value}
    old = path.read_bytes().decode("utf-8")
    return path, old, edit_text(old, changes) if changes else old


def _new_errors(catalog: Catalog, locale: str, unit: str, path: Path, text: str, check: Checker,
                before: list[Problem] | None) -> tuple[list[Problem], Path]:
    """Errors the unit would have after the edit that it does not have now, rendered against a copy."""
    had = Counter((p.code, p.message) for p in units_with_errors(
        catalog, locale, check(catalog) if before is None else before).get(unit, []))
    with tempfile.TemporaryDirectory(prefix="wsa-edit-") as tmp:
        copy = Path(tmp) / catalog.content_dir.name
        shutil.copytree(catalog.content_dir, copy, ignore=shutil.ignore_patterns("__pycache__"))
        (copy / path.relative_to(catalog.content_dir)).write_bytes(text.encode("utf-8"))
        trial = load_content(copy)
        found = []
        for p in units_with_errors(trial, locale, check(trial)).get(unit, []):
            if had[(p.code, p.message)]:
                had[(p.code, p.message)] -= 1
            else:
                found.append(p)
        return found, Path(tmp)


def save_unit(catalog: Catalog, locale: str, unit: str, values: Mapping[str, Value], *,
              check: Checker | None = None, before: list[Problem] | None = None) -> list[str]:
    """Write the unit's new texts into its file; returns the keys whose text changed (nothing written if none).

    `check`: refuse, writing nothing, when the edit gives the unit errors it did not have (`before`: the
    problems already reported for the catalog; checked anew when not given).
    """
    path, old, new = plan_edit(catalog, locale, unit, values)
    if new == old:
        return []
    if check is not None:
        errors, base = _new_errors(catalog, locale, unit, path, new, check, before)
        if errors:
            lines = "\n".join(f"  {p.render(base)}" for p in errors)
            raise EditRefused(f"not saved: {unit} would have errors in {locale}:\n{lines}", errors)
    write_bytes_atomic(path, new.encode("utf-8"), path.stat().st_mode & 0o777)
    entries = unit_entries(catalog, locale, unit)
    return [key for key, value in values.items()
            if (value if isinstance(value, str) else tuple(value)) != entries[key].value]
