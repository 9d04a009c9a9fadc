"""Translator workflow v2: fonts for a new language, honest coverage, accept per file and unit (refusing errors),
and outdated safety text falling back along the locale's own chain, reported."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from assistant.checks.catalog import check_catalog, run_checks
from assistant.content.catalog import load_catalog
from assistant.i18n.l10n import L10nError, accept, flow_coverage, status, units_with_errors
from assistant.i18n.new_locale import new_locale

from .test_l10n import append, cli


def enable(content: Path, code: str, fallback: str = '["en", "zh-CN"]') -> Path:
    """A throw-away locale `code` (ja-JP, ko-KR …: the language decides the rules) that falls back to en, zh-CN."""
    folder = content / "locales" / code
    folder.mkdir(exist_ok=True)
    text = (content / "locales.toml").read_text(encoding="utf-8")
    if f'[locales."{code}"]' in text:
        return folder
    entry = f'[locales."{code}"]\nname = "{code}"\nfallback = {fallback}\n\n[critical]'
    (content / "locales.toml").write_text(text.replace("[critical]", entry), encoding="utf-8")
    return folder


# ---- l10n new -----------------------------------------------------------------------------------------------------

def test_l10n_new_ja_sets_a_japanese_font_and_english_first_fallback(content_copy):
    result = cli(content_copy, "l10n", "new", "ja-JP", "--name", "日本語", "--from", "en")
    assert result.returncode == 0, result.stderr
    assert "Noto Sans CJK JP" in result.stdout and "en → zh-CN" in result.stdout
    info = tomllib.loads((content_copy / "locales.toml").read_text(encoding="utf-8"))["locales"]["ja-JP"]
    assert info["fonts"][0] == "Noto Sans CJK JP" and info["fallback"] == ["en", "zh-CN"]
    assert load_catalog(content_copy).locales["ja-JP"].fonts[0] == "Noto Sans CJK JP"


def test_l10n_new_chinese_variant_and_explicit_fonts(content_copy):
    catalog = load_catalog(content_copy)
    new_locale(catalog, "zh-HK", "香港中文")
    new_locale(load_catalog(content_copy), "qaa", "Test", fonts=["DejaVu Sans"])
    locales = load_catalog(content_copy).locales
    assert locales["zh-HK"].fallback == ("zh-CN",) and locales["zh-HK"].fonts[0] == "Noto Sans CJK HK"
    assert locales["qaa"].fonts == ("DejaVu Sans",) and locales["qaa"].fallback == ("en", "zh-CN")


# ---- status counts only real translations ----------------------------------------------------------------------------

def test_status_does_not_count_untranslated_copies(content_copy):
    new_locale(load_catalog(content_copy), "ja-JP", "日本語", copy_from="en")
    catalog = load_catalog(content_copy)
    # only texts that read the same in every language count (network names, "TRON (TRC-20)", "USDT", "#318842"):
    # about a tenth of a flow, where a copy used to count as all of it
    assert all(done <= total // 5 for done, total in flow_coverage(catalog, "ja-JP").values())
    st = status(catalog, "ja-JP")
    # a unit made only of names (the network list of the email labels) reads the same in every language
    assert st.count("untranslated") > 100 and st.count("current") == 0 and st.count("unlocked") <= 2
    assert all(have <= total // 4 for have, total in st.files.values())
    report = json.loads(cli(content_copy, "l10n", "status", "ja-JP", "--format", "json").stdout)[0]
    assert all(f["present"] <= f["total"] // 5 for f in report["flows"].values())


def test_status_counts_text_marked_same_on_purpose(content_copy):
    folder = enable(content_copy, "ja-JP")
    append(content_copy / "locales" / "zh-CN" / "ui.toml", '[wsa_test]\ntitle = "未翻译的文字"\nbody = "正文"\n')
    append(folder / "ui.toml", '[wsa_test]\ntitle = "未翻译的文字"  # check: ignore[W052] — same on purpose\nbody = "本文"\n')
    states = {u.unit: u for u in status(load_catalog(content_copy), "ja-JP").units}
    assert states["ui.wsa_test"].state == "unlocked" and states["ui.wsa_test"].present == 2


# ---- accept per file and per unit, refusing errors -------------------------------------------------------------------

@pytest.fixture
def ja_pair(content_copy):
    folder = enable(content_copy, "ja-JP")
    append(content_copy / "locales" / "zh-CN" / "ui_wsa.toml",
           '[one]\ntitle = "第一"\n\n[two]\ntitle = "第二，手续费 10%"\n\n[three]\ntitle = "第三"\n')
    append(folder / "ui_wsa.toml", '[one]\ntitle = "一つ目"\n\n[two]\ntitle = "二つ目、手数料 10%"\n\n[three]\ntitle = "三つ目"\n')
    return content_copy


def test_accept_a_whole_file(ja_pair):
    result = cli(ja_pair, "l10n", "accept", "ja-JP", "ui_wsa.toml")
    assert result.returncode == 0, result.stderr
    assert {"ui_wsa.one", "ui_wsa.two", "ui_wsa.three"} <= set(load_catalog(ja_pair).locks["ja-JP"])
    assert cli(ja_pair, "l10n", "accept", "ja-JP", "content/locales/ja/nope.toml").returncode == 1


def test_accept_one_unit(ja_pair):
    assert accept(load_catalog(ja_pair), "ja-JP", ["ui_wsa.two"]) == ["ui_wsa.two"]
    assert set(load_catalog(ja_pair).locks["ja-JP"]) == {"ui_wsa.two"}


def test_accept_refuses_a_unit_with_errors(ja_pair):
    path = ja_pair / "locales" / "ja-JP" / "ui_wsa.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("10%", "15%"), encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    catalog = load_catalog(ja_pair)
    errors = units_with_errors(catalog, "ja-JP", check_catalog(catalog, "ja-JP")[0])
    assert list(errors) == ["ui_wsa.two"] and errors["ui_wsa.two"][0].code == "E044"
    with pytest.raises(L10nError, match="still have errors"):
        accept(catalog, "ja-JP", ["ui_wsa.toml"], errors)
    assert path.read_text(encoding="utf-8") == before  # nothing written
    result = cli(ja_pair, "l10n", "accept", "ja-JP", "ui_wsa.two")
    assert result.returncode == 1 and "E044" in result.stderr
    # --all locks the clean units and lists the refused one
    result = cli(ja_pair, "l10n", "accept", "ja-JP", "--all")
    assert result.returncode == 1 and "not accepted ja-JP ui_wsa.two" in result.stderr
    locks = load_catalog(ja_pair).locks["ja-JP"]
    assert "ui_wsa.one" in locks and "ui_wsa.two" not in locks


# ---- outdated safety text falls back along the locale's own chain -------------------------------------------------------

@pytest.fixture
def safety(content_copy):
    """A critical [wsa_safety] unit in zh-CN, en and ja; ja's lock is outdated."""
    folder = enable(content_copy, "ja-JP")
    append(content_copy / "locales" / "zh-CN" / "ui.toml", '[wsa_safety]\ntitle = "不要把助记词告诉任何人"\n')
    append(content_copy / "locales" / "en" / "ui.toml", '[wsa_safety]\ntitle = "Never tell anyone your recovery phrase"\n')
    append(folder / "ui.toml", '[wsa_safety]\nlock = "00000000"\ntitle = "リカバリーフレーズは誰にも教えないでください"\n')
    text = (content_copy / "locales.toml").read_text(encoding="utf-8")
    (content_copy / "locales.toml").write_text(text.replace("units = [", 'units = ["ui.wsa_safety", ', 1), encoding="utf-8")
    accept(load_catalog(content_copy), "en", ["ui.wsa_safety"])
    return content_copy


def test_outdated_safety_text_falls_back_to_english_for_japanese(safety):
    catalog = load_catalog(safety)
    assert catalog.chain("ja-JP") == ["ja-JP", "en", "zh-CN"]
    assert catalog.text("ja-JP", "ui.wsa_safety.title") == "Never tell anyone your recovery phrase"
    assert catalog.critical_fallback("ja-JP", "ui.wsa_safety") == "en"


def test_outdated_safety_text_goes_on_to_chinese_when_english_is_outdated_too(safety):
    en = safety / "locales" / "en" / "ui.toml"
    text = en.read_text(encoding="utf-8")
    start = text.index("[wsa_safety]\nlock = ")
    en.write_text(text[:start] + '[wsa_safety]\nlock = "00000000"' + text[start + len('[wsa_safety]\nlock = "12345678"'):],
                  encoding="utf-8")
    catalog = load_catalog(safety)
    assert catalog.text("ja-JP", "ui.wsa_safety.title") == "不要把助记词告诉任何人"
    assert catalog.critical_fallback("ja-JP", "ui.wsa_safety") == "zh-CN"


def test_outdated_safety_fallback_is_reported(safety, caplog):
    ja = safety / "locales" / "ja-JP" / "ui.toml"
    hit = [p for p in run_checks(safety, "ja-JP") if p.code == "W022" and p.path == ja]
    assert hit and "the en text is shown instead" in hit[0].message and "ja-JP → en → zh-CN" in hit[0].message
    result = cli(safety, "l10n", "status", "ja-JP")
    assert "ui.wsa_safety" in result.stdout and "en is shown instead" in result.stdout
    with caplog.at_level("WARNING"):
        load_catalog(safety).text("ja-JP", "ui.wsa_safety.title")
    assert "showing en instead" in caplog.text
