"""Localised field errors: the parameters that are words are translated too, names and examples stay as they are."""
import string

import pytest

from assistant.i18n.texts import Texts
from assistant.validation.fields import FIELD_ERROR_CODES, FieldProblem, validate


def test_a_wrong_family_error_in_chinese_has_no_english_words(catalog):
    _, problem = validate("address", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "other_evm")
    message = Texts(catalog, "zh-CN").field_error(problem)
    assert "其他 EVM 网络" in message and "以太坊/EVM" in message
    assert "another" not in message
    assert "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" in message  # the example is kept verbatim


def test_the_english_error_names_the_network_and_shows_a_valid_example(catalog):
    _, problem = validate("address", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "other_evm")
    message = Texts(catalog, "en").field_error(problem)
    assert "TRON" in message and "another EVM network" in message
    assert "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" in message and "{" not in message


@pytest.mark.parametrize("locale", ["en", "zh-TW"])
def test_every_field_error_code_has_text_with_the_source_placeholders(catalog, locale):
    source = catalog.source_locale
    for code in sorted(FIELD_ERROR_CODES):
        wanted = catalog.text(source, f"ui.field_error.{code}")
        assert wanted, f"{source}: ui.field_error.{code} is missing"
        text = catalog.text(locale, f"ui.field_error.{code}")
        assert placeholders(text) == placeholders(wanted), (locale, code)


def test_a_missing_text_shows_the_code_instead_of_an_empty_message(catalog):
    texts = Texts(catalog, "en")
    assert texts.field_error(FieldProblem("no_such_code", {})) == "[no_such_code]"


def placeholders(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}
