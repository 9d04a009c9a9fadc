"""Validate content like a compiler: every problem as path:line:col: severity[CODE]: message.

Codes (content/README.md explains each with an example):
  E001 TOML syntax            E002 encoding / BOM / unreadable   E003 control character
  E004 key defined twice in a file                                E005 text key defined in two files of a locale
  E010-E017 flow structure and graph (assistant/flows/parse.py)
  E018 E019 E026 E027 body variants: unknown node or choice, not asked before, differs from the source, unreadable
  W002 byte-order mark or CRLF line ends (the file is still used)
  E020 missing source text    W020 missing translation   W021 obsolete text   W022 outdated translation
  E023 unknown guide          E024 texts or links for a flow whose file is gone (check_flow_references)
  E025 empty text             E030-E033 templates and placeholders, W034 agent wording (checks.templates, checks.markup)
  E035 literal \n
  E040-E045 raw HTML, invisible characters, links, the phishing guard, translated glossary names (checks.text)
  W040 glossary name lost     W050-W056 typography per language, untranslated text, Markdown, accelerators
  E046 W057 jargon.toml: an incomplete entry; a text using jargon its language does not explain (checks.jargon)
  W053 an ignore comment that cannot apply

A translator silences a deliberate exception with a comment (see IGNORABLE):
  `# check: ignore[W052]` on its own line inside a unit table → the whole unit in that file;
  the same comment after a key's value → that key only; before the first table → the whole file.
  `# check: ignore[E044:24]` silences only the problem about that one token (here the number 24), so a later
  change to another number of the same text is still reported. The phishing-guard codes (E042-E044) can only
  be ignored for a named token.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assistant.content.catalog import Catalog, load_catalog, required_keys
from assistant.content.webmail import missing_texts
from assistant.problems import Problem, Severity
from assistant.toml_positions import Line, duplicate_at, line_unit, scan

IGNORABLE = frozenset({"E033", "E035", "E040", "E041", "E042", "E043", "E044", "E045", "W040", "W050", "W051", "W052",
                       "W054", "W055", "W056", "W057"})
TOKEN_ONLY = frozenset({"E042", "E043", "E044"})  # a whole-value ignore once hid a real number change
_IGNORE = re.compile(r"check:\s*ignore\[((?:[^\]\"]|\"[^\"]*\")*)\]")
_IGNORE_ITEM = re.compile(r"\s*([A-Za-z]\d{3})\s*(?::\s*(?:\"([^\"]*)\"|([^,]*?)))?\s*(?:,|$)")
_DUPLICATE = re.compile(r"Cannot (?:overwrite a value|declare .* twice|mutate immutable namespace)", re.I)


def locale_dir(catalog: Catalog, locale: str) -> Path:
    return catalog.content_dir / "locales" / locale


def _in_file(key: str) -> tuple[str, ...]:
    return tuple(key.split(".")[1:])


def check_coverage(catalog: Catalog, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    src_code = catalog.source_locale
    source = catalog.texts.get(src_code, {})
    broken = {p.path for p in catalog.problems if p.code in ("E001", "E002", "E003")}
    if src_code in locales:
        reported: set[str] = set()  # a shared part's text is needed by every flow that includes it; say so once
        for flow in catalog.flows.values():
            for key, node_id in required_keys(flow):
                if key in source or key in reported:
                    continue
                node = flow.nodes[node_id] if node_id else None
                stem = key.split(".", 1)[0]  # the flow, or the shared part that holds the node's text
                path = locale_dir(catalog, src_code) / f"{stem}.toml"
                where = path if path.exists() else (flow.path_of(node) if node else flow.path)
                if where in broken:
                    continue
                reported.add(key)
                line = _line_for(catalog, where, key, node.line if node else 1)
                owner = f"flow {flow.id!r}" if stem == flow.id else f"the shared part {stem!r}"
                problems.append(Problem(where, line, 1, Severity.ERROR, "E020",
                                        f"missing text {key.split('.', 1)[1]!r} for {owner}; add it to {path.name}"))
            for node in flow.nodes.values():
                for guide in node.guides:
                    if f"guides.{guide}.title" not in source:
                        problems.append(Problem(flow.path_of(node), node.line, 1, Severity.ERROR, "E023",
                                                f"node {node.id!r} links guide {guide!r}, which guides.toml of {src_code} "
                                                f"does not define; add [{guide}] with title and body there"))
        problems += _webmail_texts(catalog, source)
    for locale in locales:
        if locale == src_code or catalog.locales.get(locale) is None or catalog.locales[locale].pseudo:
            continue
        problems += _missing(catalog, locale, source, broken)
        table = catalog.texts.get(locale, {})
        for key, entry in table.items():
            if key not in source:
                problems.append(Problem(entry.path, entry.line, 1, Severity.WARNING, "W021",
                                        f"obsolete text {key.split('.', 1)[1]!r}: the source language ({src_code}) no longer "
                                        "has it, so it is never shown; delete it (or ask whether its key was renamed)"))
        seen: set[str] = set()
        for key, entry in table.items():
            if entry.unit in seen or key not in source or not catalog.is_outdated(locale, entry.unit):
                continue
            seen.add(entry.unit)
            line = _line_for(catalog, entry.path, entry.unit + ".lock", entry.line)
            if entry.unit in catalog.critical_units:
                instead = catalog.critical_fallback(locale, entry.unit) or catalog.source_locale
                shown = (f"it is a safety text, so the {instead} text is shown instead — along {locale}'s fallback chain "
                         f"{' → '.join(catalog.chain(locale))} — until you update it")
            else:
                shown = "it is still shown"
            problems.append(Problem(entry.path, line, 1, Severity.WARNING, "W022",
                                    f"outdated translation of {entry.unit!r}: the source changed since it was translated "
                                    f"({shown}); see `main.py l10n diff {locale} {entry.unit}`, update the text, then run "
                                    f"`main.py l10n accept {locale} {entry.unit}`"))
    return problems


def _missing(catalog: Catalog, locale: str, source: dict, broken: set[Path]) -> list[Problem]:
    problems: list[Problem] = []
    table = catalog.texts.get(locale, {})
    per_file: dict[Path, list[str]] = {}
    for key, entry in source.items():
        if key not in table and not _blank(entry.value):  # an empty source text has nothing to translate
            per_file.setdefault(entry.path, []).append(key)
    chain = " → ".join(c for c in catalog.chain(locale)[1:]) or catalog.source_locale
    for src_path, keys in per_file.items():
        target = locale_dir(catalog, locale) / src_path.name
        if target in broken:
            continue  # the syntax error is reported; its keys are not really missing
        if not target.exists():
            problems.append(Problem(src_path, 1, 1, Severity.WARNING, "W020",
                                    f"{locale} has no {src_path.name}: {len(keys)} text(s) are shown from {chain}; copy this "
                                    f"file to content/locales/{locale}/ and translate it"))
            continue
        for key in keys:
            line = _line_for(catalog, target, key, 1)
            problems.append(Problem(target, line, 1, Severity.WARNING, "W020",
                                    f"missing translation {key.split('.', 1)[1]!r} (the {chain} text is shown meanwhile); "
                                    f"add it — the source is in {src_path.name}"))
    return problems


def _webmail_texts(catalog: Catalog, source: dict) -> list[Problem]:
    """E020 for a webmail service the source language has no name or button words for (the send step would show
    a raw id); translations then get W020 from the ordinary comparison with the source."""
    path = catalog.content_dir / "webmail.toml"
    src = catalog.sources.get(path)
    return [Problem(path, src.line_of("providers", provider.id) if src else 1, 1, Severity.ERROR, "E020",
                    f"webmail provider {provider.id!r} has no text {key.split('.', 1)[1]!r} in {catalog.source_locale}; "
                    f"add it to locales/{catalog.source_locale}/ui_send.toml")
            for provider, key in missing_texts(catalog.webmail, source)]


def _blank(value: str | tuple[str, ...]) -> bool:
    return not (value.strip() if isinstance(value, str) else any(v.strip() for v in value))


def _line_for(catalog: Catalog, path: Path, key: str, default: int) -> int:
    src = catalog.sources.get(path)
    if src is None:
        return default
    return src.line_of(*_in_file(key), default=default)


def check_duplicates(catalog: Catalog, locales: list[str], problems: list[Problem]) -> list[Problem]:
    """Turn tomllib's 'cannot overwrite' into E004 naming both lines; add E005 for keys split over two files."""
    out: list[Problem] = []
    for p in problems:
        if p.code == "E001" and _DUPLICATE.search(p.message):
            try:
                found = duplicate_at(scan(p.path.read_text(encoding="utf-8-sig")), p.line)
            except (OSError, UnicodeError):
                found = None
            if found:
                key, first = found
                p = Problem(p.path, p.line, p.col, Severity.ERROR, "E004",
                            f"{'.'.join(key)!r} is defined twice in this file (first at line {first}); keep one of the two "
                            "and delete the other")
            else:
                p = Problem(p.path, p.line, p.col, Severity.ERROR, "E004",
                            "a key or table here is defined a second time in this file; keep one definition and delete the other")
        out.append(p)
    for locale in locales:
        folder = locale_dir(catalog, locale)
        owners: dict[str, tuple[Path, int]] = {}
        for path, src in sorted(catalog.sources.items()):
            if path.parent != folder:
                continue
            prefix = "ui" if path.stem.startswith("ui_") else path.stem
            for parts, line in src.lines.items():
                value = _get(src.data, parts)
                if not isinstance(value, (str, list)):
                    continue
                text_key = ".".join((prefix, *parts))
                if text_key in owners and owners[text_key][0] != path:
                    owner, first_line = owners[text_key]
                    out.append(Problem(path, line, 1, Severity.ERROR, "E005",
                                       f"text {text_key!r} is also defined in {owner.name}:{first_line}; only one of them is "
                                       "used — keep it in one file and delete the other"))
                else:
                    owners.setdefault(text_key, (path, line))
    return out


def _get(data: dict, parts: tuple[str, ...]):
    for part in parts:
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


@dataclass(slots=True)
class IgnoreRules:
    """The `# check: ignore[…]` comments of one file."""

    lines: dict[int, Line] = field(default_factory=dict)
    by_unit: dict[tuple[str, ...], set[str]] = field(default_factory=dict)  # () = whole file
    by_owner: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    invalid: list[Problem] = field(default_factory=list)

    def silences(self, p: Problem) -> bool:
        ln = self.lines.get(p.line)
        if ln is None:
            return False
        wanted = {p.code} if p.code not in TOKEN_ONLY else set()
        if p.token is not None:
            wanted.add(f"{p.code}:{p.token}")
        return bool(wanted & self.by_unit.get((), set())
                    or wanted & self.by_unit.get(line_unit(ln), set())
                    or (ln.owner is not None and wanted & self.by_owner.get(ln.owner, set())))


def read_ignores(path: Path) -> IgnoreRules:
    rules = IgnoreRules()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError):
        return rules
    if "check:" not in text:
        return rules
    lines = scan(text)
    rules.lines = {ln.number: ln for ln in lines}
    for ln in lines:
        m = _IGNORE.search(ln.comment or "")
        if not m:
            continue
        items = {(code.upper(), quoted or bare.strip() or None) for code, quoted, bare in _IGNORE_ITEM.findall(m.group(1))}
        keys: set[str] = set()
        for code, token in sorted(items, key=lambda i: (i[0], i[1] or "")):
            if code not in IGNORABLE:
                rules.invalid.append(Problem(path, ln.number, 1, Severity.WARNING, "W053",
                                             f"`check: ignore[{code}]` has no effect: only {', '.join(sorted(IGNORABLE))} "
                                             "can be ignored; fix the problem instead"))
            elif code in TOKEN_ONLY and token is None:
                rules.invalid.append(Problem(path, ln.number, 1, Severity.WARNING, "W053",
                                             f"`check: ignore[{code}]` has no effect: {code} guards links, numbers and "
                                             f"addresses, so name the one value you mean, e.g. `check: ignore[{code}:24]`"))
            else:
                keys.add(code if token is None else f"{code}:{token}")
        if ln.owner is not None:
            rules.by_owner.setdefault(ln.owner, set()).update(keys)
        else:
            rules.by_unit.setdefault(line_unit(ln), set()).update(keys)
    return rules


def apply_ignores(problems: list[Problem], files: list[Path]) -> tuple[list[Problem], int]:
    """Drop problems silenced by ignore comments; add W053 for comments that cannot apply."""
    rules = {path: read_ignores(path) for path in files}
    kept: list[Problem] = [w for r in rules.values() for w in r.invalid]
    ignored = 0
    for p in problems:
        if p.code in IGNORABLE:
            if p.path not in rules:
                rules[p.path] = read_ignores(p.path)
            if rules[p.path].silences(p):
                ignored += 1
                continue
        kept.append(p)
    return kept, ignored


def check_catalog(catalog: Catalog, locale: str | None = None) -> tuple[list[Problem], int]:
    """All problems of an already loaded catalog (pseudo-locales are skipped) and how many were ignored."""
    real = [code for code, info in catalog.locales.items() if not info.pseudo]
    locales = [locale] if locale else real
    others = [locale_dir(catalog, code) for code in real if code not in locales]
    problems = [p for p in catalog.problems if not any(d in p.path.parents for d in others)]
    problems = check_duplicates(catalog, locales, problems)
    problems += check_coverage(catalog, locales)
    from assistant.checks.jargon import check_jargon
    from assistant.checks.references import check_flow_references
    from assistant.checks.templates import check_templates
    from assistant.checks.text import check_texts
    from assistant.checks.variants import check_variants

    problems += check_templates(catalog, locales)
    problems += check_texts(catalog, locales)
    problems += check_flow_references(catalog, locales)
    problems += check_variants(catalog, locales)
    problems += check_jargon(catalog, locales)
    dirs = {locale_dir(catalog, code) for code in locales}
    kept, ignored = apply_ignores(problems, [path for path in catalog.sources if path.parent in dirs])
    return sorted(set(kept), key=lambda p: (str(p.path), p.line, p.col, p.code, p.message)), ignored


def run_checks(content_dir: Path, locale: str | None = None) -> list[Problem]:
    catalog = load_catalog(content_dir)
    if locale and (locale not in catalog.locales or catalog.locales[locale].pseudo):
        return [Problem(content_dir / "locales.toml", 1, 1, Severity.ERROR, "E020",
                        f"unknown locale {locale!r}; enabled: {', '.join(catalog.locales)}")]
    return check_catalog(catalog, locale)[0]
