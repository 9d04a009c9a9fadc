"""Checker v2: each case of the Japanese/Korean review has one planted problem that triggers it and one clean text
that does not. Problems are planted in their own [wsa_test] tables of a copy of the shipped content, in a
throw-away `ja` / `ko` locale where the language matters."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.checks.catalog import run_checks
from assistant.content.catalog import load_catalog

from .test_check_codes import found, loc, plant


def add_locale(content: Path, code: str) -> None:
    """Enable an empty locale `code` (ja, ko) that falls back to en, then zh-CN."""
    (content / "locales" / code).mkdir(exist_ok=True)
    text = (content / "locales.toml").read_text(encoding="utf-8")
    if f"[locales.{code}]" not in text:
        text = text.replace("[critical]", f'[locales.{code}]\nname = "{code}"\nfallback = ["en", "zh-CN"]\n\n[critical]')
        (content / "locales.toml").write_text(text, encoding="utf-8")


def pair(content: Path, locale: str, zh: str, text: str, name: str = "ui.toml") -> tuple[Path, int]:
    """Source text in zh-CN and its translation in `locale`, both as [wsa_test] title; returns (path, line)."""
    if locale not in ("zh-CN", "en", "zh-TW"):
        add_locale(content, locale)
    plant(content, "zh-CN", name, f"title = {zh}\n")
    line = plant(content, locale, name, f"title = {text}\n") + 1
    return loc(content, locale, name), line


def codes_at(content: Path, path: Path, line: int, code: str):
    return found(run_checks(content), code, path, line)


# ---- numbers ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("zh", "ja"), [
    ('"每行写 1 个词"', '"1 行に 1 語ずつ書きます"'),  # digits in both
    ('"每一行写一个词"', '"1 行に 1 語ずつ書きます"'),  # 一 → 1
    ('"地址是十六进制"', '"アドレスは16進数です"'),  # 十六 → 16
    ('"等一天再看"', '"1 日待ってから確認します"'),  # 一天 vs 1 日
    ('"等 24 小时"', '"二十四時間待ちます"'),  # 24 → 二十四
])
def test_e044_numbers_written_as_numerals_are_equal(content_copy, zh, ja):
    path, line = pair(content_copy, "ja", zh, ja)
    assert not codes_at(content_copy, path, line, "E044")


def test_e044_numbers_korean_native_and_english_words(content_copy):
    path, line = pair(content_copy, "ko", '"等 1 天，最多重试 2 次"', '"하루 기다린 뒤 두 번까지 다시 시도하세요"')
    assert not codes_at(content_copy, path, line, "E044")
    path, line = pair(content_copy, "en", '"等 1 天"', '"Wait one day"', name="ui_wsa.toml")
    assert not codes_at(content_copy, path, line, "E044")


def test_e044_a_changed_number_is_still_found(content_copy):
    path, line = pair(content_copy, "ja", '"等一天再看"', '"3 日待ってから確認します"')
    hit = codes_at(content_copy, path, line, "E044")
    assert [p.token for p in hit] == ["3"] and "source has: 1" in hit[0].message


def test_e044_localised_example_time_zone_is_allowed(content_copy):
    path, line = pair(content_copy, "ja", '"例如 2026-11-20 14:05 +08:00"', '"例：2026-11-20 14:05 +09:00"')
    assert not codes_at(content_copy, path, line, "E044")


def test_e044_time_zone_dropped_or_added(content_copy):
    path, line = pair(content_copy, "ja", '"例如 2026-11-20 14:05 +08:00"', '"例：2026-11-20 14:05"')
    hit = codes_at(content_copy, path, line, "E044")
    assert hit and "time zone" in hit[0].message
    path, line = pair(content_copy, "ko", '"例如 2026-11-20 14:05"', '"예: 2026-11-20 14:05 +09:00"', name="ui_wsa.toml")
    assert [p for p in codes_at(content_copy, path, line, "E044") if "+09:00" in p.message]


# ---- ignore one token --------------------------------------------------------------------------------------------

def test_ignore_targets_one_token_only(content_copy):
    add_locale(content_copy, "ja")
    plant(content_copy, "zh-CN", "ui.toml", 'title = "大约 2 周，手续费 10%"\n')
    line = plant(content_copy, "ja", "ui.toml", 'title = "約 14 日、手数料 10%"  # check: ignore[E044:14, E044:2]\n') + 1
    path = loc(content_copy, "ja", "ui.toml")
    assert not codes_at(content_copy, path, line, "E044")
    # later someone changes the fee: the targeted ignore does not hide it
    path.write_text(path.read_text(encoding="utf-8").replace("10%", "15%"), encoding="utf-8")
    hit = codes_at(content_copy, path, line, "E044")
    assert {p.token for p in hit} == {"15", "10"}


def test_ignore_of_phishing_guard_without_token_has_no_effect(content_copy):
    add_locale(content_copy, "ja")
    plant(content_copy, "zh-CN", "ui.toml", 'title = "手续费 10%"\n')
    line = plant(content_copy, "ja", "ui.toml", 'title = "手数料 15%"  # check: ignore[E044]\n') + 1
    problems = run_checks(content_copy)
    path = loc(content_copy, "ja", "ui.toml")
    assert found(problems, "E044", path, line)
    w053 = found(problems, "W053", path, line)
    assert w053 and "E044:24" in w053[0].message


# ---- typography per language -----------------------------------------------------------------------------------------

def test_w050_japanese_punctuation_names_the_language(content_copy):
    path, line = pair(content_copy, "ja", '"请检查钱包，然后重试。"', '"ウォレットを確認して，もう一度お試しください."')
    hit = codes_at(content_copy, path, line, "W050")
    assert {p.token for p in hit} == {"，", "."}
    assert all("Japanese" in p.message for p in hit)
    assert any("'、'" in p.message for p in hit) and any("'。'" in p.message for p in hit)


def test_w050_japanese_quotes(content_copy):
    path, line = pair(content_copy, "ja", '"点击“设置”"', '"“設定”をタップします"')
    hit = codes_at(content_copy, path, line, "W050")
    assert hit and "「…」" in hit[0].message and "Japanese" in hit[0].message


def test_w050_clean_japanese(content_copy):
    path, line = pair(content_copy, "ja", '"请检查钱包，然后点击“设置”。版本 2.3.1。"',
                      '"ウォレットを確認し、「設定」をタップしてください。バージョン 2.3.1。TRON, Solana"')
    assert not codes_at(content_copy, path, line, "W050")


def test_w050_korean_full_width_punctuation(content_copy):
    path, line = pair(content_copy, "ko", '"请检查钱包，然后重试。"', '"지갑을 확인하고，다시 시도하세요。"')
    hit = codes_at(content_copy, path, line, "W050")
    assert {p.token for p in hit} == {"，", "。"} and all("Korean" in p.message for p in hit)


def test_w054_korean_spacing(content_copy):
    path, line = pair(content_copy, "ko", '"请检查钱包。然后重试！"', '"지갑을 확인하세요.다시 시도하세요 !"')
    hit = codes_at(content_copy, path, line, "W054")
    assert {p.token for p in hit} == {".", "!"} and all("Korean" in p.message for p in hit)


def test_w054_w050_clean_korean(content_copy):
    path, line = pair(content_copy, "ko", '"请检查钱包。然后重试！版本 2.3.1"', '"지갑을 확인하세요. 다시 시도하세요! 버전 2.3.1, TRON, Solana"')
    problems = run_checks(content_copy)
    assert not found(problems, "W054", path, line) and not found(problems, "W050", path, line)


def test_w051_soft_break_in_japanese_names_japanese_not_in_korean(content_copy):
    add_locale(content_copy, "ja")
    add_locale(content_copy, "ko")
    plant(content_copy, "zh-CN", "ui.toml", "body = '''\n第一行文字第二行文字\n'''\n")
    line = plant(content_copy, "ja", "ui.toml", "body = '''\n最初の行です\n次の行です\n'''\n")
    plant(content_copy, "ko", "ui.toml", "body = '''\n첫 번째 줄입니다\n두 번째 줄입니다\n'''\n")
    problems = run_checks(content_copy)
    hit = found(problems, "W051", loc(content_copy, "ja", "ui.toml"), line + 2)
    assert hit and "Japanese" in hit[0].message
    assert not found(problems, "W051", loc(content_copy, "ko", "ui.toml"))


# ---- silent until now -----------------------------------------------------------------------------------------------

def test_e025_empty_text_and_fallback(content_copy):
    path, line = pair(content_copy, "ja", '"选择网络"', '""')
    assert codes_at(content_copy, path, line, "E025")
    assert load_catalog(content_copy).text("ja", "ui.wsa_test.title") == "选择网络"  # falls back, no blank on screen


def test_e025_not_for_written_text(content_copy):
    path, line = pair(content_copy, "ja", '"选择网络"', '"ネットワークを選択"')
    assert not codes_at(content_copy, path, line, "E025")


def test_e035_literal_backslash_n(content_copy):
    add_locale(content_copy, "ja")
    plant(content_copy, "zh-CN", "ui.toml", "body = '''\n第一段。\n\n第二段。\n'''\n")
    line = plant(content_copy, "ja", "ui.toml", "body = '''\n最初の段落です。\\n\\n次の段落です。\n'''\n")
    hit = found(run_checks(content_copy), "E035", loc(content_copy, "ja", "ui.toml"), line + 2)
    assert hit and hit[0].col == 9


def test_e035_not_for_real_line_breaks_or_a_path_the_source_has(content_copy):
    path, line = pair(content_copy, "ja", '"路径 C:\\\\new"', '"パス C:\\\\new"')  # the source has it too
    assert not codes_at(content_copy, path, line, "E035")
    path, line = pair(content_copy, "ko", '"第一行\\n第二行"', '"첫 줄\\n둘째 줄"', name="ui_wsa.toml")  # a real line break
    assert not codes_at(content_copy, path, line, "E035")


@pytest.mark.parametrize(("text", "bad"), [
    ('"合計 ｛count｝ 件"', "｛count｝"),
    ('"合計 {ｃount} 件"', "{ｃount}"),
    ('"Länge {länge}"', "{länge}"),
])
def test_e033_malformed_placeholder_is_named(content_copy, text, bad):
    path, line = pair(content_copy, "ja", '"共 {count} 项"', text)
    hit = codes_at(content_copy, path, line, "E033")
    assert any(p.token == bad and bad in p.message for p in hit), [p.message for p in hit]


def test_e033_clean_placeholder(content_copy):
    path, line = pair(content_copy, "ja", '"共 {count} 项"', '"合計 {count} 件"')
    assert not codes_at(content_copy, path, line, "E033")


@pytest.mark.parametrize(("text", "term"), [
    ('"トークンポケットを開きます"', "トークンポケット"),
    ('"토큰포켓을 여세요"', "토큰포켓"),
    ('"イーサリアムのネットワーク"', "イーサリアム"),
])
def test_e045_glossary_name_translated(content_copy, text, term):
    zh = '"打开 TokenPocket"' if "ポケット" in term or "포켓" in term else '"以太坊网络"'
    locale = "ko" if "포켓" in term else "ja"
    path, line = pair(content_copy, locale, zh, text)
    hit = codes_at(content_copy, path, line, "E045")
    assert hit and hit[0].token == term


def test_w040_glossary_name_lost_and_clean(content_copy):
    path, line = pair(content_copy, "ja", '"打开 TokenPocket"', '"ウォレットを開きます"')
    assert codes_at(content_copy, path, line, "W040")
    path, line = pair(content_copy, "ko", '"打开 TokenPocket，选择以太坊"', '"TokenPocket을 열고 Ethereum을 선택하세요"', name="ui_wsa.toml")
    problems = run_checks(content_copy)
    assert not found(problems, "E045", path, line) and not found(problems, "W040", path, line)


@pytest.mark.parametrize(("text", "mark"), [
    ('"**重要**：バックアップしてください"', None),
    ('"**重要：バックアップしてください"', "**"),
    ('"`0x 形式のアドレス"', "`"),
    ('"[ヘルプ](https://tokenpocket.pro を参照"', "]("),
    ('"＊＊重要＊＊：バックアップ"', "＊＊"),
])
def test_w055_unbalanced_markdown(content_copy, text, mark):
    path, line = pair(content_copy, "ja", '"**重要**：请备份。见 `0x` 和 [帮助](https://tokenpocket.pro)"', text)
    hit = codes_at(content_copy, path, line, "W055")
    assert ({p.token for p in hit} == {mark}) if mark else not hit


@pytest.mark.parametrize(("text", "expect"), [
    ('"ファイル(&F)"', False),
    ('"ファイル(F)"', True),
    ('"&ファイル(&F)"', True),
    ('"Save && quit(&Q)"', False),
])
def test_w056_menu_accelerator(content_copy, text, expect):
    path, line = pair(content_copy, "ja", '"文件(&F)"', text)
    assert bool(codes_at(content_copy, path, line, "W056")) is expect


# ---- BOM and CRLF -------------------------------------------------------------------------------------------------------

def test_w002_crlf_is_a_warning_and_the_file_is_used(content_copy):
    path = loc(content_copy, "en", "ui.toml")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    problems = run_checks(content_copy)
    assert found(problems, "W002", path) and not found(problems, "E001", path)
    assert load_catalog(content_copy).text("en", "ui.nav.back") == "Back"


def test_w002_not_for_clean_files(content_copy):
    assert not [p for p in run_checks(content_copy) if p.code == "W002"]


def test_w050_w054_not_for_quoted_marks_extensions_and_placeholders(content_copy):
    path, line = pair(content_copy, "ja", '"小数用点号（.），保存为 .eml 文件"', '"小数点にはピリオド（.）を使い、「.eml として保存」を選びます"')
    assert not codes_at(content_copy, path, line, "W050")
    path, line = pair(content_copy, "ko", '"附件 {name}，第 {line} 行"', '"첨부 파일 {name}, {line}번째 줄"', name="ui_wsa.toml")
    assert not codes_at(content_copy, path, line, "W054")


def test_e044_time_zone_without_a_time_before_it(content_copy):
    path, line = pair(content_copy, "ja", '"加上时区，例如 +08:00 或 UTC"', '"タイムゾーンを付けてください。+09:00 や UTC などです"')
    assert not codes_at(content_copy, path, line, "E044")


def test_w020_not_for_an_empty_source_text(content_copy):
    """An email label left out on purpose ("") has nothing to translate."""
    add_locale(content_copy, "ja")
    plant(content_copy, "zh-CN", "email_labels.toml", 'left_out = ""\nshown = "显示的标签"\n')
    plant(content_copy, "ja", "email_labels.toml", 'shown = "表示されるラベル"\n')
    problems = [p for p in run_checks(content_copy, "ja") if p.code in ("W020", "E025") and "wsa_test" in p.message]
    assert problems == []
