"""Hostile field values: direction controls refused at the form (naming them) and shown, never obeyed, at every
exit; what the PDF gets has no empty boxes and keeps Latin quotes Latin."""
from __future__ import annotations

import unicodedata

import pytest
from mnemonic import Mnemonic

from assistant.email import exports
from assistant.email.exports import Message
from assistant.email.printable import drawable, latin_punctuation
from assistant.errors import ExportBlocked
from assistant.flows.model import Field
from assistant.secrets.guard import Exit
from assistant.validation.fields import FIELD_KINDS, validate_values

DIRECTION = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
             "\u061c"]
VALUES = {"text": "gpj.exe 42", "multiline": "gpj.exe\n42", "amount": "42 USDT", "email": "a@example.com",
          "version": "2.3.1", "ticket": "#318842", "url": "https://tokenpocket.pro/x", "exchange_uid": "35871942",
          "address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "tx_hash": "ab" * 32, "datetime": "2026-11-20 14:05 +08:00",
          "select": "a"}


@pytest.mark.parametrize("kind", sorted(FIELD_KINDS))
@pytest.mark.parametrize("mark", DIRECTION, ids=[f"U+{ord(c):04X}" for c in DIRECTION])
def test_a_direction_control_in_any_field_is_refused_naming_it(kind, mark):
    field = Field("value", kind, options=("a", "b")) if kind == "select" else Field("value", kind)
    clean, errors = validate_values([field], {"value": mark + VALUES[kind]}, {"value": "tron"})
    assert clean == {} and errors["value"].code == "text_direction_chars"
    assert f"U+{ord(mark):04X}" in errors["value"].params["shown"]


def test_the_field_message_says_what_to_do(catalog):
    from assistant.i18n.texts import Texts

    _clean, errors = validate_values([Field("file", "text")], {"file": "\u202egpj.exe 42"}, {})
    for locale in ("en", "zh-CN", "zh-TW"):
        message = Texts(catalog, locale).field_error(errors["file"])
        assert "U+202E" in message and "{" not in message


@pytest.mark.parametrize("exit_name", [Exit.TXT, Exit.CLIPBOARD, Exit.PRINT, Exit.PDF])
def test_direction_controls_reaching_an_export_are_shown_not_obeyed(exit_name):
    text = exports.text_for(Message("service@tokenpocket.pro", "\u202egpj.exe", "file: \u202egpj.exe 42\n"), exit_name)
    assert "[U+202E]gpj.exe 42" in text and "\u202e" not in text
    assert not any(unicodedata.bidirectional(c) in ("RLO", "LRO", "RLE", "LRE", "PDF", "RLI", "LRI", "FSI", "PDI")
                   for c in text)


def test_direction_controls_are_shown_in_the_eml_and_mailto_too():
    message = Message("service@tokenpocket.pro", "\u202egpj.exe", "file: \u202egpj.exe 42\n")
    assert b"\xe2\x80\xae" not in exports.eml_bytes(message)
    assert "%5BU%2B202E%5D" in exports.mailto(message).url


def test_direction_controls_cannot_hide_a_secret_from_the_firewall():
    words = Mnemonic("english").generate(128).split()
    for sep in (" \u202e", "\u2066 ", " \u200f"):
        with pytest.raises(ExportBlocked):
            exports.text_for(Message("service@tokenpocket.pro", "s", sep.join(words) + "\n"), Exit.PDF)


def test_emoji_without_a_font_become_their_names_not_boxes():
    no_emoji = lambda c: ord(c) < 0x2000 or 0x4E00 <= ord(c) <= 0x9FFF  # noqa: E731 - a machine without emoji fonts
    assert drawable("已解决 👍🏽 thanks 😀\n", no_emoji) == "已解决 [thumbs up sign] thanks [grinning face]\n"
    assert drawable("family 👨\u200d👩\u200d👧 ok", no_emoji) == "family [man][woman][girl] ok"
    assert drawable("all drawable “ok”", lambda c: True) == "all drawable “ok”"


def test_curly_quotes_in_latin_text_get_a_latin_font_and_stay_cjk_in_chinese():
    text = "He said “it is stuck” and it’s 3–4 days — really. 钱包显示“待处理”…"
    marked = {text[i] + str(i) for i in latin_punctuation(text)}
    latin = [i for i, c in enumerate(text) if c in "“”’–—" and i < text.index("钱")]
    assert {text[i] + str(i) for i in latin} <= marked
    cjk_quotes = [i for i, c in enumerate(text) if c in "“”…" and i > text.index("钱")]
    assert not any(i in latin_punctuation(text) for i in cjk_quotes)
