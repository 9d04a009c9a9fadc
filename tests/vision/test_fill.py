"""Filling a form from a screenshot, read by the real OCR engine: each value goes only into an empty field that
accepts it, a phrase picture offers nothing."""
from assistant.app.fill import FormField, accept, read_screenshot
from assistant.vision.fields import FoundKind
from tests.vision import screens as s

TX_REPORT = [FormField("tx_hash", "tx_hash", "tron"), FormField("from_address", "address", "tron"),
             FormField("to_address", "address", "tron"), FormField("amount", "amount"),
             FormField("token_contract", "address", "tron"), FormField("time", "datetime")]


def test_a_tron_screenshot_offers_each_value_for_its_empty_field(ocr):
    t = s.transfer(81)
    reading = read_screenshot(s.png(s.tx_details(t)), TX_REPORT, {"amount": "12 USDT"}, ocr)
    offered = {o.field: o.value for o in reading.offers if o.field}
    assert offered == {"tx_hash": t.tx_hash, "from_address": t.sender, "to_address": t.recipient, "time": t.time}
    assert [(o.found, o.value) for o in reading.offers if not o.field] == [(FoundKind.NETWORK, "TRON (TRC20)")]
    assert "token_contract" not in offered  # the contract is not on the screen: no guess


def test_ethereum_addresses_are_not_offered_for_the_fields_of_a_tron_transfer(ocr):
    reading = read_screenshot(s.png(s.tx_details(s.transfer(82, "evm"), chinese=False)), TX_REPORT, {}, ocr)
    offered = {o.field for o in reading.offers if o.field}
    assert offered and not offered & {"from_address", "to_address", "token_contract"}


def test_a_phrase_picture_offers_nothing(ocr):
    reading = read_screenshot(s.png(s.phrase_page(s.phrase_words("english", 12, 83))), TX_REPORT, {}, ocr)
    assert reading.refused and reading.offers == ()


def test_accepting_never_overwrites_what_the_person_typed_meanwhile(ocr):
    t = s.transfer(81)
    reading = read_screenshot(s.png(s.tx_details(t)), TX_REPORT, {}, ocr)
    offer = next(o for o in reading.offers if o.field == "tx_hash")
    values = {"tx_hash": "typed by hand"}
    assert not accept(offer, values, values.__setitem__) and values["tx_hash"] == "typed by hand"
    values = {}
    assert accept(offer, values, values.__setitem__) and values["tx_hash"] == t.tx_hash
