"""Technical words explained where they appear: each locale's `jargon.toml`.

Each table is one term: `term` (its name in the note), `forms` (how this language's texts write it) and
`explain` (one or two plain sentences). A page marks a term's first use in its text and explains it under the
text (see assistant.content.markdown.render_marked); `check` reports jargon a text uses without an entry (W057).
"""
from __future__ import annotations

from dataclasses import dataclass

from assistant.i18n.texts import Texts, fill

PREFIX = "jargon."
PARTS = ("term", "forms", "explain")


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    name: str
    forms: tuple[str, ...]
    explain: str


@dataclass(frozen=True, slots=True)
class Explanations:
    """A locale's explained terms and how its note under a text reads."""

    terms: tuple[Term, ...]
    heading: str
    entry: str  # "**{term}**：{explain}"

    def patterns(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((t.id, t.forms) for t in self.terms)

    def note(self, used: list[str]) -> str:
        """Markdown under the text: the heading, then a list with one term each, in the order the text uses them."""
        by_id = {t.id: t for t in self.terms}
        entries = [fill(self.entry, {"term": by_id[i].name, "explain": by_id[i].explain}) for i in used if i in by_id]
        return f"**{self.heading}**\n\n" + "\n".join(f"- {e}" for e in entries) if entries else ""


def term_ids(texts: Texts) -> list[str]:
    """Term ids in the order the source language's file lists them, then any only this locale has."""
    catalog = texts.catalog
    order: list[str] = []
    for code in (catalog.source_locale, texts.locale):
        for key in catalog.texts.get(code, {}):
            if key.startswith(PREFIX) and key.endswith(".explain"):
                tid = key[len(PREFIX):-len(".explain")]
                if tid not in order:
                    order.append(tid)
    return order


def explanations(texts: Texts) -> Explanations:
    terms = []
    for tid in term_ids(texts):
        name = texts.get(f"{PREFIX}{tid}.term", tid)
        forms = tuple(f for f in texts.catalog.words(texts.locale, f"{PREFIX}{tid}.forms") if f.strip())
        explain = texts.get(f"{PREFIX}{tid}.explain").strip()
        if forms and explain:
            terms.append(Term(tid, name, forms, explain))
    return Explanations(tuple(terms), texts.ui("jargon.heading"), texts.ui("jargon.entry"))
