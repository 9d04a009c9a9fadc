"""Body variants: each `check` code about them at its file:line:col, and the body a path shows.

Variants are planted under a real node of a copy of the shipped content (stuck_withdrawal's check_network,
which the withdrawal path reaches after the network question).
"""
from __future__ import annotations

from pathlib import Path

from assistant.checks.catalog import run_checks
from assistant.i18n.loading import load_catalog
from assistant.i18n.texts import Texts


def plant_variant(content: Path, locale: str, variant: str, lines: str) -> tuple[Path, int]:
    path = content / "locales" / locale / "stuck_withdrawal.toml"
    old = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    path.write_text(old + f"\n[nodes.check_network.variants.{variant}]\n{lines}", encoding="utf-8")
    return path, old.count("\n") + 2


def hits(content: Path, code: str, path: Path):
    return [p for p in run_checks(content) if p.code == code and p.path == path]


def test_e018_a_condition_on_a_node_the_flow_does_not_have(content_copy):
    path, line = plant_variant(content_copy, "zh-CN", "typo", 'when = { netwrok = ["tron"] }\nbody = "波场钱包"\n')
    [problem] = hits(content_copy, "E018", path)
    assert (problem.line, problem.col) == (line + 1, 10)
    assert "'netwrok'" in problem.message and "not a node" in problem.message


def test_e018_a_choice_the_question_does_not_offer(content_copy):
    path, line = plant_variant(content_copy, "zh-CN", "typo", 'when = { network = ["trc20"] }\nbody = "波场钱包"\n')
    [problem] = hits(content_copy, "E018", path)
    assert (problem.line, problem.col) == (line + 1, 21)
    assert "no choice 'trc20'" in problem.message and "tron" in problem.message


def test_e019_a_question_never_asked_before_this_node(content_copy):
    # deposit_status belongs to the wallet → exchange branch; check_network to the exchange → wallet branch.
    path, line = plant_variant(content_copy, "zh-CN", "deposit", 'when = { deposit_status = ["failed"] }\nbody = "转账失败"\n')
    [problem] = hits(content_copy, "E019", path)
    assert problem.line == line + 1 and "never hold" in problem.message
    assert not hits(content_copy, "E018", path)


def test_a_question_asked_earlier_on_the_way_is_a_valid_condition(content_copy):
    path, _ = plant_variant(content_copy, "zh-CN", "exchange_done", 'when = { exchange_status = ["completed"] }\nbody = "已完成"\n')
    problems = [p for p in run_checks(content_copy) if p.path == path and p.code in ("E018", "E019", "E027")]
    assert not problems


def test_e026_a_translation_with_a_variant_the_source_lacks(content_copy):
    path, line = plant_variant(content_copy, "en", "solana", 'when = { network = ["solana"] }\nbody = "Solana wallet"\n')
    [problem] = hits(content_copy, "E026", path)
    assert problem.line == line and "'solana' is not in the source" in problem.message


def test_e026_a_translation_that_changes_a_condition(content_copy):
    path = content_copy / "locales" / "en" / "stuck_withdrawal.toml"
    text = path.read_text(encoding="utf-8")
    old = '[nodes.check_network.variants.tron]\nwhen = { network = ["tron"] }'
    path.write_text(text.replace(old, '[nodes.check_network.variants.tron]\nwhen = { network = ["tron", "bitcoin"] }'),
                    encoding="utf-8")
    [problem] = hits(content_copy, "E026", path)
    assert "condition differs" in problem.message and "['tron']" in problem.message


def test_e026_a_translation_missing_a_source_variant(content_copy):
    path = content_copy / "locales" / "ko" / "stuck_withdrawal.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("[nodes.check_network.variants.tron]")
    end = text.index("[nodes.check_network.variants.other]")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    [problem] = hits(content_copy, "E026", path)
    assert "'tron' of the source (zh-CN) is missing" in problem.message


def test_e027_a_variant_without_a_condition(content_copy):
    path, line = plant_variant(content_copy, "zh-CN", "always", 'body = "总是显示"\n')
    [problem] = hits(content_copy, "E027", path)
    assert problem.line == line and "always show" in problem.message


def test_the_shipped_variants_are_clean(content_copy):
    assert not [p for p in run_checks(content_copy) if p.code in ("E018", "E019", "E026", "E027")]


def test_a_path_shows_the_body_and_only_the_variant_its_answers_choose(content_copy):
    catalog = load_catalog(content_copy, pseudo=False)
    texts = Texts(catalog, "zh-CN")
    tron = texts.node_body("stuck_withdrawal", "check_network", {"network": "tron"})
    bsc = texts.node_body("stuck_withdrawal", "check_network", {"network": "bsc"})
    btc = texts.node_body("stuck_withdrawal", "check_network", {"network": "bitcoin"})
    assert tron.startswith("钱已经到了你的地址") and "波场钱包" in tron and "0x" not in tron
    assert "BEP-20" in bsc and "波场钱包" not in bsc
    assert "比特币、Solana" in btc and "0x" not in btc and "波场钱包" not in btc
    assert "0x" not in texts.node_body("stuck_withdrawal", "check_network")  # a preview shows what every path shows


def test_variants_take_the_place_of_their_mark_inside_a_list(content_copy):
    catalog = load_catalog(content_copy, pseudo=False)
    body = Texts(catalog, "en").node_body("lost_wallet", "approval_urgent", {"network": "tron"})
    lines = body.strip().split("\n")
    assert lines[0].startswith("1. ") and "tronscan.org" in lines[0] and lines[1].startswith("2. ")
    assert "{variants}" not in body and "revoke.cash" not in body
