"""Localised field errors: the parameters that are words are translated too, names and examples stay as they are."""
from assistant.i18n.texts import Texts
from assistant.validation.fields import validate


def test_a_wrong_family_error_in_chinese_has_no_english_words(catalog):
    _, problem = validate("address", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "other_evm")
    message = Texts(catalog, "zh-CN").field_error(problem)
    assert "其他 EVM 网络" in message and "以太坊/EVM" in message
    assert "another" not in message
    assert "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" in message  # the example is kept verbatim


def test_the_english_error_reads_as_written(catalog):
    _, problem = validate("address", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "other_evm")
    assert Texts(catalog, "en").field_error(problem) == problem.message
