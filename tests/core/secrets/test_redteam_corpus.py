"""The red-team corpus through the real exits: the review scan and the clipboard export.

`tests/data/secrets_corpus/redteam.py` (seeded) writes phrases and keys disguised in styles the main corpus does
not use (a different filler or number style between every word, camelCase and glued words in six Latin lists,
leetspeak, ROT13, backwards, words broken by a line break, CJK words behind mixed numbering, key-named fields
in JSON and code, a key next to the address it controls) and benign support texts full of list words,
addresses, hashes and identifiers. Every phrase has a valid checksum, so every one must be blocked; nothing
benign may be blocked.
"""
from __future__ import annotations

import importlib.util
import json
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

from assistant.email.exports import Message, clipboard_text
from assistant.errors import ExportBlocked
from assistant.secrets.guard import scan_parts

CORPUS = Path(__file__).resolve().parents[2] / "data" / "secrets_corpus"
# A bare 0x + 64 hex in prose may be the transaction hash people paste most: the user is asked (the export
# stays refused until they say what it is), it is not blocked outright.
ASKED_NOT_BLOCKED = {"rt_key_0x_bare"}
MAX_BENIGN_ASKED = 0.06  # bare 64-hex hashes without a label are asked about, by design


def load(name: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def message(text: str) -> Message:
    body = f"Hello support,\n\n{text}\n\nThank you."
    return Message("support@tronlink.org", "Wallet question", body, entries=(text,))


@cache
def verdict(text: str) -> tuple[str, bool]:
    """(block / confirm / none as the review scan sees it, whether the clipboard export refused)."""
    m = message(text)
    hits = scan_parts(m.parts(), m.accepted, m.trusted, inputs=m.inputs)
    seen = "block" if any(h.blocking for h in hits) else "confirm" if hits else "none"
    try:
        clipboard_text(m)
    except ExportBlocked:
        return seen, True
    return seen, False


def by_class(name: str) -> dict[str, Counter]:
    per: dict[str, Counter] = defaultdict(Counter)
    for case in load(name):
        seen, refused = verdict(case["text"])
        per[case["class"]][seen] += 1
        per[case["class"]]["refused" if refused else "passed"] += 1
    return dict(per)


def table(per: dict[str, Counter]) -> str:
    return "\n".join(f"{cls:28s} {dict(c)}" for cls, c in sorted(per.items()))


def test_the_corpus_files_are_what_the_seeded_generator_writes():
    spec = importlib.util.spec_from_file_location("redteam", CORPUS / "redteam.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    block, allow = module.corpus()
    assert [c["text"] for c in block] == [c["text"] for c in load("redteam_block")]
    assert [c["text"] for c in allow] == [c["text"] for c in load("redteam_allow")]
    assert len(block) >= 300 and len(allow) >= 300


def test_every_disguised_phrase_and_key_is_blocked_and_never_exported():
    per = by_class("redteam_block")
    assert all(c["passed"] == 0 for c in per.values()), table(per)
    weak = {cls: c for cls, c in per.items() if cls not in ASKED_NOT_BLOCKED and c["block"] != c["refused"]}
    assert not weak, table(weak)
    for cls in ASKED_NOT_BLOCKED:
        assert per[cls]["none"] == 0, table(per)


def test_every_wordlist_and_style_is_covered():
    cases = load("redteam_block")
    assert {c["note"] for c in cases} >= {"english", "spanish", "french", "italian", "portuguese", "czech",
                                          "chinese_simplified", "chinese_traditional", "japanese", "korean"}
    assert len({c["class"] for c in cases}) >= 25


def test_no_benign_text_is_blocked_and_few_are_asked_about():
    per = by_class("redteam_allow")
    assert all(c["block"] == 0 for c in per.values()), table(per)
    asked = sum(c["confirm"] for c in per.values()) / sum(c["block"] + c["confirm"] + c["none"] for c in per.values())
    assert asked <= MAX_BENIGN_ASKED, table(per)


@pytest.mark.parametrize("cls", ["rt_benign_cjk", "rt_benign_json"])
def test_chinese_support_text_and_labelled_json_pass_without_a_question(cls):
    per = by_class("redteam_allow")
    assert per[cls]["confirm"] == 0 and per[cls]["refused"] == 0, table(per)
