"""Checks on the text itself (Markdown raw HTML, invisible characters, …)."""
from __future__ import annotations

import re

from .content import Catalog
from .problems import Problem, Severity

_RAW_HTML = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def check_texts(catalog: Catalog, locales: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    for locale in locales:
        for key, entry in catalog.texts.get(locale, {}).items():
            values = (entry.value,) if isinstance(entry.value, str) else entry.value
            for value in values:
                if key.startswith("email.") is False and _RAW_HTML.search(value):
                    problems.append(Problem(entry.path, entry.line, 1, Severity.ERROR, "E040",
                                            f"raw HTML in {key!r} is shown as plain text; use Markdown instead"))
                bad = _INVISIBLE.search(value)
                if bad:
                    problems.append(Problem(entry.path, entry.line, 1, Severity.ERROR, "E041",
                                            f"invisible or text-direction character U+{ord(bad.group()):04X} in {key!r}; delete it"))
    return problems
