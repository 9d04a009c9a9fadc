"""`scan [FILE|-]`: list the secrets a text holds (kind, line:col, severity, detail), never the secret itself.

Exit status: 1 when something must be blocked, 0 otherwise (confirm-level findings are listed but do not fail),
2 on usage errors (unreadable file).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.secrets.guard import WHY, position
from assistant.secrets.scan import CONTEXTS, find_secrets, has_blocking

USAGE_ERROR = 2


def add_parser(sub) -> None:
    p = sub.add_parser("scan", help="look for recovery phrases, private keys and passwords in a text")
    p.add_argument("file", nargs="?", default="-", help="file to scan, or - for standard input (default)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--context", choices=CONTEXTS, default="free_text",
                   help="tx_hash: the text is a transaction-hash field, where 64 hex characters are expected")


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="replace")
    return Path(name).read_bytes().decode("utf-8", errors="replace")


def run(args) -> int:
    try:
        text = _read(args.file)
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return USAGE_ERROR
    findings = find_secrets(text, context=args.context)
    shown = "<stdin>" if args.file == "-" else args.file
    rows = []
    for f in findings:
        line, col = position(text, f.start)
        end_line, end_col = position(text, f.end)
        rows.append({"kind": str(f.kind), "line": line, "col": col, "end_line": end_line, "end_col": end_col,
                     "severity": str(f.severity), "detail": f.detail, "why": WHY.get(str(f.kind), "")})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{shown}:{r['line']}:{r['col']}: {r['severity']}[{r['kind']}]: {r['detail']} — {r['why']}")
        blocking = sum(1 for f in findings if str(f.severity) == "block")
        print(f"{blocking} to block, {len(findings) - blocking} to confirm", file=sys.stderr)
    return 1 if has_blocking(findings) else 0
