"""Jargon explained where it appears: the glossary files, `check`'s W057 and E046, and the first-use marking."""
from __future__ import annotations

import re
from pathlib import Path

from assistant.checks.catalog import run_checks
from assistant.content.markdown import render_marked
from assistant.content.terms import first_uses
from assistant.i18n.jargon import explanations
from assistant.i18n.texts import Texts

LOCALES = ("zh-CN", "en", "zh-TW", "ja", "ko")


def jargon_file(content: Path, locale: str) -> Path:
    return content / "locales" / locale / "jargon.toml"


def drop_table(path: Path, table: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"[{table}]\n")
    end = text.find("\n[", start + 1)
    path.write_text(text[:start] + (text[end + 1:] if end > 0 else ""), encoding="utf-8")


def test_every_language_explains_every_term_of_the_source(catalog):
    source = [t.id for t in explanations(Texts(catalog, "zh-CN")).terms]
    assert {"txid", "explorer", "confirmations", "memo", "contract_address", "nonce", "rpc", "evm", "fee", "energy",
            "approval", "recovery_phrase", "private_key", "network"} <= set(source)
    for locale in LOCALES:
        entry = catalog.entry(locale, "jargon.nonce.explain")
        assert entry is not None and entry.path.parent.name == locale
        terms = explanations(Texts(catalog, locale)).terms
        assert [t.id for t in terms] == source
        assert all(1 <= len(re.findall(r"[.。!?！？]", t.explain)) <= 3 for t in terms), locale


def test_taiwan_words_are_used_in_zh_tw(catalog):
    words = explanations(Texts(catalog, "zh-TW"))
    names = {t.id: t.name for t in words.terms}
    assert names["explorer"] == "區塊鏈瀏覽器" and names["fee"].startswith("手續費")
    assert "錢包" in next(t.explain for t in words.terms if t.id == "recovery_phrase")


def test_w057_a_text_uses_jargon_its_language_does_not_explain(content_copy):
    drop_table(jargon_file(content_copy, "ko"), "nonce")
    hits = [p for p in run_checks(content_copy) if p.code == "W057" and "/ko/" in str(p.path)]
    assert len(hits) == 1 and "'nonce'" in hits[0].message and "does not explain it" in hits[0].message
    line = hits[0].path.read_text(encoding="utf-8").splitlines()[hits[0].line - 1]
    assert line.startswith("body = ")


def test_w057_a_spelling_none_of_the_forms_matches(content_copy):
    path = jargon_file(content_copy, "en")
    path.write_text(path.read_text(encoding="utf-8").replace('forms = ["RPC"]', 'forms = ["remote procedure call"]'),
                    encoding="utf-8")
    hits = [p for p in run_checks(content_copy) if p.code == "W057" and "/en/" in str(p.path)]
    assert hits and all("'RPC'" in p.message and "none of the forms of [rpc]" in p.message for p in hits)


def test_e046_an_entry_without_its_explanation(content_copy):
    path = jargon_file(content_copy, "zh-CN")
    text = path.read_text(encoding="utf-8")
    start = text.index("[rpc]\n")
    line = text[:start].count("\n") + 1
    explain = text.index("explain = ", start)
    path.write_text(text[:explain] + text[text.index("\n", explain) + 1:], encoding="utf-8")
    hits = [p for p in run_checks(content_copy) if p.code == "E046"]
    assert len(hits) == 1 and hits[0].line == line and "`explain`" in hits[0].message


def test_an_empty_explanation_and_a_missing_translation_are_reported_like_other_texts(content_copy):
    path = jargon_file(content_copy, "zh-CN")
    path.write_text(re.sub(r'(\[memo\]\n(?:.*\n)*?explain = )".*"', r'\1""', path.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")
    drop_table(jargon_file(content_copy, "ja"), "bridge")
    problems = run_checks(content_copy)
    assert [p for p in problems if p.code == "E025" and p.path == path]
    assert [p for p in problems if p.code == "W020" and "bridge" in p.message and "/ja/" in str(p.path)]


def test_the_shipped_texts_use_no_unexplained_jargon(content_copy):
    assert not [p for p in run_checks(content_copy) if p.code in ("W057", "E046")]


def test_only_the_first_use_is_marked_and_never_inside_a_link_or_code():
    terms = (("txid", ("交易哈希", "TxID")), ("explorer", ("区块浏览器", "浏览器")), ("nonce", ("nonce",)))
    html, used = render_marked("把交易哈希粘贴到[区块浏览器](https://tronscan.org)。`nonce` 不用管；交易哈希和浏览器都是公开的。",
                               ("tronscan.org",), terms)
    assert used == ["txid", "explorer"]
    underlined = '<a name="term-{}"><span style="text-decoration: underline">{}</span></a>'
    assert html.count('name="term-txid"') == 1 and underlined.format("txid", "交易哈希") + "粘贴" in html
    assert underlined.format("explorer", "浏览器") + "都是" in html  # a link's text is no use; the next mention is
    assert "<code>nonce</code>" in html


def test_the_longer_form_wins_where_two_terms_overlap():
    ja = (("approval", ("承認の一覧", "悪用された承認")), ("confirmations", ("承認数",)))
    assert [t for t, *_ in first_uses("取引所は必要な承認数に達してから入金します。", ja)] == ["confirmations"]
    latin = (("fee", ("network fee", "fee")), ("network", ("network",)))
    text = "Fees rise when the network fee spikes; try another network."
    # "network" inside "network fee" belongs to the fee; its own first use is the later one
    assert first_uses(text, latin) == [("fee", 0, 4), ("network", text.rindex("network"), text.rindex("network") + 7)]


def test_a_page_explains_the_words_it_uses_in_the_order_it_uses_them(catalog):
    words = explanations(Texts(catalog, "en"))
    body = Texts(catalog, "en").node_body("pending_transaction", "evm_speed_up", {"network": "ethereum"})
    _html, used = render_marked(body, (), words.patterns())
    note = words.note(used)
    assert note.startswith("**Words explained**\n\n- **Network fee / gas**: What you pay the blockchain network")
    assert note.index("**nonce**") < note.index("**Approval**")
    assert explanations(Texts(catalog, "zh-CN")).note(["txid"]).startswith("**术语**\n\n- **交易哈希（TxID）**：")
