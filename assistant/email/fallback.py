"""When every email template on a locale's chain is broken (the source's too): say where, and still write the email.

A translator's typo must never cost someone their support request. `locate()` turns a Jinja error into
`file:line` of the TOML file that holds the template (the same position `check` reports as E030/E032), and
`minimal_layout()` renders the facts of the case with a small built-in layout that cannot fail.
"""
from __future__ import annotations

import logging
from pathlib import Path

log = logging.getLogger(__name__)
TEMPLATE_FILE = "<template>"  # the file name Jinja gives frames of a template compiled from a string


def template_line(exc: BaseException) -> int:
    """1-based line inside the template where `exc` happened (syntax or render error); 1 when unknown."""
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int) and lineno > 0:
        return lineno
    tb, found = exc.__traceback__, 0
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == TEMPLATE_FILE:
            found = tb.tb_lineno
        tb = tb.tb_next
    return found or 1


def _value_starts_next_line(path: Path, line: int) -> bool:
    """A TOML multi-line string opened at the end of its key line starts on the next line."""
    try:
        text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    except (OSError, UnicodeError, IndexError):
        return False
    return text.rstrip().endswith(("'''", '"""'))


def locate(entry, key: str, exc: BaseException) -> str:
    """'content/locales/zh-CN/email.toml:12: email template 'email.template.body' is broken: …'"""
    path = Path(entry.path)
    line = entry.line + template_line(exc) - 1 + (1 if _value_starts_next_line(path, entry.line) else 0)
    reason = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return f"{path}:{line}: email template {key!r} is broken: {reason}"


def minimal_layout(context: dict) -> tuple[str, str]:
    """Subject and body from the case facts alone, with fixed English headings (no template involved)."""
    urgent = "[URGENT] " if context.get("urgent") else ""
    subject = " · ".join(str(p) for p in (f"{urgent}[{context.get('wallet') or 'Wallet'}] {context.get('case', '')}",
                                           context.get("asset"), context.get("network"), context.get("reference")) if p)
    lines = ["Hello,", "", f"Case: {context.get('case', '')}", "", "== Details =="]
    if context.get("network"):
        lines.append(f"Network: {context['network']}")
    lines += [f"{d.get('label', '')}: {d.get('value', '')}" for d in context.get("details", [])]
    if context.get("impostor"):
        lines += ["", "== Impostor posing as support =="]
        lines += [f"{d.get('label', '')}: {d.get('value', '')}" for d in context["impostor"]]
    if context.get("facts"):
        lines += ["", "== What I checked =="] + [f"- {fact}" for fact in context["facts"]]
    lines += ["", "== What I already tried =="]
    lines += [f"- {s.get('done', '')} → {s.get('result', '')}" for s in context.get("steps", [])] or ["- (nothing yet)"]
    if context.get("tickets"):
        lines += ["", "== Earlier tickets ==", ", ".join(context["tickets"])]
    if context.get("attachments"):
        lines += ["", "== Attachments =="] + [f"- {a}" for a in context["attachments"]]
    lines += ["", "I understand that real support never asks for a recovery phrase, private key or password. "
              "This email contains none of them.", "", f"Reference: {context.get('reference', '')} ({context.get('date', '')})"]
    return " ".join(subject.split()), "\n".join(lines) + "\n"
