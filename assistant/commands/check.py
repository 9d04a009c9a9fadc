"""`check`: validate all content, compiler-style."""
from __future__ import annotations

import json
import sys

from ..check import run_checks
from ..paths import content_dir
from ..problems import Severity


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="validate the content files (exit 1 on errors)")
    p.add_argument("--locale", help="check only this locale (structure is always checked)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")


def run(args) -> int:
    base = content_dir()
    problems = run_checks(base, args.locale)
    if args.format == "json":
        json.dump([p.to_json(base.parent) for p in problems], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for p in problems:
            print(p.render(base.parent))
        errors = sum(p.severity is Severity.ERROR for p in problems)
        warnings = len(problems) - errors
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
    failing = [p for p in problems if p.severity is Severity.ERROR or getattr(args, "strict", False)]
    return 1 if failing else 0
