"""Networks the flows offer and what their PUBLIC identifiers look like. Pure Python, offline, Qt-free.

Chain knowledge only: network ids, address and transaction-hash formats per family, official explorers.
`check_address` / `check_tx_hash` return `(normalised, Issue | None)`; `assistant.validation.fields` turns an Issue
(a stable code plus the parameters of its message) into user-facing text. Explorer URLs are built as text for
the support request and are never fetched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from embit import base58

from assistant.validation import named_networks
from assistant.validation.keccak import keccak256

_BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"  # BIP-173; the embit.bech32 decoder loads lazily


class ChainFamily(StrEnum):
    EVM = "evm"
    TRON = "tron"
    BITCOIN = "bitcoin"
    SOLANA = "solana"
    OTHER = "other"  # network not in the list: accept any plausible identifier


EVM, TRON, BITCOIN, SOLANA, OTHER = ChainFamily
KNOWN_FAMILIES = (EVM, TRON, BITCOIN, SOLANA)
FAMILY_NAMES = {EVM: "Ethereum/EVM", TRON: "TRON", BITCOIN: "Bitcoin", SOLANA: "Solana", OTHER: "other"}
_CODE_PREFIX = {EVM: "evm", TRON: "tron", BITCOIN: "btc", SOLANA: "solana"}  # prefix of per-family issue codes


@dataclass(frozen=True, slots=True)
class Chain:
    id: str
    name: str  # English display name (a proper noun, used in messages)
    family: ChainFamily
    explorer: str | None = None  # official explorer, https://host without a trailing slash


CHAINS: dict[str, Chain] = {
    c.id: c
    for c in (
        Chain("ethereum", "Ethereum", EVM, "https://etherscan.io"),
        Chain("bsc", "BNB Smart Chain", EVM, "https://bscscan.com"),
        Chain("polygon", "Polygon", EVM, "https://polygonscan.com"),
        Chain("arbitrum", "Arbitrum One", EVM, "https://arbiscan.io"),
        Chain("base", "Base", EVM, "https://basescan.org"),
        Chain("optimism", "OP Mainnet (Optimism)", EVM, "https://optimistic.etherscan.io"),
        Chain("other_evm", "another EVM network", EVM),
        Chain("tron", "TRON", TRON, "https://tronscan.org"),
        Chain("bitcoin", "Bitcoin", BITCOIN, "https://mempool.space"),
        Chain("solana", "Solana", SOLANA, "https://solscan.io"),
        Chain("other", "another network", OTHER),
    )
}
CHAIN_IDS = tuple(CHAINS)

# (transaction page, address page) below the explorer root
_EXPLORER_PATHS = {
    EVM: ("/tx/{}", "/address/{}"),
    TRON: ("/#/transaction/{}", "/#/address/{}"),
    BITCOIN: ("/tx/{}", "/address/{}"),
    SOLANA: ("/tx/{}", "/account/{}"),
}
# Explorer hosts recognised in pasted links -> chain id (longest match wins, so optimistic.etherscan.io != etherscan.io)
EXPLORER_HOSTS = {
    "etherscan.io": "ethereum",
    "bscscan.com": "bsc",
    "polygonscan.com": "polygon",
    "arbiscan.io": "arbitrum",
    "basescan.org": "base",
    "optimistic.etherscan.io": "optimism",
    "tronscan.org": "tron",
    "tronscan.io": "tron",
    "mempool.space": "bitcoin",
    "blockstream.info": "bitcoin",
    "solscan.io": "solana",
    "explorer.solana.com": "solana",
}

# Realistic examples shown in messages (EIP-55 / BIP-173 test vectors, the USDT-TRC20 contract, wrapped-SOL mint,
# the Bitcoin genesis coinbase txid; the other hashes are sha256 outputs and belong to no real transaction).
EXAMPLES = {
    (EVM, "address"): "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    (TRON, "address"): "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    (BITCOIN, "address"): "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    (SOLANA, "address"): "So11111111111111111111111111111111111111112",
    (EVM, "tx"): "0x1f56e1ef9956875ce5aeb0dcf724de2744d34b6449be05008cf00186b7f560bd",
    (TRON, "tx"): "05429c4641193661397ae3a912f20230532562f877da60a9a52898f626992292",
    (BITCOIN, "tx"): "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
    (SOLANA, "tx"): "4FYzRhJp4eChC8CdpHxok8ESHk4vzCGNhKfgydMWdN2jSWCoSqwtN54BAippWhAxqPY4GUzSwoZtFjCWmwXzMGEH",
}
TAPROOT_EXAMPLE = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"


class Issue(NamedTuple):
    code: str  # stable snake_case id; assistant.validation.fields holds the English text for it
    params: dict


def family(chain_id: str | None) -> ChainFamily:
    """Family of a network id; None and ids not in CHAINS count as OTHER (EVM networks named later are EVM)."""
    if chain_id in named_networks.EVM_NETWORKS:
        return EVM
    chain = CHAINS.get(chain_id) if chain_id else None
    return chain.family if chain else OTHER


def is_network(chain_id: str) -> bool:
    """A network id the validators know: one of CHAINS or one named after "another network"."""
    return chain_id in CHAINS or named_networks.is_named(chain_id)


def chain_name(chain_id: str | None) -> str:
    chain = CHAINS.get(chain_id) if chain_id else None
    return chain.name if chain else "another network"


# ---- low-level format checks: (normalised, code | None) --------------------------------------------------------
_B58 = "1-9A-HJ-NP-Za-km-z"
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_EVM_ADDR = re.compile(r"(0x|0X)?([0-9a-fA-F]{40})")
_TRON_ADDR = re.compile(f"T[{_B58}]{{33}}")
_TRON_HEX = re.compile(r"41[0-9a-fA-F]{40}")
_BTC_LEGACY = re.compile(f"[13mn2][{_B58}]{{25,34}}")
_BECH32_SHAPE = re.compile(f"(bc|tb|bcrt)1[{_BECH32_CHARSET}]{{6,87}}")
_SOL_ADDR = re.compile(f"[{_B58}]{{32,44}}")
_SOL_SIG = re.compile(f"[{_B58}]{{64,90}}")
_HEX64 = re.compile(r"(0[xX])?([0-9a-fA-F]{64})")


def to_checksum_address(address: str) -> str:
    """EIP-55 form of a 20-byte hex address (with or without 0x). Raises ValueError for anything else."""
    body = address[2:] if address[:2] in ("0x", "0X") else address
    if not re.fullmatch(r"[0-9a-fA-F]{40}", body):
        raise ValueError(f"not a 20-byte hex address: {address!r}")
    lower = body.lower()
    digest = keccak256(lower.encode("ascii")).hex()
    return "0x" + "".join(c.upper() if int(n, 16) >= 8 else c for c, n in zip(lower, digest, strict=False))


def _evm_address(s: str) -> tuple[str, str | None]:
    m = _EVM_ADDR.fullmatch(s)
    if not m:
        return s, "evm_address_format"
    prefix, body = m.groups()
    checksummed = to_checksum_address(body)
    if body == body.upper():  # all upper case (QR alphanumeric form) may use 0X
        return checksummed, None
    if prefix == "0X":
        return s, "evm_address_format"
    if body == body.lower() or "0x" + body == checksummed:  # lower case carries no checksum
        return checksummed, None
    return s, "evm_address_checksum"


def _tron_address(s: str) -> tuple[str, str | None]:
    if _TRON_HEX.fullmatch(s):  # hex form used by APIs: 41 + 20 bytes
        return base58.encode_check(bytes.fromhex(s)), None
    if not _TRON_ADDR.fullmatch(s):
        return s, "tron_address_format"
    try:
        raw = base58.decode_check(s)
    except ValueError:
        return s, "tron_address_checksum"
    return (s, None) if len(raw) == 21 and raw[0] == 0x41 else (s, "tron_address_format")


def _btc_address(s: str) -> tuple[str, str | None]:
    low = s.lower()
    if _BECH32_SHAPE.fullmatch(low):
        if s != low and s != s.upper():
            return s, "btc_address_mixed_case"
        if not low.startswith("bc1"):
            return s, "btc_address_testnet"
        from embit.bech32 import Encoding, bech32_decode, convertbits

        encoding, _hrp, data = bech32_decode(low)
        if encoding is None:
            return s, "btc_address_checksum"
        program = convertbits(data[1:], 5, 8, False) if data else None
        if not data or data[0] > 16 or program is None or not 2 <= len(program) <= 40:
            return s, "btc_address_format"
        if data[0] == 0 and len(program) not in (20, 32):
            return s, "btc_address_format"
        if encoding != (Encoding.BECH32 if data[0] == 0 else Encoding.BECH32M):
            return s, "btc_address_encoding"
        return low, None
    if not _BTC_LEGACY.fullmatch(s):
        return s, "btc_address_format"
    try:
        raw = base58.decode_check(s)
    except ValueError:
        return s, "btc_address_checksum"
    if len(raw) == 21 and raw[0] in (0x00, 0x05):
        return s, None
    if len(raw) == 21 and raw[0] in (0x6F, 0xC4):
        return s, "btc_address_testnet"
    return s, "btc_address_format"


def _solana_address(s: str) -> tuple[str, str | None]:
    if _SOL_ADDR.fullmatch(s) and len(base58.decode(s)) == 32:
        return s, None
    return s, "solana_address_format"


def _hex_tx(s: str, fam: ChainFamily) -> tuple[str, str | None]:
    m = _HEX64.fullmatch(s)
    if not m:
        return s, f"{_CODE_PREFIX[fam]}_tx_hash_format"
    body = m.group(2).lower()
    return ("0x" + body if fam is EVM else body), None


def _solana_signature(s: str) -> tuple[str, str | None]:
    if _SOL_SIG.fullmatch(s) and len(base58.decode(s)) == 64:
        return s, None
    return s, "solana_tx_hash_format"


_ADDRESS_CHECKS = {EVM: _evm_address, TRON: _tron_address, BITCOIN: _btc_address, SOLANA: _solana_address}
_TX_CHECKS = {
    EVM: lambda s: _hex_tx(s, EVM),
    TRON: lambda s: _hex_tx(s, TRON),
    BITCOIN: lambda s: _hex_tx(s, BITCOIN),
    SOLANA: _solana_signature,
}


def _address_shape(s: str) -> ChainFamily | None:
    """The family whose address SHAPE this is (before checksums), for choosing the most helpful message."""
    if s[:2] in ("0x", "0X") and _EVM_ADDR.fullmatch(s):
        return EVM
    if _TRON_ADDR.fullmatch(s) or _TRON_HEX.fullmatch(s):
        return TRON
    if _BECH32_SHAPE.fullmatch(s.lower()) or _BTC_LEGACY.fullmatch(s):
        return BITCOIN
    return None


def _valid_address(s: str) -> tuple[ChainFamily, str] | None:
    for fam, check in _ADDRESS_CHECKS.items():
        norm, code = check(s)
        if code is None:
            return fam, norm
    return None


def _valid_tx(s: str) -> tuple[ChainFamily | None, str] | None:
    """(family, normalised) of a valid tx hash; family None for bare 64 hex (EVM, TRON and Bitcoin look alike)."""
    m = _HEX64.fullmatch(s)
    if m:
        return (EVM, "0x" + m.group(2).lower()) if m.group(1) else (None, m.group(2).lower())
    norm, code = _solana_signature(s)
    return (SOLANA, norm) if code is None else None


def _clean(text: str) -> str:
    return _INVISIBLE.sub("", text).strip()


def _example_params(code: str) -> dict:
    for fam in KNOWN_FAMILIES:
        if code.startswith(_CODE_PREFIX[fam] + "_"):
            kind = "address" if "_address_" in code else "tx"
            example = TAPROOT_EXAMPLE if code == "btc_address_encoding" else EXAMPLES[(fam, kind)]
            return {"example": example}
    raise KeyError(code)


def _all_examples(kind: str) -> dict:
    return {f"{fam}_example": EXAMPLES[(fam, kind)] for fam in KNOWN_FAMILIES}


# ---- addresses -------------------------------------------------------------------------------------------------
_GENERIC_TOKEN = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]{4,128}")


def check_address(chain_id: str | None, text: str) -> tuple[str, Issue | None]:
    """Validate a PUBLIC address for a network id. None: any known family. 'other'/unknown id: lenient."""
    s = _clean(text)
    fam = family(chain_id)
    if chain_id is not None and fam is not OTHER:
        norm, code = _ADDRESS_CHECKS[fam](s)
        if code is None:
            return norm, None
        found = _valid_address(s)
        if found:
            params = {"detected": FAMILY_NAMES[found[0]], "network": chain_name(chain_id),
                      "expected": FAMILY_NAMES[fam], "example": EXAMPLES[(fam, "address")]}
            return s, Issue("address_wrong_family", params)
        if code.endswith("_format") and _HEX64.fullmatch(s):
            return s, Issue("address_looks_like_hash", {"example": EXAMPLES[(fam, "address")]})
        return s, Issue(code, _example_params(code))
    if chain_id in named_networks.ADDRESS_SHAPES:  # its own shape decides, never another family's
        named = named_networks.address_problem(chain_id, s)
        return s, None if named is None else Issue("address_network_format", named)
    found = _valid_address(s)
    if found:
        return found[1], None
    shape = _address_shape(s)
    if shape is not None:
        shape_code = _ADDRESS_CHECKS[shape](s)[1] or "address_generic_format"
        return s, Issue(shape_code, _example_params(shape_code))
    if chain_id is None:
        if _HEX64.fullmatch(s):
            return s, Issue("address_looks_like_hash", {"example": EXAMPLES[(EVM, "address")]})
        return s, Issue("address_format", _all_examples("address"))
    if _GENERIC_TOKEN.fullmatch(s):  # e.g. cosmos1…, or 0x + 64 hex (an address on Aptos and Sui)
        return s, None
    return s, Issue("address_generic_format", {"max": 128, "example": EXAMPLES[(EVM, "address")]})


# ---- transaction hashes ----------------------------------------------------------------------------------------
_LABEL = re.compile(r"^(?:tx\s*hash|txn\s*hash|tx\s*id|txid|transaction\s*(?:hash|id)|hash)\s*[:=：]\s*", re.I)
_URL = re.compile(r"(?:https?://)?([A-Za-z0-9.-]+\.[A-Za-z]{2,})(?::\d{1,5})?([/#?]\S*)?", re.I)
_URL_TX = re.compile(r"(?:^|[/#])(?:tx|txs|transaction|transactions)/([^/?#&\s]+)", re.I)
_GENERIC_TX = re.compile(r"[^\s\x00-\x1f\x7f-\x9f]{16,200}")


def explorer_chain(host: str) -> str | None:
    """Chain id of a known explorer host (subdomains included), else None."""
    host = host.lower().rstrip(".")
    for known in sorted(EXPLORER_HOSTS, key=len, reverse=True):
        if host == known or host.endswith("." + known):
            return EXPLORER_HOSTS[known]
    return None


def parse_tx_url(text: str) -> tuple[str, str | None] | None:
    """(host, hash or None) when `text` is a web link, else None."""
    m = _URL.fullmatch(text.strip()) if len(text) <= 1000 else None  # bounds the regex's backtracking
    if not m or (m.group(2) is None and "://" not in text):
        return None
    found = _URL_TX.search(m.group(2) or "")
    return m.group(1).lower(), found.group(1) if found else None


def _network_conflict(chain_id: str | None, site_chain: str | None) -> bool:
    if chain_id not in CHAINS or site_chain is None or family(chain_id) is OTHER:
        return False
    if chain_id == "other_evm":
        return family(site_chain) is not EVM
    return site_chain != chain_id


def check_tx_hash(chain_id: str | None, text: str) -> tuple[str, Issue | None]:
    """Validate a transaction hash / signature, or an explorer link holding one, for a network id."""
    s = _LABEL.sub("", _clean(text))
    fam = family(chain_id)
    example = EXAMPLES[(fam if fam is not OTHER else EVM, "tx")]
    url = parse_tx_url(s)
    if url is not None:
        host, found = url
        if found is None:
            return s, Issue("tx_url_no_hash", {"example": example})
        if _network_conflict(chain_id, explorer_chain(host)):
            return s, Issue("tx_url_wrong_network", {"site": host, "network": chain_name(chain_id), "example": example})
        s = found
    if chain_id is not None and fam is not OTHER:
        norm, code = _TX_CHECKS[fam](s)
        if code is None:
            return norm, None
        other = _valid_tx(s)
        if other is not None:
            detected = FAMILY_NAMES[other[0]] if other[0] else "Ethereum/EVM, TRON or Bitcoin"
            params = {"detected": detected, "network": chain_name(chain_id), "example": example}
            return s, Issue("tx_hash_wrong_family", params)
        if _valid_address(s) or _address_shape(s):
            return s, Issue("tx_hash_is_address", {"example": example})
        return s, Issue(code, {"example": example})
    tx_found = _valid_tx(s)
    if tx_found:
        return tx_found[1], None
    if _valid_address(s) or _address_shape(s):
        return s, Issue("tx_hash_is_address", {"example": example})
    if chain_id is not None and _GENERIC_TX.fullmatch(s):
        return s, None
    examples = {"evm_example": EXAMPLES[(EVM, "tx")], "solana_example": EXAMPLES[(SOLANA, "tx")]}
    return s, Issue("tx_hash_format", examples)
