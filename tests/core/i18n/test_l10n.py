"""Locks, snapshots, diff, accept, new locales, fallback of outdated safety text, and the pseudo-locale."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from assistant.checks.catalog import run_checks
from assistant.content.catalog import load_catalog, unit_hash
from assistant.i18n.l10n import L10nError, accept, set_lock, status
from assistant.i18n.loading import load_catalog as load_for_people
from assistant.i18n.new_locale import default_fonts, new_locale
from assistant.i18n.pseudo import PSEUDO_CODE, pseudo_text
from assistant.i18n.snapshots import read_snapshots, unit_diff

ROOT = Path(__file__).resolve().parents[3]


def append(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    path.write_text(old + ("\n" if old and not old.endswith("\n") else "") + text, encoding="utf-8")


def cli(content: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "WSA_CONTENT_DIR": str(content)}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=60)


# ---- set_lock edits text, keeps everything else ------------------------------------------------------------

TEXT = """# A translator's comment
[flow]
title = "Title"   # keep this comment

[nodes.a]
# note about a
title = "A"
body = '''
[nodes.fake] inside a string
lock = "not a lock"
'''

[nodes.b.fields.x]
label = "X"

[nodes]
c.title = "C"
"""


def test_set_lock_inserts_after_header_and_keeps_formatting():
    new = set_lock(TEXT, ("nodes", "a"), "1234abcd")
    assert new.replace('lock = "1234abcd"\n', "", 1) == TEXT
    assert '[nodes.a]\nlock = "1234abcd"\n# note about a' in new
    assert tomllib.loads(new)["nodes"]["a"]["body"] == tomllib.loads(TEXT)["nodes"]["a"]["body"]


def test_set_lock_replaces_existing_value():
    once = set_lock(TEXT, ("flow",), "aaaaaaaa")
    twice = set_lock(once, ("flow",), "bbbbbbbb")
    assert twice == once.replace("aaaaaaaa", "bbbbbbbb")
    assert twice.count('lock = "bbbbbbbb"') == 1 and "aaaaaaaa" not in twice


@pytest.mark.parametrize(("unit", "expect"), [
    (("nodes", "b"), '[nodes.b]\nlock = "12345678"\n\n[nodes.b.fields.x]'),
    (("nodes", "c"), 'c.lock = "12345678"\nc.title = "C"'),
])
def test_set_lock_without_own_header(unit, expect):
    new = set_lock(TEXT, unit, "12345678")
    assert expect in new
    data = tomllib.loads(new)
    assert data["nodes"][unit[1]]["lock"] == "12345678"


# ---- accept, outdated, diff, status -----------------------------------------------------------------------------

@pytest.fixture
def unit_pair(content_copy):
    """A [wsa_test] unit in zh-CN and en ui.toml; returns the content dir."""
    append(content_copy / "locales" / "zh-CN" / "ui.toml", '[wsa_test]\ntitle = "旧标题"\nbody = "第一句。第二句。"\n')
    append(content_copy / "locales" / "en" / "ui.toml", '# translated by hand\n[wsa_test]\ntitle = "Old title"  # short\n'
                                                        'body = "First. Second."\n')
    return content_copy


def test_accept_writes_lock_and_snapshot_then_outdated_diff(unit_pair):
    en = unit_pair / "locales" / "en" / "ui.toml"
    before = en.read_text(encoding="utf-8")
    catalog = load_catalog(unit_pair)
    assert accept(catalog, "en", ["ui.wsa_test"]) == ["ui.wsa_test"]
    after = en.read_text(encoding="utf-8")
    lock = unit_hash({"title": "旧标题", "body": "第一句。第二句。"})
    assert after == before.replace("[wsa_test]\n", f'[wsa_test]\nlock = "{lock}"\n')
    snap = read_snapshots(load_catalog(unit_pair), "en")["ui.wsa_test"]
    assert snap["lock"] == lock and snap["title"] == "旧标题"
    assert not load_catalog(unit_pair).is_outdated("en", "ui.wsa_test")
    # the source changes → outdated, W022, and a diff of exactly the change
    zh = unit_pair / "locales" / "zh-CN" / "ui.toml"
    zh.write_text(zh.read_text(encoding="utf-8").replace("旧标题", "新标题"), encoding="utf-8")
    catalog = load_catalog(unit_pair)
    assert catalog.is_outdated("en", "ui.wsa_test")
    assert [p for p in run_checks(unit_pair) if p.code == "W022" and p.path == en]
    summary, lines = unit_diff(catalog, "en", "ui.wsa_test")
    assert "outdated" in summary
    assert "-旧标题" in lines and "+新标题" in lines and not any("第一句" in ln and ln[0] in "+-" for ln in lines)
    # accept again → current
    accept(catalog, "en", ["ui.wsa_test.title"])
    catalog = load_catalog(unit_pair)
    assert not catalog.is_outdated("en", "ui.wsa_test")
    assert unit_diff(catalog, "en", "ui.wsa_test")[1] == []
    assert en.read_text(encoding="utf-8").count("lock =") == before.count("lock =") + 1


def test_snapshot_file_is_not_loaded_as_text(unit_pair):
    accept(load_catalog(unit_pair), "en", ["ui.wsa_test"])
    catalog = load_catalog(unit_pair)
    assert not [k for k in catalog.texts["en"] if "snapshot" in k or k.startswith(".")]


def test_accept_all_cli_and_status(unit_pair):
    result = cli(unit_pair, "l10n", "accept", "en", "--all")
    assert result.returncode == 0, result.stderr
    catalog = load_catalog(unit_pair)
    st = status(catalog, "en")
    assert st.count("unlocked") == 0 and st.count("outdated") == 0
    text = cli(unit_pair, "l10n", "status", "en")
    assert text.returncode == 0 and "flow " in text.stdout and "units:" in text.stdout
    diff = cli(unit_pair, "l10n", "diff", "en", "ui.wsa_test")
    assert diff.returncode == 0 and "up to date" in diff.stdout


def test_diff_and_accept_reject_unknown_units(unit_pair):
    catalog = load_catalog(unit_pair)
    with pytest.raises(L10nError, match="did you mean ui.wsa_test"):
        unit_diff(catalog, "en", "ui.wsa_tset")
    with pytest.raises(L10nError, match="source language"):
        accept(catalog, "zh-CN", None)
    assert cli(unit_pair, "l10n", "accept", "en", "nope.nope").returncode == 1


def test_status_states(unit_pair):
    append(unit_pair / "locales" / "zh-CN" / "ui.toml", '[wsa_same]\ntitle = "未翻译的文字"\n\n[wsa_missing]\ntitle = "缺"\n')
    append(unit_pair / "locales" / "en" / "ui.toml", '[wsa_same]\ntitle = "未翻译的文字"\n')
    states = {u.unit: u.state for u in status(load_catalog(unit_pair), "en").units}
    assert states["ui.wsa_test"] == "unlocked"
    assert states["ui.wsa_same"] == "untranslated"
    assert states["ui.wsa_missing"] == "missing"


# ---- outdated safety text falls back ------------------------------------------------------------------------------

def test_outdated_critical_unit_falls_back_to_source(unit_pair):
    en = unit_pair / "locales" / "en" / "ui.toml"
    en.write_text(en.read_text(encoding="utf-8").replace("[wsa_test]\n", '[wsa_test]\nlock = "00000000"\n'),
                  encoding="utf-8")
    catalog = load_catalog(unit_pair)
    assert catalog.is_outdated("en", "ui.wsa_test")
    assert catalog.text("en", "ui.wsa_test.title") == "Old title"  # not safety text: still shown
    locales = unit_pair / "locales.toml"
    text = locales.read_text(encoding="utf-8")
    assert "units = [" in text
    locales.write_text(text.replace("units = [", 'units = ["ui.wsa_test", ', 1), encoding="utf-8")
    catalog = load_catalog(unit_pair)
    assert "ui.wsa_test" in catalog.critical_units
    assert catalog.text("en", "ui.wsa_test.title") == "旧标题"  # safety text: the source is shown instead
    accept(catalog, "en", ["ui.wsa_test"])  # translation brought up to date → shown again
    assert load_catalog(unit_pair).text("en", "ui.wsa_test.title") == "Old title"


def test_critical_flow_node_falls_back(content_copy):
    (content_copy / "flows" / "wsa_test.toml").write_text(
        '[flow]\nstart = "done"\n\n[nodes.done]\nkind = "outcome"\noutcome = "urgent"\ncritical = true\n', encoding="utf-8")
    (content_copy / "locales" / "zh-CN" / "wsa_test.toml").write_text(
        '[flow]\ntitle = "测试"\nsummary = "测试流程。"\n\n[nodes.done]\ntitle = "立即停止"\nbody = "不要回复。"\n', encoding="utf-8")
    (content_copy / "locales" / "en" / "wsa_test.toml").write_text(
        '[flow]\ntitle = "Test"\nsummary = "Test flow."\n\n[nodes.done]\nlock = "00000000"\ntitle = "Stop now"\nbody = "Do not reply."\n',
        encoding="utf-8")
    catalog = load_catalog(content_copy)
    assert "wsa_test.nodes.done" in catalog.critical_units
    assert catalog.text("en", "wsa_test.nodes.done.title") == "立即停止"
    assert catalog.text("en", "wsa_test.flow.title") == "Test"


# ---- a new locale by files alone, and by `l10n new` ------------------------------------------------------------------

def test_new_locale_by_files_alone(content_copy):
    shutil.copytree(content_copy / "locales" / "en", content_copy / "locales" / "qaa")
    append(content_copy / "locales.toml", '[locales.qaa]\nname = "Testisch"\nfallback = ["en", "zh-CN"]\n')
    catalog = load_catalog(content_copy)
    assert catalog.locales["qaa"].name == "Testisch"
    assert catalog.chain("qaa") == ["qaa", "en", "zh-CN"]


def test_l10n_new_scaffolds_and_enables(content_copy):
    catalog = load_catalog(content_copy)
    written = new_locale(catalog, "ko-KR", "한국어", ["en", "zh-CN"])
    assert {p.name for p in written} == {p.name for p in (content_copy / "locales" / "zh-CN").glob("*.toml")}
    first = written[0].read_text(encoding="utf-8")
    assert first.startswith("# 한국어 (ko-KR): NOT TRANSLATED YET") and "lock =" not in first
    data = tomllib.loads((content_copy / "locales.toml").read_text(encoding="utf-8"))
    assert data["locales"]["ko-KR"] == {"name": "한국어", "fallback": ["en", "zh-CN"], "fonts": default_fonts("ko-KR")}
    assert data["locales"]["ko-KR"]["fonts"][0] == "Noto Sans CJK KR"
    assert data["source"] == tomllib.loads((ROOT / "content" / "locales.toml").read_text(encoding="utf-8"))["source"]
    catalog = load_catalog(content_copy)
    assert "ko-KR" in catalog.locales
    problems = [p for p in run_checks(content_copy, "ko-KR") if "/ko-KR/" in str(p.path)]
    assert problems and all(p.code == "W052" for p in problems), {p.code for p in problems}
    with pytest.raises(L10nError, match="already exists"):
        new_locale(catalog, "ko-KR", "한국어", ["zh-CN"])


def test_l10n_new_cli(content_copy):
    result = cli(content_copy, "l10n", "new", "qaa", "--name", "Testisch", "--fallback", "en,zh-CN", "--from", "en")
    assert result.returncode == 0, result.stderr
    assert "qaa" in load_catalog(content_copy).locales


# ---- pseudo-locale ------------------------------------------------------------------------------------------------------

def test_pseudo_text_keeps_data_and_grows():
    src = "Send {count} to [help](https://tokenpocket.pro/x) or service@tokenpocket.pro, fee 10%, {{ wallet }}"
    out = pseudo_text(src)
    for kept in ("{count}", "(https://tokenpocket.pro/x)", "service@tokenpocket.pro", "10%", "{{ wallet }}"):
        assert kept in out
    assert out.startswith("[") and out.endswith("]") and "Šéñď" in out
    plain = "Start over"
    assert len(pseudo_text(plain)) >= 1.4 * len(plain)


def test_pseudo_locale_is_synthesised_and_never_checked(content_copy, monkeypatch):
    assert PSEUDO_CODE not in load_catalog(content_copy).locales
    monkeypatch.setenv("WSA_PSEUDO_LOCALE", "1")
    assert PSEUDO_CODE not in load_catalog(content_copy).locales  # the content loader never synthesises it
    catalog = load_for_people(content_copy)
    assert catalog.locales[PSEUDO_CODE].pseudo
    assert set(catalog.texts[PSEUDO_CODE]) >= set(catalog.texts["en"])
    assert catalog.text(PSEUDO_CODE, "ui.nav.back", "x") != catalog.text("en", "ui.nav.back", "x")
    assert not list((content_copy / "locales").glob(f"{PSEUDO_CODE}*"))
    assert not [p for p in run_checks(content_copy) if PSEUDO_CODE in p.message or PSEUDO_CODE in str(p.path)]
    from assistant.checks.templates import sample_context
    from assistant.email.draft import render_template

    flow_id = next(iter(catalog.flows), None)
    if flow_id:
        body = render_template(catalog.text(PSEUDO_CODE, "email.template.body"), sample_context(catalog, flow_id))
        assert "WSA-1A2B3C" in body
