"""`check`: validate all content, compiler-style (path:line:col: severity[CODE]: message)."""
from __future__ import annotations

import json
import sys

from assistant.checks.catalog import check_catalog
from assistant.content.catalog import load_catalog
from assistant.paths import content_dir
from assistant.problems import Problem, Severity


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="validate the content files (exit 1 on errors)",
                       description="Codes and the `# check: ignore[CODE]` comment are explained in content/README.md.")
    p.add_argument("--locale", help="check only this locale (structure is always checked)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args) -> int:
    base = content_dir()
    catalog = load_catalog(base)
    locale = args.locale
    if locale and (locale not in catalog.locales or catalog.locales[locale].pseudo):
        problems = [Problem(base / "locales.toml", 1, 1, Severity.ERROR, "E020",
                            f"unknown locale {locale!r}; enabled: {', '.join(catalog.locales)}")]
        ignored = 0
    else:
        problems, ignored = check_catalog(catalog, locale)
    strict = getattr(args, "strict", False)
    if strict:
        problems = [Problem(p.path, p.line, p.col, Severity.ERROR, p.code, p.message) for p in problems]
    if args.format == "json":
        json.dump([p.to_json(base.parent) for p in problems], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for p in problems:
            print(p.render(base.parent))
    errors = sum(p.severity is Severity.ERROR for p in problems)
    warnings = len(problems) - errors
    note = f", {ignored} ignored by `# check: ignore[…]` comments" if ignored else ""
    print(f"{errors} error(s), {warnings} warning(s){note}", file=sys.stderr)
    return 1 if errors else 0
