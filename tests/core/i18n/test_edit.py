"""Editing a unit in place: only the edited values change, byte for byte; an edit that breaks the unit is refused."""
from __future__ import annotations

import difflib
import tomllib
from pathlib import Path

import pytest

from assistant.checks.catalog import check_catalog
from assistant.content.catalog import load_catalog
from assistant.i18n.edit import EditRefused, edit_text, save_unit, unit_values


def changed_lines(old: str, new: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines of a diff of the two texts."""
    removed, added = [], []
    for line in difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        (removed if line[0] == "-" else added).append(line[1:])
    return removed, added


def checker(locale: str):
    return lambda catalog: check_catalog(catalog, locale)[0]


BODY = "## 手順\n\n1. **設定**を開く → 「ネットワーク」\n2. `設定` の画面を閉じない\n\n> 秘密鍵は誰にも教えない。\n"


def test_markdown_cjk_body_round_trip_keeps_every_other_byte(content_copy):
    catalog = load_catalog(content_copy)
    unit, key = "_safety_gate.nodes.safety_contact", "_safety_gate.nodes.safety_contact.body"
    path = content_copy / "locales" / "ja" / "_safety_gate.toml"
    old = path.read_bytes()
    values = dict(unit_values(catalog, "ja", unit))
    assert save_unit(catalog, "ja", unit, values) == []  # nothing changed: nothing written
    assert path.read_bytes() == old
    values[key] = BODY
    assert save_unit(catalog, "ja", unit, values, check=checker("ja")) == [key]
    new = path.read_bytes()
    removed, added = changed_lines(old.decode(), new.decode())
    body_lines = tomllib.loads(old.decode())["nodes"]["safety_contact"]["body"].splitlines(keepends=True)
    assert removed == body_lines
    assert added == BODY.splitlines(keepends=True)  # the ''' lines, comments, lock and other keys are untouched
    assert "body = '''\n## 手順\n" in new.decode()  # still a multi-line literal string, body on the next line
    assert load_catalog(content_copy).texts["ja"][key].value == BODY
    # and back again: the file is byte-identical to the original
    values[key] = catalog.texts["ja"][key].value
    save_unit(load_catalog(content_copy), "ja", unit, values)
    assert path.read_bytes() == old


def test_only_the_edited_value_changes_in_a_table_with_dotted_keys(content_copy):
    catalog = load_catalog(content_copy)
    unit = "_safety_gate.nodes.safety_contact"
    path = content_copy / "locales" / "ja" / "_safety_gate.toml"
    old = path.read_text(encoding="utf-8")
    values = dict(unit_values(catalog, "ja", unit))
    values[f"{unit}.choices.no"] = "いいえ、ありません"
    save_unit(catalog, "ja", unit, values)
    removed, added = changed_lines(old, path.read_text(encoding="utf-8"))
    assert removed == ['choices.no = "いいえ"\n'] and added == ['choices.no = "いいえ、ありません"\n']


def test_quoting_comments_bom_and_lists_are_kept():
    text = ("\ufeff# head comment\n\n[a]  # table comment\nlock = \"1234abcd\"\n"
            "title = 'lit'  # check: ignore[E050]\nplain = \"x\\ty\"\n"
            "items = [\"one\", 'two',  # kept\n  \"three\"]\nbody = '''\n**b** 中文\n'''\n")
    new = edit_text(text, {("a", "title"): "new lit", ("a", "items"): ["one", "二", "three"],
                           ("a", "body"): "*c* 한국어\n"})
    assert new == text.replace("'lit'", "'new lit'").replace("'two'", "'二'").replace("**b** 中文", "*c* 한국어")
    # a text a literal string cannot hold falls back to the basic form of the same kind
    quoted = edit_text(text, {("a", "title"): "it's"})
    assert "title = \"it's\"  # check: ignore[E050]\n" in quoted
    assert edit_text(text, {("a", "body"): "a '''quoted''' body\n"}).count('"""') == 2
    assert edit_text(text, {}) == text


def test_an_edit_that_would_fail_check_is_refused_with_the_reason(content_copy):
    catalog = load_catalog(content_copy)
    unit = "ui_translator.translator"
    path = content_copy / "locales" / "en" / "ui_translator.toml"
    old = path.read_bytes()
    values = dict(unit_values(catalog, "en", unit))
    values["ui.translator.source_head"] = "Source: {nmae}"  # a placeholder the source does not have
    with pytest.raises(EditRefused) as refused:
        save_unit(catalog, "en", unit, values, check=checker("en"))
    message = str(refused.value)
    assert message.startswith(f"not saved: {unit} would have errors in en")
    assert "nmae" in message and "content/locales/en/ui_translator.toml:" in message
    assert refused.value.problems
    assert path.read_bytes() == old  # nothing written


def test_keys_not_in_the_file_are_refused(content_copy):
    catalog = load_catalog(content_copy)
    with pytest.raises(EditRefused, match="not in"):
        save_unit(catalog, "en", "ui_translator.translator", {"ui.translator.no_such_key": "x"})
    with pytest.raises(EditRefused, match="not a list of texts"):
        key = "_safety_gate.nodes.safety_contact.choices.yes"
        save_unit(catalog, "ja", "_safety_gate.nodes.safety_contact", {key: ["a", "b"]})


def test_a_list_can_grow_and_shrink():
    text = '[flow]\nkeywords = ["a", "b", "c"]  # words\ntitle = "t"\n'
    assert edit_text(text, {("flow", "keywords"): ["a", "B", "c", "d"]}) == text.replace('"b", "c"', '"B", "c", "d"')
    assert edit_text(text, {("flow", "keywords"): ["a"]}) == text.replace('"a", "b", "c"', '"a"')


def test_file_mode_is_kept(content_copy):
    path = content_copy / "locales" / "en" / "ui_translator.toml"
    path.chmod(0o600)
    catalog = load_catalog(content_copy)
    save_unit(catalog, "en", "ui_translator.translator", {"ui.translator.reload": "Reload now"})
    assert Path(path).stat().st_mode & 0o777 == 0o600
    assert 'reload = "Reload now"\n' in path.read_text(encoding="utf-8")
