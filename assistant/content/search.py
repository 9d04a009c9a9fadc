"""Find the flow or step that matches what a person typed, in any language the content has. Pure Python.

Text is cut into tokens: Latin words, and overlapping two-character pieces of CJK runs (Chinese has no
spaces, so "提现没到账" must still meet "提现未到账"). A hit's score is the share of query tokens found.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from assistant.content.catalog import Catalog

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CODE = re.compile(r"[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+")  # chain error names such as OUT_OF_ENERGY, kept whole too
FLOW_WEIGHT = 1.15  # a flow-level match beats an equally good step match
MIN_SCORE = 0.5


def _is_cjk(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F") and ch.isalnum()


def tokens(text: str, *, unigrams: bool = False) -> set[str]:
    """Latin words and CJK character pairs; `unigrams` adds single CJK characters (for indexed text)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    found: set[str] = set()
    for word in _WORD.findall(text):
        for run in "".join(ch if _is_cjk(ch) else " " for ch in word).split():
            if len(run) == 1 or unigrams:
                found.update(run)
            found.update(run[i:i + 2] for i in range(len(run) - 1))
        found.update("".join(" " if _is_cjk(ch) else ch for ch in word).split())
    found.update(code for code in _CODE.findall(text))
    return found


@dataclass(frozen=True, slots=True)
class Hit:
    flow_id: str
    node_id: str | None  # None: the flow itself
    score: float


@dataclass(frozen=True, slots=True)
class _Doc:
    flow_id: str
    node_id: str | None
    tokens: frozenset[str]


class SearchIndex:
    def __init__(self, catalog: Catalog) -> None:
        self._docs: list[_Doc] = []
        for flow_id, flow in catalog.flows.items():
            flow_text: list[str] = list(flow.keywords)
            node_text: dict[str, list[str]] = {nid: [] for nid in flow.nodes}
            for locale in catalog.texts:
                flow_text += [catalog.text(locale, f"{flow_id}.flow.{k}") for k in ("title", "summary")]
                flow_text += catalog.words(locale, f"{flow_id}.flow.keywords")
                for nid in flow.nodes:
                    node_text[nid].append(catalog.text(locale, f"{flow_id}.nodes.{nid}.title"))
                    # what people type for this step: error messages and phrasings, per language (optional)
                    node_text[nid] += catalog.words(locale, f"{flow_id}.nodes.{nid}.keywords")
            self._docs.append(_Doc(flow_id, None, frozenset(tokens(" ".join(flow_text), unigrams=True))))
            for nid, parts in node_text.items():
                self._docs.append(_Doc(flow_id, nid, frozenset(tokens(" ".join(parts), unigrams=True))))

    def search(self, query: str, limit: int = 8) -> list[Hit]:
        wanted = tokens(query)
        if not wanted:
            return []
        hits: list[Hit] = []
        for doc in self._docs:
            found = sum(1 for t in wanted if _matches(t, doc.tokens))
            score = found / len(wanted)
            if score >= MIN_SCORE:
                hits.append(Hit(doc.flow_id, doc.node_id, score * (FLOW_WEIGHT if doc.node_id is None else 1.0)))
        hits.sort(key=lambda h: (-h.score, h.node_id is not None))
        return hits[:limit]


def _matches(token: str, doc_tokens: frozenset[str]) -> bool:
    if token in doc_tokens:
        return True
    # "pend" finds "pending", "passwords" finds "password": a shared stem of four or more letters
    if len(token) >= 4 and token.isascii():
        return any(t.isascii() and len(t) >= 4 and (t.startswith(token) or token.startswith(t)) for t in doc_tokens)
    return False
