"""A phrase whose words are numbered in Chinese numerals, or joined by the same word between every pair
("and", "the"), is still one phrase. Phrases are generated from a seeded random source."""
from __future__ import annotations

import random

import pytest
from mnemonic import Mnemonic

from assistant.secrets.scan import find_secrets, has_blocking

RNG = random.Random(3131)
NUMERALS = "一 二 三 四 五 六 七 八 九 十 十一 十二 十三 十四 十五 十六 十七 十八 十九 二十 二十一 二十二 二十三 二十四".split()


def words(strength: int = 128) -> list[str]:
    return Mnemonic("english").to_mnemonic(RNG.randbytes(strength // 8)).split()


@pytest.mark.parametrize("strength", [128, 256])
@pytest.mark.parametrize("sep", ["、", ". ", "．", "）"])
def test_words_numbered_in_chinese_numerals(strength, sep):
    w = words(strength)
    assert has_blocking(find_secrets("\n".join(f"{NUMERALS[i]}{sep}{x}" for i, x in enumerate(w))))


@pytest.mark.parametrize("joiner", ["and", "the", "then", "plus", "USDT"])
def test_the_same_word_between_every_word(joiner):
    w = words()
    assert has_blocking(find_secrets(f" {joiner} ".join(w)))
    assert has_blocking(find_secrets(f" {joiner} ".join(w) + f" {joiner}"))


def test_chinese_numbers_in_prose_are_not_numbering():
    assert find_secrets("我在十二点转了三笔，一、二笔都到了，第三笔没到") == []
    assert not has_blocking(find_secrets("I waited and waited and waited and then tried again and again and again"))
