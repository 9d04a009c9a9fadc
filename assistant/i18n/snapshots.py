"""Snapshots of the source a translation was locked against, and the diff of what changed in it since.

`accept` stores the source text it locked against in `content/locales/<locale>/.source-snapshot.toml`
(machine-written, hidden from the loader), so `diff` shows exactly what changed — offline, without version control.
"""
from __future__ import annotations

import difflib
import json
import re
import tomllib
from pathlib import Path

from assistant.content.catalog import Catalog, TextEntry
from assistant.errors import AssistantError
from assistant.storage.atomic import write_text_atomic

SNAPSHOT_FILE = ".source-snapshot.toml"



class L10nError(AssistantError):
    """A localisation command could not do what was asked; the message says why and what to do."""


def source_units(catalog: Catalog) -> dict[str, list[str]]:
    """unit → its text keys in the source locale, in file order."""
    found: dict[str, list[str]] = {}
    for key, entry in catalog.texts.get(catalog.source_locale, {}).items():
        found.setdefault(entry.unit, []).append(key)
    return found


def unit_entries(catalog: Catalog, locale: str, unit: str) -> dict[str, TextEntry]:
    return {k: e for k, e in catalog.texts.get(locale, {}).items() if e.unit == unit}


def snapshot_path(catalog: Catalog, locale: str) -> Path:
    return catalog.content_dir / "locales" / locale / SNAPSHOT_FILE


def read_snapshots(catalog: Catalog, locale: str) -> dict[str, dict]:
    path = snapshot_path(catalog, locale)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, tomllib.TOMLDecodeError):
        return {}


def unit_texts(catalog: Catalog, locale: str, unit: str) -> dict[str, str | list[str]]:
    """Text of one unit as {key inside the unit: value}."""
    out: dict[str, str | list[str]] = {}
    depth = len(unit.split("."))
    for key, entry in unit_entries(catalog, locale, unit).items():
        inner = ".".join(key.split(".")[depth:])
        out[inner] = entry.value if isinstance(entry.value, str) else list(entry.value)
    return out


def _toml_string(value: str) -> str:
    if "\n" in value and "'''" not in value and not re.search(r"[\x00-\x08\x0b-\x1f\x7f]", value):
        return "'''\n" + value + "'''"
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: str | list[str]) -> str:
    if isinstance(value, str):
        return _toml_string(value)
    return "[" + ", ".join(_toml_string(v) for v in value) + "]"


def write_snapshots(catalog: Catalog, locale: str, snapshots: dict[str, dict]) -> None:
    out = ["# Written by `main.py l10n accept`: the source text each unit was translated from, so that",
           "# `main.py l10n diff` can show what changed in the source since. Do not edit by hand.", ""]
    for unit in sorted(snapshots):
        out.append(f"[{json.dumps(unit, ensure_ascii=False)}]")
        for key, value in snapshots[unit].items():
            out.append(f"{json.dumps(key, ensure_ascii=False)} = {_toml_value(value)}")
        out.append("")
    write_text_atomic(snapshot_path(catalog, locale), "\n".join(out))


def _as_lines(texts: dict) -> list[str]:
    lines: list[str] = []
    for key in sorted(k for k in texts if k not in ("lock", "source_locale")):
        value = texts[key]
        lines.append(f"[{key}]")
        lines.extend(value.splitlines() if isinstance(value, str) else [", ".join(value)])
    return lines


def unit_diff(catalog: Catalog, locale: str, unit: str) -> tuple[str, list[str]]:
    """(summary, unified diff lines of the source unit from its snapshot to now)."""
    unit = resolve_unit(catalog, locale, unit)
    lock = catalog.locks.get(locale, {}).get(unit)
    current = catalog.unit_hashes.get(unit)
    now = unit_texts(catalog, catalog.source_locale, unit)
    if lock is None:
        return (f"{unit} has no lock in {locale}, so it is unknown which source text it was translated from; "
                f"the current source is shown. After checking the translation run `main.py l10n accept {locale} {unit}`.",
                [f"  {line}" for line in _as_lines(now)])
    if lock == current:
        return f"{unit} is up to date in {locale} (lock {lock}).", []
    snap = read_snapshots(catalog, locale).get(unit)
    if not snap or snap.get("lock") != lock:
        return (f"{unit} is outdated in {locale} (lock {lock}, source now {current}), but no snapshot of the old source "
                "text was stored; compare with the current source below.", [f"  {line}" for line in _as_lines(now)])
    diff = difflib.unified_diff(_as_lines(snap), _as_lines(now), f"source when translated ({lock})",
                                f"source now ({current})", lineterm="")
    return f"{unit} is outdated in {locale}: the source changed since it was translated.", list(diff)


def resolve_unit(catalog: Catalog, locale: str, name: str) -> str:
    """Accept a unit name, or a text key inside it."""
    hashes = catalog.unit_hashes
    if name in hashes:
        return name
    for table in (catalog.texts.get(locale, {}), catalog.texts.get(catalog.source_locale, {})):
        entry = table.get(name)
        if entry is not None:
            return entry.unit
    near = difflib.get_close_matches(name, list(hashes), n=3)
    hint = f"; did you mean {', '.join(near)}?" if near else "; `main.py l10n status` lists them"
    raise L10nError(f"unknown unit {name!r}{hint}")


