"""`l10n`: the translator's workflow — status, diff, accept, new, pseudo."""
from __future__ import annotations

import json
import sys
from typing import Any

from assistant.content.catalog import load_catalog
from assistant.i18n.l10n import L10nError, accept, flow_coverage, status, units_with_errors
from assistant.i18n.new_locale import new_locale
from assistant.i18n.snapshots import unit_diff
from assistant.paths import content_dir


def add_parser(sub) -> None:
    p = sub.add_parser("l10n", help="translation status, source diffs, locks, new languages")
    actions = p.add_subparsers(dest="l10n_command", metavar="{status,diff,accept,new,pseudo}", required=True)
    st = actions.add_parser("status", help="coverage per flow and file, outdated and unlocked units")
    st.add_argument("locale", nargs="?", help="one locale (default: every translation)")
    st.add_argument("--format", choices=("text", "json"), default="text")
    df = actions.add_parser("diff", help="what changed in the source of a unit since it was translated")
    df.add_argument("locale")
    df.add_argument("unit", help="e.g. pending_transaction.nodes.network, ui.nav or a text key inside a unit")
    ac = actions.add_parser("accept", help="mark units as translated from the current source (writes lock lines)")
    ac.add_argument("locale")
    ac.add_argument("units", nargs="*", help="units (ui.nav), text keys, or files (ui.toml) — a file means all its units")
    ac.add_argument("--all", action="store_true", help="every unit the locale has a translation of")
    nw = actions.add_parser("new", help="start a new language: copy the source files and enable the locale")
    nw.add_argument("locale", help="language code, e.g. ja, ko, pt-BR")
    nw.add_argument("--name", help="display name in the language menu, e.g. 日本語 (default: the code)")
    nw.add_argument("--fallback", default=None,
                    help="comma-separated fallback chain (default: en,zh-CN; zh-CN for Chinese variants)")
    nw.add_argument("--fonts", default=None,
                    help="comma-separated preferred fonts (default: the language's own, e.g. Noto Sans CJK JP for ja)")
    nw.add_argument("--from", dest="copy_from", help="copy the text of this locale instead of the source")
    ps = actions.add_parser("pseudo", help="show a text in the pseudo-locale en-XA (how it is made)")
    ps.add_argument("text", nargs="?", default="Start over", help="text to transform")


def run(args) -> int:
    try:
        return _COMMANDS[args.l10n_command](args)
    except L10nError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def _status(args) -> int:
    catalog = load_catalog(content_dir())
    codes = [args.locale] if args.locale else [c for c in catalog.locales if c != catalog.source_locale]
    unknown = [c for c in codes if c not in catalog.locales]
    if unknown:
        raise L10nError(f"unknown locale {unknown[0]!r}; enabled: {', '.join(catalog.locales)}")
    report: list[dict[str, Any]] = []
    for code in codes:
        st = status(catalog, code)
        report.append({
            "locale": code, "name": catalog.locales[code].name, "fallback": catalog.chain(code)[1:],
            "flows": {f: {"present": a, "total": b} for f, (a, b) in flow_coverage(catalog, code).items()},
            "files": {f: {"present": a, "total": b} for f, (a, b) in st.files.items()},
            "units": [{"unit": u.unit, "state": u.state, "path": str(u.path) if u.path else None, "line": u.line,
                       "present": u.present, "total": u.keys,
                       **({"shown_instead": catalog.critical_fallback(code, u.unit)}
                          if u.state == "outdated" and u.unit in catalog.critical_units else {})} for u in st.units],
        })
    if args.format == "json":
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    base = catalog.content_dir.parent
    for item in report:
        print(f"{item['locale']} ({item['name']}) — falls back to {' → '.join(item['fallback']) or 'nothing'}")
        for fid, c in item["flows"].items():
            print(f"  flow {fid:<28} {_bar(c['present'], c['total'])}")
        for name, c in item["files"].items():
            print(f"  file {name:<28} {_bar(c['present'], c['total'])}")
        states: dict[str, list[dict]] = {}
        for u in item["units"]:
            states.setdefault(u["state"], []).append(u)
        print("  units: " + ", ".join(f"{len(v)} {k}" for k, v in sorted(states.items())))
        for state, hint in (("outdated", f"l10n diff {item['locale']} UNIT"), ("partial", "add the missing texts"),
                            ("untranslated", "translate"), ("unlocked", f"check, then l10n accept {item['locale']} UNIT"),
                            ("missing", "translate (the fallback is shown meanwhile)")):
            if state in states:
                print(f"  {state} ({hint}):")
                for u in states[state]:
                    where = f"  {_rel(u['path'], base)}:{u['line']}" if u["path"] else ""
                    instead = f"  — safety text: {u['shown_instead'] or 'nothing'} is shown instead" if "shown_instead" in u else ""
                    print(f"    {u['unit']}{where}{instead}")
    return 0


def _bar(present: int, total: int) -> str:
    pct = 100 * present // total if total else 100
    return f"{present:>4}/{total:<4} {pct:>3}%"


def _rel(path: str, base) -> str:
    try:
        from pathlib import Path

        return str(Path(path).relative_to(base))
    except ValueError:
        return path


def _diff(args) -> int:
    catalog = load_catalog(content_dir())
    summary, lines = unit_diff(catalog, args.locale, args.unit)
    print(summary)
    for line in lines:
        print(line)
    return 0


def _accept(args) -> int:
    """Lock units that `check` finds no error in; a unit with errors is refused (with --all: skipped and listed)."""
    from assistant.checks.catalog import check_catalog

    if not args.all and not args.units:
        raise L10nError("name the units or files to accept, or use --all")
    catalog = load_catalog(content_dir())
    if args.locale not in catalog.locales:
        raise L10nError(f"unknown locale {args.locale!r}; enabled: {', '.join(catalog.locales)}")
    errors = units_with_errors(catalog, args.locale, check_catalog(catalog, args.locale)[0])
    names = args.units
    skipped: list[str] = []
    if args.all:
        present = {e.unit for e in catalog.texts.get(args.locale, {}).values()}
        names = sorted(present & set(catalog.unit_hashes))
        skipped = [u for u in names if u in errors]
        names = [u for u in names if u not in errors]
    changed = accept(catalog, args.locale, names, errors) if names else []
    for unit in changed:
        print(f"locked {args.locale} {unit}")
    print(f"{len(changed)} unit(s) locked to the current source" + ("" if changed or skipped else " (all were already up to date)"))
    base = catalog.content_dir.parent
    for unit in skipped:
        print(f"not accepted {args.locale} {unit}: {errors[unit][0].render(base)}", file=sys.stderr)
    if skipped:
        print(f"{len(skipped)} unit(s) not accepted because they have errors; fix them and accept again", file=sys.stderr)
        return 1
    return 0


def _new(args) -> int:
    catalog = load_catalog(content_dir())
    fallback = [c.strip() for c in args.fallback.split(",") if c.strip()] if args.fallback else None
    fonts = [c.strip() for c in args.fonts.split(",") if c.strip()] if args.fonts is not None else None
    written = new_locale(catalog, args.locale, args.name or args.locale, fallback, args.copy_from, fonts)
    for path in written:
        print(f"created {path}")
    info = load_catalog(content_dir()).locales[args.locale]
    print(f"enabled {args.locale} in content/locales.toml (fallback: {' → '.join(info.fallback)}; fonts: "
          f"{', '.join(info.fonts) or 'the system default'}); translate the files, "
          f"then run `main.py check --locale {args.locale}` and `main.py l10n accept {args.locale} --all`")
    return 0


def _pseudo(args) -> int:
    from assistant.i18n.pseudo import pseudo_text

    print(pseudo_text(args.text))
    return 0


_COMMANDS = {"status": _status, "diff": _diff, "accept": _accept, "new": _new, "pseudo": _pseudo}
