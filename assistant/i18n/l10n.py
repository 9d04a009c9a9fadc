"""Translator workflow without git: coverage and freshness, source diffs, accepting units, new locales.

Locks. Each translated unit (the [flow] table or a [nodes.<id>] table of a flow file, or a top-level table
of any other file) may hold `lock = "<8 hex>"`: the hash of the source unit it was translated from.
A different current hash means the source changed since: the unit is *outdated*.

Snapshots. `accept` also stores the source text it locked against in
`content/locales/<locale>/.source-snapshot.toml` (machine-written, hidden from the loader), so `diff` can
show exactly what changed in the source since — offline, without version control.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from assistant.content.catalog import LOCK_KEY, Catalog, required_keys
from assistant.i18n.snapshots import (
    L10nError,
    read_snapshots,
    resolve_unit,
    source_units,
    unit_entries,
    unit_texts,
    write_snapshots,
)
from assistant.problems import Problem, Severity
from assistant.storage.atomic import write_text_atomic
from assistant.toml_positions import Line, line_unit, quote_key, scan, unit_of

# ---- status ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class UnitState:
    unit: str
    state: str  # current | outdated | unlocked | untranslated | missing | partial
    path: Path | None
    line: int
    keys: int  # texts in the source unit
    present: int  # of those, texts the locale has


@dataclass(slots=True)
class LocaleStatus:
    locale: str
    units: list[UnitState] = field(default_factory=list)
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # file name → (present, total)

    def count(self, state: str) -> int:
        return sum(u.state == state for u in self.units)


def _same_on_purpose(catalog: Catalog, locale: str) -> tuple[set[tuple[Path, tuple[str, ...]]], set[Path]]:
    """Keys and units marked `# check: ignore[W052]` (meant to read the same as the source), and whole files."""
    keys: set[tuple[Path, tuple[str, ...]]] = set()
    files: set[Path] = set()
    for path in {e.path for e in catalog.texts.get(locale, {}).values()}:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeError):
            continue
        if "W052" not in text:
            continue
        for ln in scan(text):
            if not ln.comment or not re.search(r"check:\s*ignore\[[^\]]*W052", ln.comment):
                continue
            if ln.owner is not None:
                keys.add((path, ln.owner))
            elif ln.table:
                keys.add((path, unit_of(ln.table)))
            else:
                files.add(path)
    return keys, files


def _blank(value: str | tuple[str, ...]) -> bool:
    return not (value.strip() if isinstance(value, str) else any(v.strip() for v in value))


def translated_keys(catalog: Catalog, locale: str) -> set[str]:
    """Keys the locale really translated: present, not empty, and not a copy of another language's text
    (what `l10n new` leaves) unless marked as the same on purpose."""
    from assistant.i18n.glossary import keep_words, looks_untranslated

    table = catalog.texts.get(locale, {})
    if locale == catalog.source_locale:
        return set(table)
    keep = keep_words(catalog)
    others = [code for code, info in catalog.locales.items() if code != locale and not info.pseudo]
    marked, whole_files = _same_on_purpose(catalog, locale)
    done: set[str] = set()
    for key, entry in table.items():
        values = (entry.value,) if isinstance(entry.value, str) else entry.value
        if not values or not all(v.strip() for v in values):
            continue
        text = "\n".join(values)
        copied = False
        for code in others:
            ref = catalog.texts.get(code, {}).get(key)
            if ref is not None and looks_untranslated(text, ref.value if isinstance(ref.value, str) else "\n".join(ref.value), keep):
                copied = True
                break
        if copied:
            inner = tuple(key.split(".")[1:])
            if entry.path not in whole_files and not any((entry.path, inner[:n]) in marked for n in range(1, len(inner) + 1)):
                continue
        done.add(key)
    return done


def status(catalog: Catalog, locale: str) -> LocaleStatus:
    """Coverage counts only real translations: a text copied from another language is `untranslated`."""
    result = LocaleStatus(locale)
    source = catalog.texts.get(catalog.source_locale, {})
    table = catalog.texts.get(locale, {})
    locks = catalog.locks.get(locale, {})
    done = translated_keys(catalog, locale)
    for unit, all_keys in source_units(catalog).items():
        # an empty source text (an email label left out on purpose) has nothing to translate
        keys = [k for k in all_keys if not _blank(source[k].value)] or all_keys
        present = [k for k in keys if k in table]
        mine = [k for k in keys if k in done]
        name = source[keys[0]].path.name
        have, total = result.files.get(name, (0, 0))
        result.files[name] = (have + len(mine), total + len(keys))
        if not present:
            result.units.append(UnitState(unit, "missing", None, 0, len(keys), 0))
            continue
        first = table[present[0]]
        if locale == catalog.source_locale:
            state = "current"
        elif not mine:
            state = "untranslated"
        elif len(mine) < len(keys):
            state = "partial"
        elif unit not in locks:
            state = "unlocked"
        else:
            state = "outdated" if catalog.is_outdated(locale, unit) else "current"
        result.units.append(UnitState(unit, state, first.path, first.line, len(keys), len(mine)))
    return result


def flow_coverage(catalog: Catalog, locale: str) -> dict[str, tuple[int, int]]:
    """Per flow: (texts really translated, texts the flow needs)."""
    done = translated_keys(catalog, locale)
    return {fid: (sum(k in done for k, _ in required_keys(flow)), len(required_keys(flow)))
            for fid, flow in catalog.flows.items()}


# ---- accept: write lock lines ----------------------------------------------------------------------------

def set_lock(text: str, unit_path: tuple[str, ...], lock: str) -> str:
    """Return `text` with `lock = "<lock>"` set in the table `unit_path`, touching nothing else."""
    lines = scan(text)
    raw = text.splitlines(keepends=True)
    target = (*unit_path, LOCK_KEY)
    existing = next((ln for ln in lines if ln.key == target), None)
    if existing is not None:
        i = existing.number - 1
        head, sep, tail = raw[i].partition("=")
        m = re.match(r"""(\s*)(["'])([^"']*)\2""", tail)
        if not m:
            raise L10nError(f"line {existing.number}: cannot read the lock value; write it as lock = \"…\"")
        raw[i] = head + sep + m.group(1) + f'"{lock}"' + tail[m.end():]
        return "".join(raw)
    newline = "\r\n" if raw and raw[0].endswith("\r\n") else "\n"
    header = next((ln for ln in lines if ln.header == unit_path), None)
    if header is not None:
        raw.insert(header.number, f'{LOCK_KEY} = "{lock}"{newline}')
        return "".join(raw)
    sub = next((ln for ln in lines if ln.header is not None and ln.header[:len(unit_path)] == unit_path), None)
    keyed = next((ln for ln in lines if ln.key is not None and ln.key[:len(unit_path)] == unit_path), None)
    if keyed is not None and (sub is None or keyed.number < sub.number):
        rel = unit_path[len(keyed.table):] if keyed.table == unit_path[:len(keyed.table)] else None
        if rel is None:
            raise L10nError(f"cannot place a lock for [{'.'.join(unit_path)}]; give it its own [{'.'.join(unit_path)}] header")
        indent = keyed.text[: len(keyed.text) - len(keyed.text.lstrip())]
        dotted = ".".join(quote_key(p) for p in (*rel, LOCK_KEY))
        raw.insert(keyed.number - 1, f'{indent}{dotted} = "{lock}"{newline}')
        return "".join(raw)
    if sub is not None:
        name = ".".join(quote_key(p) for p in unit_path)
        raw.insert(sub.number - 1, f'[{name}]{newline}{LOCK_KEY} = "{lock}"{newline}{newline}')
        return "".join(raw)
    raise L10nError(f"the file has no [{'.'.join(unit_path)}] table to lock")


def _unit_path(unit: str) -> tuple[str, ...]:
    return tuple(unit.split(".")[1:])


def file_units(catalog: Catalog, locale: str, name: str) -> list[str] | None:
    """The units a file name or path (`ui.toml`, `content/locales/ja/ui.toml`) holds in `locale`; None if `name`
    is not a file name."""
    if not name.endswith(".toml"):
        return None
    base = Path(name).name
    units = {e.unit: None for e in catalog.texts.get(locale, {}).values() if e.path.name == base}
    if not units:
        raise L10nError(f"{locale} has no translated file {base!r}; `main.py l10n status {locale}` lists the files")
    return [u for u in units if u in catalog.unit_hashes]


def expand_names(catalog: Catalog, locale: str, names: list[str]) -> list[str]:
    """Unit names, text keys and file names → unit names, in order, without repeats."""
    out: dict[str, None] = {}
    for name in names:
        units = file_units(catalog, locale, name)
        for unit in units if units is not None else [resolve_unit(catalog, locale, name)]:
            out[unit] = None
    return list(out)


def units_with_errors(catalog: Catalog, locale: str, problems: list[Problem]) -> dict[str, list[Problem]]:
    """unit → the errors `check` reports inside it (in `locale`'s files)."""
    folder = catalog.content_dir / "locales" / locale
    found: dict[str, list[Problem]] = {}
    lines: dict[Path, dict[int, Line]] = {}
    for p in problems:
        if p.severity is not Severity.ERROR or p.path.parent != folder:
            continue
        if p.path not in lines:
            try:
                lines[p.path] = {ln.number: ln for ln in scan(p.path.read_text(encoding="utf-8-sig"))}
            except (OSError, UnicodeError):
                lines[p.path] = {}
        ln = lines[p.path].get(p.line)
        if ln is None:
            continue
        inner = line_unit(ln)
        if inner:
            found.setdefault(".".join((p.path.stem, *inner)), []).append(p)
    return found


def accept(catalog: Catalog, locale: str, names: list[str] | None,
           errors: dict[str, list[Problem]] | None = None) -> list[str]:
    """Lock the given units, files or keys (None: every translated unit) to the current source; returns the
    units changed. Refuses, writing nothing, while a named unit has errors (`errors`: units_with_errors)."""
    if locale == catalog.source_locale:
        raise L10nError(f"{locale} is the source language; only translations carry locks")
    if locale not in catalog.locales or catalog.locales[locale].pseudo:
        raise L10nError(f"unknown locale {locale!r}; enabled: {', '.join(catalog.locales)}")
    present = {e.unit for e in catalog.texts.get(locale, {}).values()}
    wanted = sorted(present & set(catalog.unit_hashes)) if names is None else expand_names(catalog, locale, names)
    blocked = [u for u in wanted if errors and errors.get(u)]
    if blocked:
        base = catalog.content_dir.parent
        shown = "; ".join(f"{u}: {errors[u][0].render(base)}" + (f" (and {len(errors[u]) - 1} more)" if len(errors[u]) > 1 else "")
                          for u in blocked[:5] if errors)
        raise L10nError(f"not accepted: {len(blocked)} unit(s) still have errors — fix them first "
                        f"(`main.py check --locale {locale}`): {shown}")
    by_file: dict[Path, list[str]] = {}
    for unit in wanted:
        entries = unit_entries(catalog, locale, unit)
        if not entries:
            raise L10nError(f"{locale} has no translation of {unit} yet; translate it first")
        by_file.setdefault(next(iter(entries.values())).path, []).append(unit)
    snapshots = read_snapshots(catalog, locale)
    changed: list[str] = []
    for path, file_units in by_file.items():
        text = path.read_text(encoding="utf-8-sig")
        before = tomllib.loads(text)
        new = text
        for unit in file_units:
            new = set_lock(new, _unit_path(unit), catalog.unit_hashes[unit])
        _verify(path, before, new, {_unit_path(u): catalog.unit_hashes[u] for u in file_units})
        if new != text:
            write_text_atomic(path, new)
        for unit in file_units:
            if catalog.locks.get(locale, {}).get(unit) != catalog.unit_hashes[unit] or unit not in snapshots:
                changed.append(unit)
            snapshots[unit] = {"lock": catalog.unit_hashes[unit], "source_locale": catalog.source_locale,
                               **unit_texts(catalog, catalog.source_locale, unit)}
    write_snapshots(catalog, locale, snapshots)
    return changed


def _verify(path: Path, before: dict, text: str, locks: dict[tuple[str, ...], str]) -> None:
    """The edit must parse and change nothing but the lock values."""
    try:
        after = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise L10nError(f"{path}: placing the lock would break the file ({exc}); nothing was written") from None
    for unit_path, lock in locks.items():
        node_a, node_b = after, before
        for part in unit_path:
            node_a = node_a.get(part, {})
            node_b = node_b.get(part, {})
        if node_a.get(LOCK_KEY) != lock or {k: v for k, v in node_a.items() if k != LOCK_KEY} != \
                {k: v for k, v in node_b.items() if k != LOCK_KEY}:
            raise L10nError(f"{path}: could not place the lock of [{'.'.join(unit_path)}] safely; nothing was written")


