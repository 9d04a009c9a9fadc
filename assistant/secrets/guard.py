"""The last check before anything leaves the app: secrets in any outgoing text.

`guard(parts, exit_name)` is called by every export path (.eml, mailto, clipboard, .txt, print/PDF) right before
it writes or hands over anything; it raises `ExportBlocked` when a secret is found, so a secret is never written.
Messages describe what was found and where, never the secret itself.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from assistant.errors import ExportBlocked
from assistant.secrets.keys import addresses_in
from assistant.secrets.scan import Finding, Severity, find_secrets


class Exit(StrEnum):
    EML = "eml"
    MAILTO = "mailto"
    CLIPBOARD = "clipboard"
    TXT = "txt"
    PRINT = "print"
    PDF = "pdf"


# User-facing wording lives in the locale files (ui_review.toml: review.secret.kind.*, review.secret.why.*);
# this package only reports codes (the finding's kind, the part's name) and neutral details.
INPUTS = "inputs"  # the Part holding the user's own inputs joined in order (see `request.spanning`)


@dataclass(frozen=True, slots=True)
class Part:
    """One piece of outgoing text: `name` is to/subject/body/attachment_name/attachment_text, or "inputs"
    (the user's own inputs joined in order: only findings reaching over two of them are reported)."""

    name: str
    text: str = field(repr=False)  # never in a repr: it may hold the secret, and reprs end up in logs
    label: str = ""  # e.g. the attachment's file name, to say where a finding is
    context: str = "free_text"


@dataclass(frozen=True, slots=True)
class Hit:
    part: Part
    finding: Finding
    line: int
    col: int

    @property
    def blocking(self) -> bool:
        return self.finding.severity is Severity.BLOCK


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text` (one finding; use `Lines` for many)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


class Lines:
    """Line starts of a text, found once, so positions of many findings cost a binary search each."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        at = text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = text.find("\n", at + 1)

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _norm_value(value: str) -> str:
    v = value.strip().lower()
    return v[2:] if v.startswith("0x") else v


def normalised_value(value: str) -> str:
    """How accepted values compare: trimmed, lower-case, without 0x."""
    return _norm_value(value)


def accepted_set(values: Iterable[str]) -> frozenset[str]:
    """Values the user has said are public (transaction hashes entered in the tx-hash field)."""
    return frozenset(_norm_value(v) for v in values if v and v.strip())


def scan_parts(parts: Sequence[Part], accepted: Iterable[str] = (), trusted: Iterable[str] = (), *,
               inputs: Sequence[str] = (), addresses: Iterable[str] = (), confirmed: Iterable[str] = ()) -> list[Hit]:
    """Every finding that stops an export. A CONFIRM finding whose text is an accepted value (a transaction hash
    from the tx-hash field, or one the user confirmed), or lies wholly inside an occurrence of a whole line (or
    literal segment of a templated line) the app wrote from its content files (`trusted`: template, labels, step
    titles), is dropped; a BLOCK finding never is.

    A part read as a tx-hash field (`context="tx_hash"`) is what the user typed there, and a private key pasted
    into that box looks exactly like a hash: its CONFIRM findings are dropped only for values in `confirmed` (the
    user said, for this value, that it is public), never because the value sits in the hash field.

    `inputs` are the user's own inputs in order (field values, description, To, Subject, attachment text): a
    secret split over two of them is reported as a hit on an extra "inputs" part."""
    from assistant.secrets.request import spanning

    sure = accepted_set(confirmed)
    ok = accepted_set(accepted) | sure
    known = tuple(t for t in trusted if t)
    static = _static_lines(known)
    segments = _segments(known)
    own = tuple(addresses)
    named = frozenset().union(*(addresses_in(p.text) for p in parts if p.text))  # a key's address elsewhere
    hits: list[Hit] = []
    for part in parts:
        if not part.text:
            continue
        lines: Lines | None = None
        app_spans: list[tuple[int, int]] | None = None
        for f in _findings(part, static, own, named):
            if f.severity is Severity.CONFIRM:
                value = _norm_value(part.text[f.start:f.end])
                if value in (sure if part.context == "tx_hash" else ok):
                    continue
                if part.context != "tx_hash":
                    app_spans = _spans(part.text, segments) if app_spans is None else app_spans
                    if any(a <= f.start and f.end <= b for a, b in app_spans):
                        continue
            lines = lines or Lines(part.text)
            hits.append(Hit(part, f, *lines.position(f.start)))
    values = [v for v in inputs if v]
    if len(values) > 1:
        for s in spanning(values, addresses=own):
            joined = Part(INPUTS, s.joined)
            f = s.finding
            if f.severity is Severity.CONFIRM and any(_norm_value(values[i][a:b]) in ok for i, a, b in s.pieces):
                continue
            hits.append(Hit(joined, f, s.pieces[0][0] + 1, s.pieces[0][1] + 1))
    return hits


def _findings(part: Part, static: Sequence[str], own: Sequence[str], named: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings of one part. A value blocked only because a key label precedes it is judged again with the app's
    own lines blanked out: the email's safety line ("support never asks for your private key") labels nothing.
    Every other block stands, even inside app-written text."""
    found = find_secrets(part.text, context=part.context, addresses=own, named=named)
    labelled = [f for f in found if f.severity is Severity.BLOCK and f.detail.endswith("labelled as a key")]
    if not labelled or not static:
        return found
    again = {(g.start, g.end): g for g in find_secrets(_mask(part.text, static), context=part.context, addresses=own, named=named)}
    return [again.get((f.start, f.end), f) if f in labelled else f for f in found]


def _static_lines(trusted: Sequence[str]) -> tuple[str, ...]:
    """Whole lines of app-written text (no template placeholders), longest first."""
    found = {line.strip() for t in trusted for line in t.splitlines()}
    return tuple(sorted((x for x in found if len(x) >= 6 and "{{" not in x and "{%" not in x), key=len, reverse=True))


_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")


def _segments(trusted: Sequence[str]) -> tuple[str, ...]:
    """Whole lines of app-written text, and the literal pieces between the placeholders of templated lines."""
    found = {piece.strip() for t in trusted for line in t.splitlines() for piece in _PLACEHOLDER.split(line)}
    return tuple(sorted((x for x in found if len(x) >= 6 and "{{" not in x and "{%" not in x), key=len, reverse=True))


def _spans(text: str, segments: Sequence[str]) -> list[tuple[int, int]]:
    """Where the app's own lines and segments occur in `text`, each a whole occurrence."""
    spans: list[tuple[int, int]] = []
    for seg in segments:
        at = text.find(seg)
        while at >= 0:
            spans.append((at, at + len(seg)))
            at = text.find(seg, at + 1)
    return spans


def _mask(text: str, static: Sequence[str]) -> str:
    """`text` with the app's own lines blanked out (same length, so offsets hold): the email's safety line
    ("support never asks for your private key") is not a label of the value the user typed below it."""
    if not static:
        return text
    chars: list[str] | None = None
    for line in static:
        at = text.find(line)
        while at >= 0:
            if chars is None:
                chars = list(text)
            chars[at : at + len(line)] = " " * len(line)
            at = text.find(line, at + len(line))
    return "".join(chars) if chars is not None else text


def describe(hit: Hit, why: str = "") -> str:
    """One line for logs and the command line, in codes (part, line, column, kind, detail); `why` is the
    caller's explanation in the user's language. Never contains the secret."""
    where = hit.part.name + (f" {hit.part.label!r}" if hit.part.label else "")
    if hit.part.name == INPUTS:
        where += f" (entry {hit.line} onwards, read together)"
        text = f"{where}: {hit.finding.kind} ({hit.finding.detail}) [{hit.finding.severity}]"
    else:
        text = f"{where}, line {hit.line}, column {hit.col}: {hit.finding.kind} ({hit.finding.detail}) [{hit.finding.severity}]"
    return f"{text}: {why}" if why else text


def guard(parts: Sequence[Part], exit_name: str, *, accepted: Iterable[str] = (), trusted: Iterable[str] = (),
          inputs: Sequence[str] = (), addresses: Iterable[str] = (), confirmed: Iterable[str] = ()) -> None:
    """Raise ExportBlocked if any outgoing text holds a secret; return quietly otherwise. The exception's
    message is in codes; callers show `review.secret.*` texts from the locale files."""
    hits = scan_parts(parts, accepted, trusted, inputs=inputs, addresses=addresses, confirmed=confirmed)
    if hits:
        lines = "; ".join(describe(h) for h in hits)
        raise ExportBlocked(hits, f"export to {exit_name} blocked: {len(hits)} finding(s): {lines}")
