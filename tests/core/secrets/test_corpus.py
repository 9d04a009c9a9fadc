"""Catch rates of the secret firewall on the labelled corpus (tests/data/secrets_corpus, seeded generator).

Targets from issue 12: at least 98 % of paste shapes and 95 % of disguises blocked; at most 0.5 % of support
prose blocked and 3 % asked to confirm; ambiguous values (bare 64 hex, byte arrays) asked about, not passed.
Each class is also held to its own floor, so one shape cannot hide behind the others' average.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest

from assistant.secrets.scan import Severity, find_secrets

CORPUS = Path(__file__).resolve().parents[2] / "data" / "secrets_corpus"


@cache
def verdicts(name: str) -> dict[str, Counter]:
    """class -> Counter of block / confirm / none over the corpus file."""
    per: dict[str, Counter] = defaultdict(Counter)
    for line in (CORPUS / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        found = find_secrets(item["text"])
        verdict = "block" if any(f.severity is Severity.BLOCK for f in found) else "confirm" if found else "none"
        per[item["class"]][verdict] += 1
    return dict(per)


def rate(counts: dict[str, Counter], verdict: str) -> float:
    total = sum(sum(c.values()) for c in counts.values())
    return sum(c[verdict] for c in counts.values()) / total


def table(counts: dict[str, Counter]) -> str:
    return "\n".join(f"{cls:34s} {dict(c)}" for cls, c in sorted(counts.items()))


@pytest.mark.parametrize(("name", "floor", "class_floor"), [("paste_shapes", 0.98, 0.9), ("disguises", 0.95, 0.85)])
def test_secrets_are_blocked(name, floor, class_floor):
    counts = verdicts(name)
    assert rate(counts, "block") >= floor, table(counts)
    weak = {cls: c for cls, c in counts.items() if c["block"] / sum(c.values()) < class_floor}
    assert not weak, table(weak)


def test_support_prose_is_neither_blocked_nor_questioned():
    counts = verdicts("prose")
    assert rate(counts, "block") <= 0.005, table(counts)
    assert rate(counts, "confirm") <= 0.03, table(counts)


def test_ambiguous_values_are_asked_about():
    counts = verdicts("confirm")
    assert rate(counts, "none") == 0, table(counts)


def test_the_corpus_covers_every_class_of_the_issue():
    classes = set(verdicts("paste_shapes")) | set(verdicts("disguises"))
    for shape in ("mn_zh_glued_sentence", "mn_html", "mn_json_escaped", "mn_filler_words", "mn_ja_kana_nosep",
                  "mn_typo2", "mn_typo_short_word", "pk_hex_glued", "pk_hex_grouped", "pk_hex_split_lines",
                  "pk_hex_label_far", "sol_keypair_hex128", "sol_seed_byte_array32", "dz_zero_width",
                  "dz_soft_hyphen", "dz_fullwidth_latin", "dz_nfkd", "dz_homoglyph_cyrillic", "dz_homoglyph_greek",
                  "dz_letter_spaced", "dz_zh_grid_colwise", "dz_key_homoglyph_hex"):
        assert shape in classes
    prose = set(verdicts("prose"))
    assert {"wordlist_heavy_en", "wordlist_heavy_zh", "hard_en_12plus_run"} <= prose
