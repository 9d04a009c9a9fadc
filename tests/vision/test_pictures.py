"""Drawn phone screens read by the real OCR engine: phrase and key pictures are refused, public screens pass,
and a transaction screenshot gives the fields it shows. Each picture is read once (about two seconds)."""
import random

import pytest
from embit.base58 import encode_check

from assistant.vision.check import PictureState, check_picture
from assistant.vision.fields import FoundKind, extract
from tests.vision import screens as s

PHRASE_SCREENS = {
    "english 12, light": lambda: s.phrase_page(s.phrase_words("english", 12, 11)),
    "english 24, dark, three columns": lambda: s.phrase_page(s.phrase_words("english", 24, 12),
                                                             s.Style(dark=True, columns=3, size=26)),
    "english 12, numbers glued, photographed": lambda: s.photographed(
        s.phrase_page(s.phrase_words("english", 12, 13), s.Style(number_glued=True, numbering="{n}")), 13),
    "chinese simplified 12, light": lambda: s.phrase_page(s.phrase_words("chinese_simplified", 12, 14), texts="zh"),
    "chinese simplified 12, dark, photographed": lambda: s.photographed(
        s.phrase_page(s.phrase_words("chinese_simplified", 12, 15), s.Style(dark=True, columns=3), texts="zh"), 15),
    "chinese traditional 18, light": lambda: s.phrase_page(s.phrase_words("chinese_traditional", 18, 16),
                                                           s.Style(columns=3), texts="zh"),
    "spanish 12, dark, jpeg": lambda: s.Image.open(s.io.BytesIO(s.png(
        s.phrase_page(s.phrase_words("spanish", 12, 17), s.Style(dark=True)), jpeg=40))),
}
KEY_SCREENS = {
    "hex private key": lambda: s.key_page(random.Random(21).randbytes(32).hex()),
    "WIF private key, chinese, photographed": lambda: s.photographed(
        s.key_page(encode_check(b"\x80" + random.Random(22).randbytes(32) + b"\x01"), chinese=True), 22, moire=False),
}
PUBLIC_SCREENS = {
    "tx details, chinese, TRON": lambda: s.tx_details(s.transfer(31)),
    "tx details, english, Ethereum, dark": lambda: s.tx_details(s.transfer(32, "evm"), s.Style(dark=True), chinese=False),
    "exchange withdrawal record": lambda: s.withdrawal_record(s.transfer(33)),
    "tx details, photographed": lambda: s.photographed(s.tx_details(s.transfer(34)), 34),
    "error message": lambda: s.error_screen(),
    "support chat, dark": lambda: s.chat(s.Style(dark=True)),
}


def checked(ocr, draw) -> tuple:
    data = s.png(draw())
    return check_picture(data, recognise=ocr), data


@pytest.mark.parametrize("name", PHRASE_SCREENS)
def test_a_recovery_phrase_picture_is_refused(ocr, name):
    result, _ = checked(ocr, PHRASE_SCREENS[name])
    assert result.state is PictureState.REFUSED, result.reading.text
    assert result.kind == "mnemonic"


@pytest.mark.parametrize("name", KEY_SCREENS)
def test_a_private_key_picture_is_refused(ocr, name):
    result, _ = checked(ocr, KEY_SCREENS[name])
    assert result.state is PictureState.REFUSED, result.reading.text
    assert result.kind in ("private_key_hex", "wif")


@pytest.mark.parametrize("name", PUBLIC_SCREENS)
def test_a_public_screen_passes(ocr, name):
    result, _ = checked(ocr, PUBLIC_SCREENS[name])
    assert result.state is PictureState.CLEAR, result.detail


def found(ocr, draw) -> dict[FoundKind, str]:
    result, _ = checked(ocr, draw)
    return {f.kind: f.value for f in extract(result.reading.lines)}


def test_tron_tx_details_give_hash_addresses_amount_network_and_time(ocr):
    t = s.transfer(31)
    assert found(ocr, PUBLIC_SCREENS["tx details, chinese, TRON"]) == {
        FoundKind.TX_HASH: t.tx_hash, FoundKind.FROM_ADDRESS: t.sender, FoundKind.TO_ADDRESS: t.recipient,
        FoundKind.AMOUNT: t.amount, FoundKind.NETWORK: "TRON (TRC20)", FoundKind.TIME: t.time}


def test_ethereum_tx_details_give_the_checksummed_addresses_and_the_0x_hash(ocr):
    t = s.transfer(32, "evm")
    got = found(ocr, PUBLIC_SCREENS["tx details, english, Ethereum, dark"])
    assert got[FoundKind.TX_HASH] == t.tx_hash
    assert got[FoundKind.FROM_ADDRESS] == t.sender and got[FoundKind.TO_ADDRESS] == t.recipient
    assert got[FoundKind.NETWORK] == "Ethereum (ERC20)"


def test_a_withdrawal_record_gives_the_txid_and_the_withdrawal_address(ocr):
    t = s.transfer(33)
    got = found(ocr, PUBLIC_SCREENS["exchange withdrawal record"])
    assert got[FoundKind.TX_HASH] == t.tx_hash and got[FoundKind.TO_ADDRESS] == t.recipient
    assert FoundKind.FROM_ADDRESS not in got


def test_an_unreadable_file_comes_back_unchecked_not_clear(ocr):
    result = check_picture(b"\x89PNG\r\n\x1a\nnot really a picture", recognise=ocr)
    assert result.state is PictureState.UNCHECKED and result.detail == "failed"
