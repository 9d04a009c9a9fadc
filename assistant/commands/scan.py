"""`scan [FILE|-]`: list the secrets a text holds (kind, line:col, severity, detail), never the secret itself.

Exit status: 1 when something must be blocked, 0 otherwise (confirm-level findings are listed but do not fail),
2 on usage errors (unreadable file). The file's encoding is read from its byte-order mark (UTF-8, UTF-16, UTF-32)
or, without one, guessed from the zero bytes of UTF-16 text; anything else is read as UTF-8.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from assistant.secrets.guard import Lines
from assistant.secrets.scan import CONTEXTS, find_secrets, has_blocking

USAGE_ERROR = 2


def add_parser(sub) -> None:
    p = sub.add_parser("scan", help="look for recovery phrases, private keys and passwords in a text")
    p.add_argument("file", nargs="?", default="-", help="file to scan, or - for standard input (default)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--context", choices=CONTEXTS, default="free_text",
                   help="tx_hash: the text is a transaction-hash field, where 64 hex characters are expected")


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> str:
    """Text of a file: by its byte-order mark, else UTF-16 when every other byte is mostly zero, else UTF-8."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    sample = data[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if odd > half * 0.3 and even < half * 0.05:
            return data.decode("utf-16-le", errors="replace")
        if even > half * 0.3 and odd < half * 0.05:
            return data.decode("utf-16-be", errors="replace")
    return data.decode("utf-8", errors="replace")


def _read(name: str) -> str:
    if name == "-":
        return decode(sys.stdin.buffer.read())
    return decode(Path(name).read_bytes())


def _why() -> dict[str, str]:
    """Why each kind of secret must not be sent, in English, from the locale files (empty if they fail)."""
    try:
        from assistant.content.catalog import load_catalog
        from assistant.paths import content_dir

        catalog = load_catalog(content_dir())
        return {key.rsplit(".", 1)[1]: str(entry.value) for key, entry in catalog.texts.get("en", {}).items()
                if key.startswith("ui.review.secret.why.")}
    except Exception:  # noqa: BLE001 - the scan itself must work without the content files
        return {}


def run(args) -> int:
    try:
        text = _read(args.file)
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return USAGE_ERROR
    findings = find_secrets(text, context=args.context)
    shown = "<stdin>" if args.file == "-" else args.file
    rows = []
    lines = Lines(text)
    why = _why() if findings else {}
    for f in findings:
        line, col = lines.position(f.start)
        end_line, end_col = lines.position(f.end)
        rows.append({"kind": str(f.kind), "line": line, "col": col, "end_line": end_line, "end_col": end_col,
                     "severity": str(f.severity), "detail": f.detail, "why": why.get(str(f.kind), "")})
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            print(f"{shown}:{r['line']}:{r['col']}: {r['severity']}[{r['kind']}]: {r['detail']} — {r['why']}")
        blocking = sum(1 for f in findings if str(f.severity) == "block")
        print(f"{blocking} to block, {len(findings) - blocking} to confirm", file=sys.stderr)
    return 1 if has_blocking(findings) else 0
