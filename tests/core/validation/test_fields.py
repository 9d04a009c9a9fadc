"""Field validators against real formats: EIP-55, TRON base58check, BIP-173/350, Solana ed25519 keys, explorer links."""
from __future__ import annotations

import hashlib
import string
import sys
import types
from dataclasses import dataclass
from datetime import UTC, datetime

import nacl.signing
import pytest
from embit import base58
from embit.bech32 import Encoding, bech32_encode, convertbits

from assistant.i18n.texts import Texts
from assistant.validation import chains
from assistant.validation.chains import (
    ChainFamily,
    to_checksum_address,
)
from assistant.validation.explorers import detect_family, explorer_address_url, explorer_tx_url
from assistant.validation.fields import FIELD_ERROR_CODES, FIELD_KINDS, FieldProblem, validate, validate_values
from tests.conftest import shipped_catalog

EIP55_VECTORS = [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
]
EVM_CHAINS = ["ethereum", "bsc", "polygon", "arbitrum", "base", "optimism", "other_evm"]
TRON_USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
BTC_P2WPKH = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
BTC_P2WSH = "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"
BTC_TAPROOT = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
BTC_GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
BTC_P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
SOLANA_SYSTEM = "11111111111111111111111111111111"

EVM_TX = "0x" + hashlib.sha256(b"eth transfer of 0.3 ETH").hexdigest()
TRON_TX = hashlib.sha256(b"TRC-20 USDT transfer").hexdigest()
BTC_TX = hashlib.sha256(b"btc payment").hexdigest()


def solana_key(seed: bytes) -> nacl.signing.SigningKey:
    return nacl.signing.SigningKey(hashlib.sha256(seed).digest())


def solana_address(seed: bytes) -> str:
    return base58.encode(bytes(solana_key(seed).verify_key))


def solana_signature(seed: bytes) -> str:
    return base58.encode(solana_key(seed).sign(b"transfer 2 SOL").signature)


def tron_address(payload: bytes) -> str:
    return base58.encode_check(b"\x41" + payload)


def ok(kind: str, value: str, chain: str | None = None) -> str:
    norm, problem = validate(kind, value, chain)
    assert problem is None, f"{value!r} ({kind}, {chain}) rejected: {problem}"
    return norm


def bad(kind: str, value: str, chain: str | None = None) -> FieldProblem:
    _, problem = validate(kind, value, chain)
    assert problem is not None, f"{value!r} ({kind}, {chain}) accepted"
    assert "{" not in message(problem) and "[" + problem.code + "]" != message(problem)
    return problem


def message(problem: FieldProblem) -> str:
    """What an English-speaking person reads for this problem."""
    return Texts(shipped_catalog(), "en").field_error(problem)


# ---- EVM addresses ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("address", EIP55_VECTORS)
def test_eip55_checksum_function_reproduces_the_eip_vectors(address):
    assert to_checksum_address(address.lower()) == address
    assert to_checksum_address(address[2:].upper()) == address


@pytest.mark.parametrize("chain", EVM_CHAINS + [None, "other"])
@pytest.mark.parametrize("address", EIP55_VECTORS)
def test_checksummed_evm_address_is_accepted_unchanged_on_every_evm_chain(address, chain):
    assert ok("address", address, chain) == address


@pytest.mark.parametrize("address", EIP55_VECTORS)
def test_single_case_evm_address_is_accepted_and_shown_checksummed(address):
    assert ok("address", address.lower(), "ethereum") == address
    assert ok("address", "0X" + address[2:].upper(), "bsc") == address


def test_evm_address_with_wrong_checksum_is_called_a_likely_typo():
    mutated = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"  # last letter's case flipped
    problem = bad("address", mutated, "ethereum")
    assert problem.code == "evm_address_checksum"
    assert "checksum" in message(problem) and "mistyped" in message(problem)
    assert problem.params["example"] in message(problem)


def test_evm_address_of_wrong_length_says_0x_plus_40_hex_with_example():
    problem = bad("address", EIP55_VECTORS[0][:-1], "polygon")
    assert problem.code == "evm_address_format"
    assert "0x followed by 40 hexadecimal" in message(problem)
    assert "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed" in message(problem)


def test_tron_address_given_for_an_evm_chain_names_the_evm_format():
    problem = bad("address", TRON_USDT, "ethereum")
    assert problem.code == "address_wrong_family"
    assert problem.params["detected"] == "TRON"
    assert "EVM" in message(problem) and "Ethereum" in message(problem)
    assert problem.params["example"].startswith("0x") and problem.params["example"] in message(problem)


def test_64_hex_in_an_address_field_is_called_a_hash_or_key_not_an_address():
    problem = bad("address", EVM_TX, "ethereum")
    assert problem.code == "address_looks_like_hash"
    assert "private key" in message(problem)


def test_invisible_characters_around_a_pasted_address_are_dropped():
    assert ok("address", "\u200b" + EIP55_VECTORS[1] + "\ufeff", "ethereum") == EIP55_VECTORS[1]


# ---- TRON addresses --------------------------------------------------------------------------------------------
def test_tron_usdt_contract_address_is_accepted():
    assert ok("address", TRON_USDT, "tron") == TRON_USDT


def test_tron_addresses_built_from_random_payloads_are_accepted():
    for i in range(20):
        address = tron_address(hashlib.sha256(bytes([i])).digest()[:20])
        assert address.startswith("T") and len(address) == 34
        assert ok("address", address, "tron") == address


def test_tron_hex_form_is_normalised_to_base58():
    raw = base58.decode_check(TRON_USDT)
    assert ok("address", raw.hex(), "tron") == TRON_USDT


def test_tron_address_with_a_typo_fails_its_checksum():
    typo = TRON_USDT[:10] + ("a" if TRON_USDT[10] != "a" else "b") + TRON_USDT[11:]
    problem = bad("address", typo, "tron")
    assert problem.code == "tron_address_checksum"
    assert "at least one character is wrong" in message(problem) and TRON_USDT in message(problem)


def test_evm_address_given_for_tron_names_the_tron_format():
    problem = bad("address", EIP55_VECTORS[0], "tron")
    assert problem.code == "address_wrong_family"
    assert problem.params["expected"] == "TRON" and TRON_USDT in message(problem)


# ---- Bitcoin addresses -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "address",
    [BTC_P2WPKH, BTC_P2WSH, BTC_TAPROOT, BTC_GENESIS, BTC_P2SH, "BC1SW50QGDZ25J", "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
     "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y"],
)
def test_bip173_bip350_and_legacy_bitcoin_addresses_are_accepted(address):
    norm = ok("address", address, "bitcoin")
    assert norm == (address.lower() if address.lower().startswith("bc1") else address)


def test_uppercase_bech32_address_is_accepted_and_lowercased():
    assert ok("address", BTC_P2WPKH.upper(), "bitcoin") == BTC_P2WPKH


@pytest.mark.parametrize(
    "address, code",
    [
        ("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", "btc_address_encoding"),  # bech32, not m
        ("BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL", "btc_address_encoding"),
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "btc_address_encoding"),  # v0 with bech32m
        ("bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4", "btc_address_format"),  # 'o' not in charset
        ("bc1pw5dgrnzv", "btc_address_format"),  # 1-byte program
        ("BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P", "btc_address_format"),  # 16-byte v0 program
        ("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf", "btc_address_format"),  # padding
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "btc_address_checksum"),
        ("bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "btc_address_mixed_case"),
        ("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "btc_address_testnet"),
        ("mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "btc_address_testnet"),
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "btc_address_checksum"),
    ],
)
def test_invalid_bitcoin_addresses_are_rejected_with_a_reason_and_example(address, code):
    problem = bad("address", address, "bitcoin")
    assert problem.code == code
    assert problem.params["example"] in message(problem)


def test_taproot_address_with_bech32_checksum_fails_on_any_chain_setting():
    program = hashlib.sha256(b"taproot output key").digest()
    wrong = bech32_encode(Encoding.BECH32, "bc", [1] + convertbits(program, 8, 5))
    right = bech32_encode(Encoding.BECH32M, "bc", [1] + convertbits(program, 8, 5))
    assert wrong.startswith("bc1p") and right.startswith("bc1p")
    assert ok("address", right, "bitcoin") == right
    for chain in ("bitcoin", None, "other"):
        assert bad("address", wrong, chain).code == "btc_address_encoding"


# ---- Solana addresses ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [b"alice", b"bob", b"carol", b"dave"])
def test_solana_addresses_derived_with_pynacl_are_accepted(seed):
    address = solana_address(seed)
    assert ok("address", address, "solana") == address
    assert ok("address", address, None) == address


def test_solana_system_program_address_is_accepted():
    assert ok("address", SOLANA_SYSTEM, "solana") == SOLANA_SYSTEM


def test_base58_that_does_not_decode_to_32_bytes_is_not_a_solana_address():
    short = base58.encode(hashlib.sha256(b"x").digest()[:31])
    problem = bad("address", short, "solana")
    assert problem.code == "solana_address_format" and "32" in message(problem)
    assert bad("address", "0" + solana_address(b"alice")[1:], "solana").code == "solana_address_format"


def test_tron_address_given_for_solana_is_named_as_tron():
    problem = bad("address", TRON_USDT, "solana")
    assert problem.code == "address_wrong_family" and problem.params["detected"] == "TRON"


# ---- addresses without a specific chain ------------------------------------------------------------------------
def test_no_chain_accepts_any_known_family_and_rejects_the_rest_with_examples():
    for address in (EIP55_VECTORS[0], TRON_USDT, BTC_TAPROOT, solana_address(b"erin")):
        ok("address", address, None)
    problem = bad("address", "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu", None)
    assert problem.code == "address_format"
    for name in ("evm_example", "tron_example", "bitcoin_example", "solana_example"):
        assert problem.params[name] in message(problem)


def test_other_network_accepts_a_token_without_spaces_but_still_checks_known_formats():
    assert ok("address", "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu", "other")
    assert ok("address", EVM_TX, "other") == EVM_TX  # 0x + 64 hex is an Aptos/Sui address
    assert bad("address", "cosmos1 qypqx", "other").code == "address_generic_format"
    assert bad("address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "other").code == "evm_address_checksum"


# ---- transaction hashes ----------------------------------------------------------------------------------------
def test_evm_tx_hash_is_accepted_and_0x_is_added_when_missing():
    assert ok("tx_hash", EVM_TX, "ethereum") == EVM_TX
    assert ok("tx_hash", EVM_TX[2:], "bsc") == EVM_TX
    assert ok("tx_hash", EVM_TX.upper().replace("0X", "0x"), "base") == EVM_TX


@pytest.mark.parametrize("chain, txid", [("tron", TRON_TX), ("bitcoin", BTC_TX)])
def test_tron_and_bitcoin_txids_are_64_hex_and_a_0x_is_stripped(chain, txid):
    assert ok("tx_hash", txid, chain) == txid
    assert ok("tx_hash", "0x" + txid, chain) == txid
    assert ok("tx_hash", "TxID: " + txid.upper(), chain) == txid


def test_solana_signature_from_pynacl_is_accepted():
    signature = solana_signature(b"alice")
    assert ok("tx_hash", signature, "solana") == signature


@pytest.mark.parametrize(
    "chain, link, expected",
    [
        ("ethereum", f"https://etherscan.io/tx/{EVM_TX}#eventlog", EVM_TX),
        ("optimism", f"https://optimistic.etherscan.io/tx/{EVM_TX}", EVM_TX),
        ("tron", f"https://tronscan.org/#/transaction/{TRON_TX}", TRON_TX),
        ("bitcoin", f"https://mempool.space/tx/{BTC_TX}", BTC_TX),
        ("solana", f"https://solscan.io/tx/{solana_signature(b'bob')}?cluster=mainnet", solana_signature(b"bob")),
        ("other_evm", f"https://explorer.example-chain.io/tx/{EVM_TX}", EVM_TX),
        (None, f"mempool.space/tx/{BTC_TX}", BTC_TX),
    ],
)
def test_hash_is_extracted_from_a_pasted_explorer_link(chain, link, expected):
    assert ok("tx_hash", link, chain) == expected


def test_explorer_link_of_another_network_is_rejected():
    problem = bad("tx_hash", f"https://bscscan.com/tx/{EVM_TX}", "ethereum")
    assert problem.code == "tx_url_wrong_network"
    assert problem.params["site"] == "bscscan.com" and "Ethereum" in message(problem)
    assert bad("tx_hash", f"https://tronscan.org/#/transaction/{TRON_TX}", "other_evm").code == "tx_url_wrong_network"


def test_link_without_a_transaction_is_rejected_with_an_example():
    problem = bad("tx_hash", f"https://etherscan.io/address/{EIP55_VECTORS[0]}", "ethereum")
    assert problem.code == "tx_url_no_hash" and EVM_TX[:2] in problem.params["example"]


def test_address_pasted_as_tx_hash_is_explained():
    for chain, address in (("tron", TRON_USDT), ("ethereum", EIP55_VECTORS[0]), ("solana", solana_address(b"x"))):
        problem = bad("tx_hash", address, chain)
        assert problem.code == "tx_hash_is_address" and "TxID" in message(problem)


def test_solana_signature_on_an_evm_chain_names_the_network():
    problem = bad("tx_hash", solana_signature(b"alice"), "polygon")
    assert problem.code == "tx_hash_wrong_family" and problem.params["detected"] == "Solana"
    assert bad("tx_hash", EVM_TX, "solana").code == "tx_hash_wrong_family"


@pytest.mark.parametrize(
    "chain, code", [("ethereum", "evm_tx_hash_format"), ("tron", "tron_tx_hash_format"),
                    ("bitcoin", "btc_tx_hash_format"), ("solana", "solana_tx_hash_format"), (None, "tx_hash_format")]
)
def test_malformed_tx_hash_message_describes_the_format_with_an_example(chain, code):
    problem = bad("tx_hash", EVM_TX[:-1], chain) if chain != "solana" else bad("tx_hash", "5abc", chain)
    assert problem.code == code
    assert all(str(v) in message(problem) for v in problem.params.values())


def test_other_network_accepts_an_unknown_tx_id_format():
    assert ok("tx_hash", "E3Ckq5pX1fKQ9YzVb2m8n7L6k5J4h3G2f1D0s9A8", "other")
    assert bad("tx_hash", "abc def", "other").code == "tx_hash_format"


# ---- chains: families, detection, explorer links ---------------------------------------------------------------
def test_every_offered_network_has_a_family():
    assert {chains.family(c) for c in EVM_CHAINS} == {ChainFamily.EVM}
    assert chains.family("tron") is ChainFamily.TRON and chains.family("bitcoin") is ChainFamily.BITCOIN
    assert chains.family("solana") is ChainFamily.SOLANA and chains.family("other") is ChainFamily.OTHER
    assert chains.family("not_a_chain") is ChainFamily.OTHER


@pytest.mark.parametrize(
    "text, family",
    [
        (EIP55_VECTORS[2], ChainFamily.EVM), ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", ChainFamily.EVM),
        (EVM_TX, ChainFamily.EVM), (TRON_USDT, ChainFamily.TRON), (BTC_TAPROOT, ChainFamily.BITCOIN),
        (BTC_GENESIS, ChainFamily.BITCOIN), (solana_address(b"a"), ChainFamily.SOLANA),
        (solana_signature(b"a"), ChainFamily.SOLANA), (f"https://tronscan.org/#/transaction/{TRON_TX}", ChainFamily.TRON),
        (TRON_TX, None), ("hello", None), ("", None),
    ],
)
def test_detect_family_suggests_the_network_of_a_pasted_value(text, family):
    assert detect_family(text) == family


@pytest.mark.parametrize(
    "chain, tx, url",
    [
        ("ethereum", EVM_TX, f"https://etherscan.io/tx/{EVM_TX}"),
        ("bsc", EVM_TX, f"https://bscscan.com/tx/{EVM_TX}"),
        ("polygon", EVM_TX, f"https://polygonscan.com/tx/{EVM_TX}"),
        ("arbitrum", EVM_TX, f"https://arbiscan.io/tx/{EVM_TX}"),
        ("base", EVM_TX[2:], f"https://basescan.org/tx/{EVM_TX}"),
        ("optimism", EVM_TX, f"https://optimistic.etherscan.io/tx/{EVM_TX}"),
        ("tron", TRON_TX, f"https://tronscan.org/#/transaction/{TRON_TX}"),
        ("bitcoin", BTC_TX, f"https://mempool.space/tx/{BTC_TX}"),
        ("solana", solana_signature(b"c"), f"https://solscan.io/tx/{solana_signature(b'c')}"),
    ],
)
def test_explorer_tx_url_uses_the_official_explorer(chain, tx, url):
    assert explorer_tx_url(chain, tx) == url


def test_explorer_urls_are_none_for_unknown_networks_and_invalid_values():
    assert explorer_tx_url("other_evm", EVM_TX) is None
    assert explorer_tx_url("other", EVM_TX) is None
    assert explorer_tx_url("ethereum", "not a hash") is None
    assert explorer_address_url("ethereum", TRON_USDT) is None


def test_explorer_address_url_per_family():
    assert explorer_address_url("ethereum", EIP55_VECTORS[0].lower()) == f"https://etherscan.io/address/{EIP55_VECTORS[0]}"
    assert explorer_address_url("tron", TRON_USDT) == f"https://tronscan.org/#/address/{TRON_USDT}"
    assert explorer_address_url("bitcoin", BTC_P2WPKH) == f"https://mempool.space/address/{BTC_P2WPKH}"
    assert explorer_address_url("solana", SOLANA_SYSTEM) == f"https://solscan.io/account/{SOLANA_SYSTEM}"


# ---- amounts ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("120.5 USDT", "120.5 USDT"), ("1,234.56 USDT", "1234.56 USDT"), ("１，２３４．５６　ＵＳＤＴ", "1234.56 USDT"),
        ("0.5", "0.5"), ("USDT 120", "120 USDT"), ("120.5USDT", "120.5 USDT"), (".25 ETH", "0.25 ETH"),
        ("1,000,000,000 SHIB", "1000000000 SHIB"), ("0.00000001 BTC", "0.00000001 BTC"), ("3 USDC.e", "3 USDC.e"),
    ],
)
def test_amounts_are_normalised_to_plain_number_and_token(text, expected):
    assert ok("amount", text) == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("-5 USDT", "amount_not_positive"), ("0", "amount_not_positive"), ("0.000 ETH", "amount_not_positive"),
        ("abc", "amount_format"), ("1,5", "amount_format"), ("1e5", "amount_format"), ("USDT 5 ETH", "amount_format"),
        ("12.5.3", "amount_format"), ("0." + "1" * 19, "amount_too_precise"),
    ],
)
def test_bad_amounts_are_rejected_with_an_example(text, code):
    problem = bad("amount", text)
    assert problem.code == code and "120.5 USDT" in message(problem)


# ---- date and time ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("2025-11-20T14:05+08:00", "2025-11-20T14:05+08:00 (UTC 2025-11-20T06:05Z)"),
        ("2025-11-20 14:05 +08:00", "2025-11-20T14:05+08:00 (UTC 2025-11-20T06:05Z)"),
        ("2025-11-20 14:05 +0800", "2025-11-20T14:05+08:00 (UTC 2025-11-20T06:05Z)"),
        ("2025-11-20 14:05 UTC", "2025-11-20T14:05+00:00 (UTC 2025-11-20T14:05Z)"),
        ("2025-11-20T14:05Z", "2025-11-20T14:05+00:00 (UTC 2025-11-20T14:05Z)"),
        ("2025-11-20 14:05 UTC+8", "2025-11-20T14:05+08:00 (UTC 2025-11-20T06:05Z)"),
        ("2025-11-20 2:05 pm GMT-5", "2025-11-20T14:05-05:00 (UTC 2025-11-20T19:05Z)"),
        ("2025/11/20 14:05:30 +05:30", "2025-11-20T14:05:30+05:30 (UTC 2025-11-20T08:35:30Z)"),
        ("２０２５年11月20日 14：05 +08:00", "2025-11-20T14:05+08:00 (UTC 2025-11-20T06:05Z)"),
        ("2025-11-20T14:05+08:00 (UTC 2025-11-20T06:05Z)", "2025-11-20T14:05+08:00 (UTC 2025-11-20T06:05Z)"),
    ],
)
def test_datetimes_with_a_timezone_are_normalised_to_local_and_utc(text, expected):
    assert ok("datetime", text) == expected


def test_named_iana_zones_are_resolved_with_daylight_saving():
    pytest.importorskip("zoneinfo").ZoneInfo("Asia/Shanghai")  # needs a time-zone database
    assert ok("datetime", "2025-11-20 14:05 Asia/Shanghai") == "2025-11-20T14:05+08:00 (UTC 2025-11-20T06:05Z)"
    assert ok("datetime", "2025-07-01 09:00 europe/london") == "2025-07-01T09:00+01:00 (UTC 2025-07-01T08:00Z)"


def test_datetime_without_timezone_asks_to_add_one():
    problem = bad("datetime", "2025-11-20 14:05")
    assert problem.code == "datetime_no_timezone"
    assert "+08:00" in message(problem) and problem.params["example"] in message(problem)


@pytest.mark.parametrize(
    "text, code",
    [
        ("2025-11-20 14:05 CST", "datetime_unknown_timezone"), ("2025-11-20 14:05 +15:00", "datetime_unknown_timezone"),
        ("2025-02-30 14:05 UTC", "datetime_format"), ("2025-11-20", "datetime_format"), ("yesterday", "datetime_format"),
        ("2025-11-20 25:05 UTC", "datetime_format"), ("2999-01-01 10:00 UTC", "datetime_in_future"),
        ("2008-12-31 10:00 UTC", "datetime_too_early"),
    ],
)
def test_bad_datetimes_are_rejected_with_an_example(text, code):
    problem = bad("datetime", text)
    assert problem.code == code and "2026-11-20 14:05 +08:00" in message(problem)


def test_a_day_of_clock_skew_is_tolerated_but_not_more():
    from assistant.validation.fields import _datetime

    now = datetime(2026, 11, 20, 6, 0, tzinfo=UTC)
    assert _datetime("2026-11-21 05:00 UTC", now)[1] is None
    assert _datetime("2026-11-21 07:00 UTC", now)[1].code == "datetime_in_future"


# ---- email, version, ticket, url, exchange uid, text -----------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [("alex.chen@example.com", "alex.chen@example.com"), ("Alex@Example.COM", "Alex@example.com"),
     ("user+tp@mail.example.co.uk", "user+tp@mail.example.co.uk"), ("用户@例子.中国", "用户@例子.中国"),
     ("mailto:a@b.io", "a@b.io"), ("ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｃｏｍ", "test@example.com")],
)
def test_practical_email_addresses_are_accepted(text, expected):
    assert ok("email", text) == expected


@pytest.mark.parametrize("text", ["alex", "alex@", "@example.com", "a b@example.com", "a@example", "a@@b.com",
                                  "a@-example.com", "a..b@example.com", "a@example.c", "a@exa_mple.com"])
def test_malformed_emails_are_rejected_with_an_example(text):
    problem = bad("email", text)
    assert problem.code == "email_format" and "alex.chen@example.com" in message(problem)


def test_versions_ticket_refs_links_and_uids():
    assert ok("version", "v1.9.8") == "1.9.8"
    assert ok("version", "2.3.1") == "2.3.1"
    assert ok("version", "V2.3.1 (1234)") == "2.3.1 (1234)"
    assert bad("version", "latest").code == "version_format"
    assert ok("ticket", "#318842,  TP-20261120-0042 ;REQ/77") == "#318842, TP-20261120-0042, REQ/77"
    assert bad("ticket", "ticket: 12!").code == "ticket_format"
    assert ok("url", "https://tokenpocket-support.example/verify?id=1") == "https://tokenpocket-support.example/verify?id=1"
    assert ok("url", "t.me/tp_official_help") == "t.me/tp_official_help"
    assert ok("url", "https://tökenpocket.pro/download") == "https://tökenpocket.pro/download"  # look-alike kept as-is
    for link in ("javascript:alert(1)", "ftp://example.com/x", "http://", "not a link", "https://exa mple.com"):
        assert bad("url", link).code == "url_format"
    assert ok("exchange_uid", "35871942") == "35871942"
    assert bad("exchange_uid", "123").code == "exchange_uid_format"
    assert bad("exchange_uid", "my password").params == {"min": 4, "max": 40, "example": "35871942"}


def test_text_is_one_line_of_limited_length_and_multiline_allows_newlines():
    assert ok("text", "Android 14, Pixel 7\twith TP") == "Android 14, Pixel 7 with TP"
    assert bad("text", "two\nlines").code == "text_single_line"
    assert bad("text", "bell\x07").code == "text_control_chars"
    problem = bad("text", "x" * 201)
    assert problem.code == "text_too_long" and problem.params == {"max": 200, "length": 201}
    assert ok("multiline", "line one\r\nline two") == "line one\nline two"
    assert bad("multiline", "x" * 5001).code == "text_too_long"
    assert bad("multiline", "nul\x00").code == "text_control_chars"


def test_select_passes_through_validate_and_unknown_kinds_raise():
    assert ok("select", "whatever") == "whatever"
    with pytest.raises(ValueError, match="unknown field kind"):
        validate("colour", "red")


# ---- messages --------------------------------------------------------------------------------------------------
REACHABLE = {
    "text_single_line": ("text", "a\nb", None), "text_control_chars": ("text", "\x01", None),
    "text_too_long": ("text", "y" * 300, None),
    "evm_address_format": ("address", "0x123", "ethereum"),
    "evm_address_checksum": ("address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "ethereum"),
    "tron_address_format": ("address", "Txyz", "tron"),
    "tron_address_checksum": ("address", TRON_USDT[:-1] + "u", "tron"),
    "btc_address_format": ("address", "bc1", "bitcoin"),
    "btc_address_checksum": ("address", BTC_GENESIS[:-1] + "b", "bitcoin"),
    "btc_address_encoding": ("address", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", "bitcoin"),
    "btc_address_mixed_case": ("address", "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "bitcoin"),
    "btc_address_testnet": ("address", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "bitcoin"),
    "solana_address_format": ("address", "abc", "solana"),
    "address_wrong_family": ("address", TRON_USDT, "bsc"),
    "address_looks_like_hash": ("address", EVM_TX, None),
    "address_format": ("address", "abc", None),
    "address_generic_format": ("address", "a b", "other"),
    "address_network_format": ("address", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "xrp"),
    "evm_tx_hash_format": ("tx_hash", "0x12", "ethereum"),
    "tron_tx_hash_format": ("tx_hash", "12", "tron"),
    "btc_tx_hash_format": ("tx_hash", "12", "bitcoin"),
    "solana_tx_hash_format": ("tx_hash", "12", "solana"),
    "tx_hash_format": ("tx_hash", "12", None),
    "tx_hash_wrong_family": ("tx_hash", EVM_TX, "solana"),
    "tx_hash_is_address": ("tx_hash", TRON_USDT, "tron"),
    "tx_url_no_hash": ("tx_hash", "https://etherscan.io/", "ethereum"),
    "tx_url_wrong_network": ("tx_hash", f"https://mempool.space/tx/{BTC_TX}", "tron"),
    "amount_format": ("amount", "lots", None), "amount_not_positive": ("amount", "-1", None),
    "amount_too_precise": ("amount", "0." + "0" * 20 + "1", None),
    "datetime_format": ("datetime", "soon", None), "datetime_no_timezone": ("datetime", "2025-01-01 10:00", None),
    "datetime_unknown_timezone": ("datetime", "2025-01-01 10:00 Mars/Olympus", None),
    "datetime_in_future": ("datetime", "2999-01-01 10:00 UTC", None),
    "datetime_too_early": ("datetime", "2001-01-01 10:00 UTC", None),
    "email_format": ("email", "x", None), "version_format": ("version", "x", None),
    "ticket_format": ("ticket", "!", None), "url_format": ("url", "x", None),
    "exchange_uid_format": ("exchange_uid", "!", None),
}
VIA_VALIDATE_VALUES = {"required", "not_text", "select_unknown", "secret_detected", "text_direction_chars"}


def test_every_message_code_is_reachable_and_listed():
    assert set(REACHABLE) | VIA_VALIDATE_VALUES == set(FIELD_ERROR_CODES)
    for code, (kind, value, chain) in REACHABLE.items():
        assert bad(kind, value, chain).code == code, code


@pytest.mark.parametrize("code", sorted(FIELD_ERROR_CODES))
def test_message_placeholders_are_all_supplied_as_params_and_codes_are_snake_case(code):
    source = shipped_catalog().text(shipped_catalog().source_locale, f"ui.field_error.{code}")
    placeholders = {name for _, name, _, _ in string.Formatter().parse(source) if name}
    assert code == code.lower() and code.replace("_", "").isalnum()
    if code in REACHABLE:
        problem = bad(*REACHABLE[code])
        assert placeholders == set(problem.params)


@pytest.mark.parametrize("code", sorted(set(REACHABLE) - {"text_single_line", "text_control_chars", "text_too_long"}))
def test_every_format_error_shows_an_example(code):
    problem = bad(*REACHABLE[code])
    examples = [v for k, v in problem.params.items() if k.endswith("example")]
    assert examples and all(e in message(problem) for e in examples)


# ---- validate_values and the secret check ----------------------------------------------------------------------
@dataclass(frozen=True)
class F:
    name: str
    kind: str
    required: bool = True
    options: tuple[str, ...] = ()


def test_validate_values_normalises_uses_per_field_chains_and_collects_errors():
    fields = [F("addr", "address"), F("tx", "tx_hash"), F("when", "datetime"), F("note", "text", required=False),
              F("wallet_type", "select", options=("hd", "imported")), F("amount", "amount")]
    values = {"addr": EIP55_VECTORS[0].lower(), "tx": EVM_TX[2:], "when": "2025-11-20 14:05 UTC",
              "note": "   ", "wallet_type": "hd", "amount": "1,000 USDT"}
    clean, errors = validate_values(fields, values, {"addr": "ethereum", "tx": "ethereum"})
    assert errors == {}
    assert clean == {"addr": EIP55_VECTORS[0], "tx": EVM_TX, "when": "2025-11-20T14:05+00:00 (UTC 2025-11-20T14:05Z)",
                     "wallet_type": "hd", "amount": "1000 USDT"}
    clean, errors = validate_values(fields, {"addr": TRON_USDT, "wallet_type": "cold", "amount": 5},
                                    {"addr": "tron"})
    assert clean == {"addr": TRON_USDT}
    assert {k: e.code for k, e in errors.items()} == {
        "tx": "required", "when": "required", "wallet_type": "select_unknown", "amount": "not_text"}
    assert errors["wallet_type"].params == {"options": "hd, imported"}


def test_normalised_values_validate_again_to_themselves():
    fields = [F("addr", "address"), F("tx", "tx_hash"), F("when", "datetime"), F("amount", "amount"),
              F("mail", "email"), F("ver", "version"), F("refs", "ticket")]
    values = {"addr": BTC_P2WPKH.upper(), "tx": f"https://mempool.space/tx/{BTC_TX}", "when": "2025-11-20 14:05 +08:00",
              "amount": "１２０．５ ＵＳＤＴ", "mail": "Alex@Example.COM", "ver": "v2.3.1", "refs": "#1 #2"}
    chain_of = {"addr": "bitcoin", "tx": "bitcoin"}
    clean, errors = validate_values(fields, values, chain_of)
    assert not errors
    assert validate_values(fields, clean, chain_of) == (clean, {})


@pytest.fixture
def fake_scanner(monkeypatch):
    calls = []

    @dataclass(frozen=True)
    class Finding:
        kind: str
        severity: str

    def find_secrets(text, *, context="free_text"):
        calls.append((text, context))
        if "SECRET" in text:
            return [Finding("mnemonic", "block")]
        if "MAYBE" in text:
            return [Finding("private_key_hex", "confirm")]
        return []

    module = types.SimpleNamespace(
        find_secrets=find_secrets, has_blocking=lambda fs: any(f.severity == "block" for f in fs))
    monkeypatch.setitem(sys.modules, "assistant.secrets.scan", module)
    return calls


def test_blocking_secret_outranks_the_format_problem_and_is_never_kept(fake_scanner):
    fields = [F("desc", "multiline"), F("tx", "tx_hash"), F("addr", "address")]
    values = {"desc": "my words SECRET", "tx": EVM_TX, "addr": "SECRET phrase"}
    clean, errors = validate_values(fields, values, {"tx": "ethereum", "addr": "ethereum"})
    assert clean == {"tx": EVM_TX}
    assert errors["desc"].code == errors["addr"].code == "secret_detected"
    text = message(errors["desc"])
    assert "recovery phrase or private key" in text and "never asks" in text and "never send it" in text
    assert ("my words SECRET", "free_text") in fake_scanner and (EVM_TX, "tx_hash") in fake_scanner


def test_confirm_only_findings_do_not_block(fake_scanner):
    clean, errors = validate_values([F("desc", "multiline")], {"desc": "MAYBE a key"}, {})
    assert clean == {"desc": "MAYBE a key"} and errors == {}


def test_a_missing_scanner_stops_validation_instead_of_passing_the_value(monkeypatch):
    monkeypatch.setitem(sys.modules, "assistant.secrets.scan", None)  # import raises ModuleNotFoundError
    with pytest.raises(ModuleNotFoundError):
        validate_values([F("desc", "text")], {"desc": "hello"}, {})


def test_real_scanner_blocks_a_recovery_phrase_and_a_solana_secret_key_but_not_a_signature():
    phrase = "legal winner thank year wave sausage worth useful legal winner thank yellow"  # BIP-39 test vector
    key = solana_key(b"wallet")
    keypair = base58.encode(bytes(key) + bytes(key.verify_key))
    fields = [F("desc", "text"), F("sig", "tx_hash"), F("key", "tx_hash")]
    clean, errors = validate_values(fields, {"desc": phrase, "sig": solana_signature(b"s"), "key": keypair},
                                    {"sig": "solana", "key": "solana"})
    assert {k: e.code for k, e in errors.items()} == {"desc": "secret_detected", "key": "secret_detected"}
    assert clean == {"sig": solana_signature(b"s")}


def test_field_kinds_include_the_extra_kinds():
    assert {"version", "ticket", "url", "exchange_uid"} <= FIELD_KINDS
    assert {"text", "multiline", "select", "address", "tx_hash", "amount", "datetime", "email"} <= FIELD_KINDS
