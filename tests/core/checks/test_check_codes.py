"""Every `check` code: one planted problem that triggers it (asserting code, file and line) and one that does not.

Problems are planted in their own tables ([wsa_test]) or files of a copy of the shipped content, so the
tests hold whatever the shipped content looks like today.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.checks.catalog import run_checks
from assistant.content.catalog import unit_hash

ROOT = Path(__file__).resolve().parents[3]
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning)\[(?P<code>[EW]\d{3})\]: .+; .+")


def plant(content: Path, locale: str, name: str, body: str, table: str = "wsa_test") -> int:
    """Append `[table]` + body to content/locales/<locale>/<name>; return the line number of the header."""
    path = content / "locales" / locale / name
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if old and not old.endswith("\n"):
        old += "\n"
    header = f"\n[{table}]\n" if old else f"[{table}]\n"
    path.write_text(old + header + body, encoding="utf-8")
    return old.count("\n") + (2 if old else 1)


def found(problems, code: str, path: Path, line: int | None = None):
    return [p for p in problems if p.code == code and p.path == path and (line is None or p.line == line)]


def loc(content: Path, locale: str, name: str) -> Path:
    return content / "locales" / locale / name


# ---- files: encoding, syntax, duplicates -----------------------------------------------------------------

def test_e001_toml_syntax(content_copy):
    line = plant(content_copy, "en", "ui.toml", 'title = "unterminated\n')
    problems = run_checks(content_copy)
    hit = found(problems, "E001", loc(content_copy, "en", "ui.toml"), line + 1)
    assert hit and "check quotes" in hit[0].message


def test_e001_not_for_valid_toml(content_copy):
    plant(content_copy, "en", "ui.toml", 'title = "fine"\n')
    assert not found(run_checks(content_copy), "E001", loc(content_copy, "en", "ui.toml"))


def test_e002_encoding(content_copy):
    other = loc(content_copy, "en", "guides.toml")
    other.write_bytes(other.read_bytes() + b'\n[wsa_test]\ntitle = "\xb2"\n')
    bad = found(run_checks(content_copy), "E002", other)
    assert bad and "UTF-8" in bad[0].message


def test_e002_not_for_clean_utf8(content_copy):
    assert not [p for p in run_checks(content_copy) if p.code == "E002"]


def test_e003_control_character(content_copy):
    line = plant(content_copy, "en", "ui.toml", 'title = "a\x01b"\n')
    hit = found(run_checks(content_copy), "E003", loc(content_copy, "en", "ui.toml"), line + 1)
    assert hit and hit[0].col == 11


def test_e003_not_for_tabs_and_newlines(content_copy):
    plant(content_copy, "en", "ui.toml", "title = \"a\\tb\"\nbody = '''\nx\ty\n'''\n")
    assert not found(run_checks(content_copy), "E003", loc(content_copy, "en", "ui.toml"))


def test_e004_duplicate_key_names_both_lines(content_copy):
    line = plant(content_copy, "en", "ui.toml", 'title = "a"\ntitle = "b"\n')
    hit = found(run_checks(content_copy), "E004", loc(content_copy, "en", "ui.toml"), line + 2)
    assert hit
    assert f"first at line {line + 1}" in hit[0].message and "delete" in hit[0].message


def test_e004_duplicate_table(content_copy):
    line = plant(content_copy, "en", "ui.toml", 'title = "a"\n\n[wsa_test]\nbody = "b"\n')
    hit = found(run_checks(content_copy), "E004", loc(content_copy, "en", "ui.toml"), line + 3)
    assert hit and f"first at line {line}" in hit[0].message


def test_e004_not_for_distinct_keys(content_copy):
    plant(content_copy, "en", "ui.toml", 'title = "a"\nbody = "b"\n')
    assert not found(run_checks(content_copy), "E004", loc(content_copy, "en", "ui.toml"))


def test_e005_same_key_in_two_files(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "一"\n')
    line = plant(content_copy, "zh-CN", "ui_wsa.toml", 'title = "二"\n')
    hit = found(run_checks(content_copy), "E005", loc(content_copy, "zh-CN", "ui_wsa.toml"), line + 1)
    assert hit and "ui.toml" in hit[0].message


def test_e005_not_for_different_keys(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "一"\n')
    plant(content_copy, "zh-CN", "ui_wsa.toml", 'title = "二"\n', table="wsa_other")
    assert not [p for p in run_checks(content_copy) if p.code == "E005"]


# ---- flow structure (E010-E017, E020, E023) ------------------------------------------------------------

GOOD_FLOW = """[flow]
start = "ask"

[nodes.ask]
kind = "question"
choices = [{ id = "a", next = "done" }]

[nodes.done]
kind = "outcome"
outcome = "resolved"
"""

GOOD_TEXT = """[flow]
title = "测试流程"
summary = "用来测试检查的流程。"

[nodes.ask]
title = "问题？"
choices.a = "选项"

[nodes.done]
title = "完成"
body = '''
已经完成。
'''
"""


def write_flow(content: Path, flow: str, text: str = GOOD_TEXT) -> Path:
    path = content / "flows" / "wsa_test.toml"
    path.write_text(flow, encoding="utf-8")
    (content / "locales" / "zh-CN" / "wsa_test.toml").write_text(text, encoding="utf-8")
    return path


def test_good_flow_has_no_structure_problems(content_copy):
    path = write_flow(content_copy, GOOD_FLOW)
    problems = run_checks(content_copy)
    assert not [p for p in problems if p.path in (path, loc(content_copy, "zh-CN", "wsa_test.toml"))
                and p.code.startswith("E0")]


@pytest.mark.parametrize(("code", "flow", "line"), [
    ("E010", GOOD_FLOW.replace('[flow]\nstart = "ask"\n', ""), 1),
    ("E011", GOOD_FLOW.replace('kind = "outcome"', 'kind = "ending"'), 9),
    ("E012", GOOD_FLOW.replace('next = "done"', 'next = "dne"'), 4),
    ("E013", GOOD_FLOW + '\n[nodes.orphan]\nkind = "outcome"\noutcome = "resolved"\n', 12),
    ("E014", GOOD_FLOW.replace('[{ id = "a", next = "done" }]',
                               '[{ id = "a", next = [{ when = { ask = ["a"] }, to = "done" }] }]'), 4),
    ("E015", GOOD_FLOW.replace('next = "done"', 'next = "loop"')
     + '\n[nodes.loop]\nkind = "step"\nsolved = "done"\nunsolved = "loop"\n', 12),
    ("E016", GOOD_FLOW.replace('{ id = "a", next = "done" }', '{ id = "a", next = "done", when = { nowhere = ["x"] } }, { id = "b", next = "done" }'), 4),
    ("E017", GOOD_FLOW.replace('[nodes.done]', '[nodes.form]\nkind = "form"\nnext = "done"\nfields = [{ name = "x", kind = "telepathy" }]\n\n[nodes.done]'), 11),
])
def test_flow_structure_codes(content_copy, code, flow, line):
    path = write_flow(content_copy, flow)
    hit = found(run_checks(content_copy), code, path)
    assert hit, code
    assert {p.line for p in hit} <= set(range(line, line + 3)), [p.render() for p in hit]


def test_e020_missing_source_text(content_copy):
    write_flow(content_copy, GOOD_FLOW, GOOD_TEXT.replace("body = '''\n已经完成。\n'''\n", ""))
    hit = found(run_checks(content_copy), "E020", loc(content_copy, "zh-CN", "wsa_test.toml"), 9)
    assert hit and "nodes.done.body" in hit[0].message


def test_e023_unknown_guide(content_copy):
    path = write_flow(content_copy, GOOD_FLOW.replace('outcome = "resolved"', 'outcome = "resolved"\nguides = ["nope"]'))
    hit = found(run_checks(content_copy), "E023", path, 8)
    assert hit and "'nope'" in hit[0].message


def test_e023_not_for_known_guide(content_copy):
    plant(content_copy, "zh-CN", "guides.toml", 'title = "指南"\nbody = "内容。"\n')
    path = write_flow(content_copy, GOOD_FLOW.replace('outcome = "resolved"', 'outcome = "resolved"\nguides = ["wsa_test"]'))
    assert not found(run_checks(content_copy), "E023", path)


# ---- coverage: W020 missing, W021 obsolete, W022 outdated ---------------------------------------------------

def test_w020_missing_translation(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "标题"\nbody = "正文内容"\n')
    line = plant(content_copy, "en", "ui.toml", 'title = "Title"\n')
    hit = found(run_checks(content_copy), "W020", loc(content_copy, "en", "ui.toml"), line)
    assert hit and "'wsa_test.body'" in hit[0].message


def test_w020_missing_file_is_one_warning(content_copy):
    line = plant(content_copy, "zh-CN", "ui_wsa.toml", 'title = "标题"\nbody = "正文内容"\n')
    hit = [p for p in found(run_checks(content_copy), "W020", loc(content_copy, "zh-CN", "ui_wsa.toml"), 1)
           if p.message.startswith("en has no")]
    assert len(hit) == 1 and "2 text(s)" in hit[0].message and line == 1


def test_w020_w021_not_when_complete(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "标题"\n')
    plant(content_copy, "en", "ui.toml", 'title = "Title"\n')
    problems = run_checks(content_copy)
    assert not [p for p in problems if p.code in ("W020", "W021") and "wsa_test" in p.message
                and p.path == loc(content_copy, "en", "ui.toml")]


def test_w021_obsolete(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "标题"\n')
    line = plant(content_copy, "en", "ui.toml", 'title = "Title"\nold = "Old text"\n')
    hit = found(run_checks(content_copy), "W021", loc(content_copy, "en", "ui.toml"), line + 2)
    assert hit and "delete it" in hit[0].message


def test_w022_outdated(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "新标题"\n')
    line = plant(content_copy, "en", "ui.toml", 'lock = "deadbeef"\ntitle = "Title"\n')
    hit = found(run_checks(content_copy), "W022", loc(content_copy, "en", "ui.toml"), line + 1)
    assert hit and "l10n diff en ui.wsa_test" in hit[0].message


def test_w022_not_when_lock_matches(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "新标题"\n')
    plant(content_copy, "en", "ui.toml", f'lock = "{unit_hash({"title": "新标题"})}"\ntitle = "Title"\n')
    assert not [p for p in run_checks(content_copy) if p.code == "W022" and "wsa_test" in p.message]


# ---- templates and placeholders ---------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "body", "clean"), [
    ("E030", "Hello {{ wallet }", "Hello {{ wallet }}"),
    ("E031", "Hello {{ walet }}", "Hello {{ wallet }}"),
    ("E032", "Hash {{ fields.no_such_field }}", "Hash {{ fields.get('no_such_field', '-') }}"),
])
def test_template_codes(content_copy, code, body, clean):
    line = plant(content_copy, "zh-CN", "email.toml", f'note = "{body}"\n')
    hit = found(run_checks(content_copy), code, loc(content_copy, "zh-CN", "email.toml"), line + 1)
    assert hit, code
    path = loc(content_copy, "zh-CN", "email.toml")
    path.write_text(path.read_text(encoding="utf-8").replace(body, clean), encoding="utf-8")
    assert not found(run_checks(content_copy), code, path)


def test_e030_multiline_template_line(content_copy):
    line = plant(content_copy, "zh-CN", "email.toml", "note = '''\n第一行\n{% if network %}\n'''\n")
    hit = found(run_checks(content_copy), "E030", loc(content_copy, "zh-CN", "email.toml"))
    assert hit and line + 2 <= hit[0].line <= line + 4


def test_e033_placeholders(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'count = "共 {count} 项"\n')
    line = plant(content_copy, "en", "ui.toml", 'count = "{cnt} items"\n')
    hit = found(run_checks(content_copy), "E033", loc(content_copy, "en", "ui.toml"), line + 1)
    assert hit and "{count}" in hit[0].message
    path = loc(content_copy, "en", "ui.toml")
    path.write_text(path.read_text(encoding="utf-8").replace("{cnt}", "{count}"), encoding="utf-8")
    assert not found(run_checks(content_copy), "E033", path)


# ---- text: HTML, invisible characters, links, phishing guard ---------------------------------------------------

def test_e040_raw_html(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "粗体文字"\n')
    line = plant(content_copy, "en", "ui.toml", 'title = "Some <b>bold</b> text"\n')
    hit = found(run_checks(content_copy), "E040", loc(content_copy, "en", "ui.toml"), line + 1)
    assert hit and hit[0].col == 15


def test_e040_not_for_autolinks_or_arrows(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "打开 我的 > 关于我们 <https://tokenpocket.pro>"\n')
    assert not found(run_checks(content_copy), "E040", loc(content_copy, "zh-CN", "ui.toml"))


def test_e041_invisible_and_bidi(content_copy):
    line = plant(content_copy, "zh-CN", "ui.toml", 'title = "地址\u202e是这个"\n')
    hit = found(run_checks(content_copy), "E041", loc(content_copy, "zh-CN", "ui.toml"), line + 1)
    assert hit and "U+202E" in hit[0].message and hit[0].col == 12


def test_e041_not_for_plain_text(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "地址是这个"\n')
    assert not found(run_checks(content_copy), "E041", loc(content_copy, "zh-CN", "ui.toml"))


def test_e042_link_target_differs(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "见[帮助](https://tokenpocket.pro/help)。"\n')
    line = plant(content_copy, "en", "ui.toml", 'title = "See [help](https://tokenpocket.pro/support)."\n')
    hit = found(run_checks(content_copy), "E042", loc(content_copy, "en", "ui.toml"), line + 1)
    assert any(p.col == 21 and "/support" in p.message for p in hit)
    path = loc(content_copy, "en", "ui.toml")
    path.write_text(path.read_text(encoding="utf-8").replace("/support", "/help"), encoding="utf-8")
    assert not found(run_checks(content_copy), "E042", path)


def test_e043_link_outside_allowed_domains(content_copy):
    line = plant(content_copy, "zh-CN", "ui.toml",
                 'title = "见[帮助](https://tokenpocket-help.com/x)"\nbody = "[a](http://tokenpocket.pro)"\n')
    problems = run_checks(content_copy)
    path = loc(content_copy, "zh-CN", "ui.toml")
    assert found(problems, "E043", path, line + 1)
    assert "https" in found(problems, "E043", path, line + 2)[0].message


def test_e043_not_for_allowed_domains(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "见[浏览器](https://etherscan.io/tx/0xabc)和 <https://www.tokenpocket.pro>"\n')
    assert not found(run_checks(content_copy), "E043", loc(content_copy, "zh-CN", "ui.toml"))


@pytest.mark.parametrize(("zh", "en", "what"), [
    ("转到 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed。", "Send to 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAee.", "wallet address"),
    ("写信给 service@tokenpocket.pro。", "Write to service@tokenpocket-pro.com.", "email"),
    ("手续费提高至少 10%。", "Raise the fee by at least 15%.", "number"),
    ("官网 tokenpocket.pro。", "Website tokenpocket.co.", "domain"),
])
def test_e044_phishing_guard(content_copy, zh, en, what):
    plant(content_copy, "zh-CN", "ui.toml", f'title = "{zh}"\n')
    line = plant(content_copy, "en", "ui.toml", f'title = "{en}"\n')
    hit = found(run_checks(content_copy), "E044", loc(content_copy, "en", "ui.toml"), line + 1)
    assert hit and any(what in p.message for p in hit)


def test_e044_not_for_same_data_in_other_words(content_copy):
    plant(content_copy, "zh-CN", "ui.toml",
          'title = "1. 在“我的 > 关于我们”里查看版本 2.3.1（例如 2026-11-20 14:05 +08:00）。官网 tokenpocket.pro，'
          '邮箱 service@tokenpocket.pro，{{ wallet }}。"\n')
    plant(content_copy, "en", "ui.toml",
          'title = "1. See the version 2.3.1 under Me > About Us (for example 2026-11-20 14:05 +08:00). '
          'Website tokenpocket.pro, email service@tokenpocket.pro, {{ wallet }}."\n')
    assert not found(run_checks(content_copy), "E044", loc(content_copy, "en", "ui.toml"))


# ---- CJK typography and untranslated text -------------------------------------------------------------------------

def test_w050_ascii_punctuation_in_chinese(content_copy):
    line = plant(content_copy, "zh-CN", "ui.toml", 'title = "请检查钱包,然后重试..."\n')
    hit = found(run_checks(content_copy), "W050", loc(content_copy, "zh-CN", "ui.toml"), line + 1)
    assert {p.col for p in hit} == {15, 20}
    assert any("'，'" in p.message for p in hit) and any("……" in p.message for p in hit)


def test_w050_not_for_urls_versions_lists_and_latin(content_copy):
    plant(content_copy, "zh-CN", "ui.toml",
          "body = '''\n1. 打开 https://tokenpocket.pro/a.b?x=1 查看版本 2.3.1 和时间 14:05。\n"
          "2. 支持 TRON, Solana 和 Bitcoin。\n'''\n")
    assert not found(run_checks(content_copy), "W050", loc(content_copy, "zh-CN", "ui.toml"))


def test_w051_soft_line_break_in_chinese_paragraph(content_copy):
    line = plant(content_copy, "zh-CN", "ui.toml", "body = '''\n第一行文字\n第二行文字\n'''\n")
    hit = found(run_checks(content_copy), "W051", loc(content_copy, "zh-CN", "ui.toml"), line + 2)
    assert hit and hit[0].col == 6


def test_w051_not_for_paragraphs_and_lists(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", "body = '''\n第一段文字\n\n第二段文字\n- 列表一\n- 列表二\n'''\n")
    assert not found(run_checks(content_copy), "W051", loc(content_copy, "zh-CN", "ui.toml"))


def test_w052_same_as_source(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'title = "请重新打开应用"\n')
    line = plant(content_copy, "en", "ui.toml", 'title = "请重新打开应用"\n')
    hit = found(run_checks(content_copy), "W052", loc(content_copy, "en", "ui.toml"), line + 1)
    assert hit and "not translated" in hit[0].message


def test_w052_not_for_brands_numbers_and_short_text(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", 'a = "TokenPocket"\nb = "2026"\nc = "OK"\nd = "[{{ wallet }}] · {{ reference }}"\n')
    plant(content_copy, "en", "ui.toml", 'a = "TokenPocket"\nb = "2026"\nc = "OK"\nd = "[{{ wallet }}] · {{ reference }}"\n')
    assert not found(run_checks(content_copy), "W052", loc(content_copy, "en", "ui.toml"))


# ---- ignore comments, strict mode, output format ------------------------------------------------------------------

def test_ignore_comment_for_unit_and_for_key(content_copy):
    line = plant(content_copy, "zh-CN", "ui.toml",
                 '# check: ignore[W050]\ntitle = "请检查钱包,然后重试"\nbody = "第二个,问题"\n'
                 '\n[wsa_other]\ntitle = "请检查,钱包"  # check: ignore[W050]\nbody = "还有,问题"\n')
    path = loc(content_copy, "zh-CN", "ui.toml")
    hits = found(run_checks(content_copy), "W050", path)
    assert [p.line for p in hits if p.line > line] == [line + 7]


def test_w053_ignore_comment_that_cannot_apply(content_copy):
    line = plant(content_copy, "zh-CN", "ui.toml", '# check: ignore[E001, W050]\ntitle = "好的,谢谢"\n')
    problems = run_checks(content_copy)
    path = loc(content_copy, "zh-CN", "ui.toml")
    assert found(problems, "W053", path, line + 1)
    assert not found(problems, "W050", path, line + 2)


def test_w053_not_for_valid_ignore(content_copy):
    plant(content_copy, "zh-CN", "ui.toml", '# check: ignore[W050]\ntitle = "好的,谢谢"\n')
    assert not [p for p in run_checks(content_copy) if p.code == "W053"]


def _cli(content: Path, *args: str) -> subprocess.CompletedProcess:
    import os

    env = {**os.environ, "WSA_CONTENT_DIR": str(content)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "check", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)


def test_cli_format_strict_and_json(content_copy):
    line = plant(content_copy, "zh-CN", "ui.toml", 'title = "请检查钱包,然后重试"\n')
    text = _cli(content_copy, "--locale", "zh-CN")
    ours = [ln for ln in text.stdout.splitlines() if "W050" in ln and "ui.toml" in ln]
    assert ours and all(LINE.match(ln) for ln in text.stdout.splitlines())
    assert ours[0].startswith(f"content/locales/zh-CN/ui.toml:{line + 1}:15: warning[W050]: ")
    strict = _cli(content_copy, "--locale", "zh-CN", "--strict")
    assert strict.returncode == 1 and f"ui.toml:{line + 1}:15: error[W050]" in strict.stdout
    data = json.loads(_cli(content_copy, "--locale", "zh-CN", "--format", "json").stdout)
    item = next(d for d in data if d["code"] == "W050" and d["path"].endswith("ui.toml"))
    assert item == {"path": "content/locales/zh-CN/ui.toml", "line": line + 1, "col": 15, "severity": "warning",
                    "code": "W050", "message": item["message"]}
