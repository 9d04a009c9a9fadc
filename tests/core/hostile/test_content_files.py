"""Hostile content edits: a deleted flow file that other content still refers to is reported with file:line."""
from __future__ import annotations

import pytest

from assistant.checks.catalog import run_checks
from assistant.content.catalog import load_catalog

FLOWS = ("login_failure", "lost_wallet", "pending_transaction", "stuck_withdrawal")


@pytest.mark.parametrize("flow", FLOWS)
def test_deleting_a_flow_file_is_reported_in_every_locale_that_still_has_its_texts(content_copy, flow):
    (content_copy / "flows" / f"{flow}.toml").unlink()
    problems = [p for p in run_checks(content_copy) if p.code == "E024"]
    where = {(p.path.parent.name, p.path.name) for p in problems}
    locales = [code for code, info in load_catalog(content_copy).locales.items() if not info.pseudo]
    assert where == {(locale, f"{flow}.toml") for locale in locales} and {"zh-CN", "en"} <= set(locales)
    for p in problems:
        first = p.path.read_text(encoding="utf-8").splitlines()[p.line - 1]
        assert "=" in first and p.line > 1 and p.severity == "error"  # the flow's first text
        assert f"content/flows/{flow}.toml does not exist" in p.message
    assert flow not in load_catalog(content_copy).flows


def test_a_link_to_a_deleted_flow_is_reported_where_it_is(content_copy):
    (content_copy / "flows" / "lost_wallet.toml").unlink()
    ui = content_copy / "locales" / "en" / "ui.toml"
    text = ui.read_text(encoding="utf-8")
    linked = text.replace('intro = "Pick', 'intro = "See [lost wallet](flow:lost_wallet). Pick', 1)
    ui.write_text(linked, encoding="utf-8")
    line = next(i for i, ln in enumerate(ui.read_text(encoding="utf-8").splitlines(), 1) if "flow:lost_wallet" in ln)
    found = [p for p in run_checks(content_copy) if p.code == "E024" and p.path == ui]
    assert [(p.line, "links to flow 'lost_wallet'" in p.message) for p in found] == [(line, True)]


def test_a_link_to_a_flow_that_never_existed_is_reported(content_copy):
    guides = content_copy / "locales" / "zh-CN" / "guides.toml"
    text = guides.read_text(encoding="utf-8")
    guides.write_text(text + '\n[extra]\ntitle = "x"\nbody = "see flow:no_such_flow"\n', encoding="utf-8")
    assert any(p.code == "E024" and "no_such_flow" in p.message for p in run_checks(content_copy))


def test_the_shipped_content_has_no_dangling_flow_reference(catalog):
    from assistant.checks.references import check_flow_references

    assert check_flow_references(catalog, list(catalog.locales)) == []
