"""Properties of the field validators: they never raise, accept every well-formed value, and catch typos."""
from __future__ import annotations

import string
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from embit import base58
from embit.bech32 import Encoding, bech32_encode, convertbits
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from assistant.validation.chains import CHAIN_IDS, to_checksum_address
from assistant.validation.explorers import detect_family
from assistant.validation.fields import FIELD_ERROR_CODES, FIELD_KINDS, FieldProblem, validate

KINDS = sorted(FIELD_KINDS)
CHAIN_CHOICES = [None, "made_up_chain", *CHAIN_IDS]
EVM_CHAINS = ["ethereum", "bsc", "polygon", "arbitrum", "base", "optimism", "other_evm"]
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

addresses_20 = st.binary(min_size=20, max_size=20)
checksummed = addresses_20.map(lambda raw: to_checksum_address(raw.hex()))
# Text that is likely to reach deep branches: hex, base58, links, numbers, dates, plus arbitrary unicode.
tricky_text = st.one_of(
    st.text(),
    st.text(alphabet=string.hexdigits + "xX", max_size=70).map(lambda s: "0x" + s),
    st.text(alphabet=B58, min_size=25, max_size=95),
    st.text(alphabet="qpzry9x8gf2tvdw0s3jn54khce6mua7lQP1", max_size=90).map(lambda s: "bc1" + s),
    st.text(alphabet=string.printable, max_size=60).map(lambda s: "https://etherscan.io/tx/" + s),
    st.text(alphabet=string.printable, max_size=60).map(lambda s: "tronscan.org/#/transaction/" + s),
    st.text(alphabet="0123456789-/:T+ ,.年月日UTCZamp", max_size=40),
    st.text(alphabet="0123456789,.-+ eEUSDT１２３", max_size=40),
)


@settings(max_examples=600)
@given(kind=st.sampled_from(KINDS), chain=st.sampled_from(CHAIN_CHOICES), text=tricky_text)
def test_validate_never_raises_and_returns_a_string_and_problem_or_none(kind, chain, text):
    value, problem = validate(kind, text, chain)
    assert isinstance(value, str)
    assert problem is None or (isinstance(problem, FieldProblem) and problem.code in FIELD_ERROR_CODES)


@settings(max_examples=400)
@given(kind=st.sampled_from(KINDS), chain=st.sampled_from(CHAIN_CHOICES), text=tricky_text)
def test_accepted_values_validate_again_to_themselves(kind, chain, text):
    """The flow engine stores normalised values and re-validates them when an earlier answer changes."""
    value, problem = validate(kind, text, chain)
    if problem is None:
        assert validate(kind, value, chain) == (value, None)


@given(text=tricky_text)
def test_detect_family_never_raises(text):
    detect_family(text)


@given(raw=addresses_20, chain=st.sampled_from(EVM_CHAINS + [None, "other"]))
def test_generated_checksummed_evm_addresses_and_their_single_case_forms_pass(raw, chain):
    address = to_checksum_address(raw.hex())
    for form in (address, address.lower(), "0x" + address[2:].upper()):
        value, problem = validate("address", form, chain)
        assert problem is None and value == address


@given(address=checksummed, data=st.data())
def test_single_character_mutation_of_a_checksummed_address_fails_or_changes_meaning(address, data):
    assume(address[2:] not in (address[2:].lower(), address[2:].upper()))  # needs letters of both cases
    index = data.draw(st.integers(0, len(address) - 1))
    replacement = data.draw(st.sampled_from(string.hexdigits + "xXgG oO").filter(lambda c: c != address[index]))
    mutated = address[:index] + replacement + address[index + 1:]
    value, problem = validate("address", mutated, "ethereum")
    if problem is None:
        body = mutated[2:]
        same_meaning = value.lower() == address.lower()
        # the only way to keep the meaning is to drop the checksum entirely (all one case), which EIP-55 allows
        assert not same_meaning or body in (body.lower(), body.upper())


@given(payload=addresses_20)
def test_generated_tron_addresses_pass_and_are_detected(payload):
    address = base58.encode_check(b"\x41" + payload)
    assert validate("address", address, "tron") == (address, None)
    assert validate("address", "41" + payload.hex(), "tron") == (address, None)
    assert detect_family(address) == "tron"


@given(program=st.one_of(st.binary(min_size=20, max_size=20), st.binary(min_size=32, max_size=32)))
def test_segwit_v0_with_bech32_passes_and_with_bech32m_fails(program):
    data = [0] + convertbits(program, 8, 5)
    good = bech32_encode(Encoding.BECH32, "bc", data)
    assert validate("address", good, "bitcoin") == (good, None)
    assert validate("address", good.upper(), "bitcoin") == (good, None)
    assert validate("address", bech32_encode(Encoding.BECH32M, "bc", data), "bitcoin")[1].code == "btc_address_encoding"


@given(program=st.binary(min_size=32, max_size=32))
def test_taproot_with_bech32m_passes_and_with_bech32_fails(program):
    data = [1] + convertbits(program, 8, 5)
    good = bech32_encode(Encoding.BECH32M, "bc", data)
    assert validate("address", good, "bitcoin") == (good, None)
    assert validate("address", bech32_encode(Encoding.BECH32, "bc", data), "bitcoin")[1].code == "btc_address_encoding"


@given(key=st.binary(min_size=32, max_size=32), chain=st.sampled_from(["solana", None, "other"]))
def test_any_32_bytes_in_base58_is_a_solana_address(key, chain):
    address = base58.encode(key)
    assert validate("address", address, chain) == (address, None)


@given(digest=st.binary(min_size=32, max_size=32), chain=st.sampled_from(EVM_CHAINS), prefix=st.booleans(),
       upper=st.booleans())
def test_evm_tx_hashes_normalise_to_lowercase_with_0x(digest, chain, prefix, upper):
    text = digest.hex().upper() if upper else digest.hex()
    assert validate("tx_hash", ("0x" if prefix else "") + text, chain) == ("0x" + digest.hex(), None)


@given(signature=st.binary(min_size=64, max_size=64))
def test_any_64_bytes_in_base58_is_a_solana_signature(signature):
    text = base58.encode(signature)
    assert validate("tx_hash", text, "solana") == (text, None)


@given(amount=st.decimals(min_value=Decimal("0.00000001"), max_value=Decimal("1e15"), places=8),
       symbol=st.sampled_from(["", "USDT", "ETH", "TRX", "USDC.e"]), commas=st.booleans())
def test_positive_amounts_with_thousands_separators_normalise_to_the_same_number(amount, symbol, commas):
    number = f"{amount:,f}" if commas else f"{amount:f}"
    value, problem = validate("amount", f"{number} {symbol}".strip())
    assert problem is None
    assert Decimal(value.split()[0]) == amount
    assert value.endswith(symbol)
    assert validate("amount", value) == (value, None)


@given(
    moment=st.datetimes(min_value=datetime(2009, 1, 4), max_value=datetime(2026, 1, 1)),
    offset_minutes=st.integers(-12 * 60, 14 * 60).map(lambda m: m - m % 15),
)
def test_datetimes_with_offsets_normalise_to_the_same_instant_and_revalidate(moment, offset_minutes):
    tz = timezone(timedelta(minutes=offset_minutes))
    local = moment.replace(microsecond=0, tzinfo=tz)
    value, problem = validate("datetime", local.isoformat(sep=" "))
    assert problem is None, problem
    utc_text = value.split("(UTC ")[1].rstrip(")")
    parsed_utc = datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    assert parsed_utc == local
    assert validate("datetime", value) == (value, None)
