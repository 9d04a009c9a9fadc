"""Hostile email templates: a broken SOURCE template (and the whole chain) never stops the draft; it is reported
with file:line and the email is written with the built-in layout."""
from __future__ import annotations

import re

import pytest

from assistant.cli import main
from assistant.commands.draft import sample_walk
from assistant.content.catalog import load_catalog
from assistant.email import exports
from assistant.email.draft import build_draft
from assistant.email.exports import Message
from assistant.flows.engine import Session
from assistant.secrets.guard import Exit

BROKEN = {  # what a translator's typo (or a hostile edit) can put into the body template
    "unclosed": "{{ {% broken",
    "unclosed block": "{% for d in details %}{{ d.value }}",
    "unknown tag": "{% frobnicate %}",
    "undefined name": "{{ nonexistent.attr }}",
    "sandbox escape": "{{ details.__class__.__mro__[1].__subclasses__() }}",
    "division by zero": "{{ 1 // 0 }}",
    "bad filter": "{{ problem | no_such_filter }}",
    "type error": "{{ details + 1 }}",
    "index error": "{{ steps[99].title }}",
    "format error": "{{ '%d' % problem }}",
}


def break_templates(content, body: str, locales=("zh-CN", "en", "zh-TW")):
    for locale in locales:
        path = content / "locales" / locale / "email.toml"
        text = path.read_text(encoding="utf-8")
        start = text.index("body = '''") + len("body = '''")
        end = text.index("'''", start)
        path.write_text(text[:start] + "\nHello,\n" + body + "\nbye\n" + text[end:], encoding="utf-8")
    return load_catalog(content)


def finished(catalog):
    session = Session(catalog.flows["pending_transaction"])
    assert sample_walk(session)
    return session


@pytest.mark.parametrize("name", BROKEN)
def test_a_broken_source_template_falls_back_to_the_built_in_layout(content_copy, name):
    catalog = break_templates(content_copy, BROKEN[name])
    session = finished(catalog)
    for locale in ("zh-CN", "en"):
        draft = build_draft(session, catalog, locale)
        assert re.search(r"locales/zh-CN/email\.toml:\d+: email template 'email.template.body' is broken", draft.template_fault)
        line = int(re.search(r"email\.toml:(\d+):", draft.template_fault).group(1))
        source_lines = (content_copy / "locales" / "zh-CN" / "email.toml").read_text(encoding="utf-8").splitlines()
        assert BROKEN[name] in source_lines[line - 1] or name in ("unclosed block",)  # the line of the fault
        assert draft.subject and draft.context["reference"] in draft.body and "== Details ==" in draft.body
        assert all(d["value"] in draft.body for d in draft.context["details"])
        exports.text_for(Message.from_draft(draft), Exit.PDF)  # and it passes the firewall like any draft


def test_the_bilingual_draft_survives_a_broken_english_chain_too(content_copy):
    catalog = break_templates(content_copy, BROKEN["unclosed"])
    draft = build_draft(finished(catalog), catalog, "zh-CN", bilingual=True)
    assert draft.template_fault and draft.body.count("== Details ==") == 2


def test_draft_warns_with_file_and_line_instead_of_a_traceback(content_copy, monkeypatch, capsys, tmp_path):
    break_templates(content_copy, BROKEN["unclosed"])
    monkeypatch.setenv("WSA_CONTENT_DIR", str(content_copy))
    out = tmp_path / "x.eml"
    assert main(["draft", "--flow", "pending_transaction", "--sample", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err and re.search(r"warning: .*email\.toml:\d+: email template .* built-in layout", err)
    assert out.exists()


def test_check_reports_the_same_place(content_copy, monkeypatch, capsys):
    catalog = break_templates(content_copy, BROKEN["unclosed"], locales=("zh-CN",))
    fault = build_draft(finished(catalog), catalog, "zh-CN").template_fault
    monkeypatch.setenv("WSA_CONTENT_DIR", str(content_copy))
    assert main(["check"]) != 0
    assert fault.split(": email template")[0].split("locales/")[1] + ":1: error[E030]" in capsys.readouterr().out
