"""Networks named only after "another network" (which_network): what their PUBLIC addresses look like.

The flows offer these without a family check of their own; a pasted address of the wrong shape (a 0x address as an
XRP sender) would otherwise reach the exchange as if it were right. Shapes only: prefixes, alphabets and lengths,
never a lookup. EVM networks in the list are EVM in every respect and are checked as such by `chains`.
"""
from __future__ import annotations

import base64
import re

EVM_NETWORKS = frozenset({"avalanche", "linea", "zksync", "opbnb"})

_B58 = "1-9A-HJ-NP-Za-km-z"
_BECH32 = "02-9ac-hj-np-z"
# network id -> (English name for messages, address shape, an example: well-known accounts for XRP, Stellar and TON,
# well-formed addresses made by `sample_address` for the others)
ADDRESS_SHAPES: dict[str, tuple[str, re.Pattern[str], str]] = {
    # classic r-address (Ripple base58, same characters as Bitcoin's) or an X-address
    "xrp": ("XRP Ledger", re.compile(f"r[{_B58}]{{24,34}}|X[{_B58}]{{46}}"), "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"),
    # StrKey: G… account (56) or M… muxed account (69), base32
    "xlm": ("Stellar", re.compile(r"G[A-Z2-7]{55}|M[A-Z2-7]{68}"),
            "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ"),
    # user-friendly (base64 / base64url, 48 chars: EQ…, UQ…, Ef…, Uf…) or raw workchain:hex
    "ton": ("TON", re.compile(r"[EUk0][Qf][A-Za-z0-9_+/-]{46}|-?[01]:[0-9a-fA-F]{64}"),
            "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N"),
    "litecoin": ("Litecoin", re.compile(f"[LM3][{_B58}]{{26,33}}|ltc1[{_BECH32}]{{8,87}}"),
                 "ltc1q6uvzj5f632mjsxj58knaugmyfpleldy9yndets"),
    "dogecoin": ("Dogecoin", re.compile(f"[DA9][{_B58}]{{25,33}}"), "DQkQmGLLBcBGuhPQKUrYfVsShy2stzRNwF"),
    "atom": ("Cosmos Hub", re.compile(f"cosmos1[{_BECH32}]{{38,58}}"), "cosmos16uvzj5f632mjsxj58knaugmyfpleldy9k4fkhd"),
    # account names: up to 12 of a-z, 1-5 and dots
    "eos": ("EOS", re.compile(r"[a-z1-5.]{1,12}"), "tokenpocket1"),
}


def is_named(network: str | None) -> bool:
    return network in ADDRESS_SHAPES or network in EVM_NETWORKS


def address_problem(network: str, address: str) -> dict | None:
    """The parameters of the message for an address that does not fit `network` (None when it fits or the network
    has no known shape); lower/upper case matter except in bech32 parts, which are written in one case."""
    shape = ADDRESS_SHAPES.get(network)
    if shape is None:
        return None
    name, pattern, example = shape
    text = address.lower() if address.lower().startswith(("ltc1", "cosmos1")) else address
    return None if pattern.fullmatch(text) else {"network": name, "example": example}


def sample_address(network: str, raw: bytes) -> str | None:
    """A well-formed address of `network` made from 32 bytes (for sample cases), or None when it has no shape."""
    from embit import base58, bech32

    if network == "xrp":
        bitcoin = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
        ripple = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"
        return base58.encode_check(b"\x00" + raw[:20]).translate(str.maketrans(bitcoin, ripple))
    if network == "xlm":
        payload = bytes([6 << 3]) + raw[:32]
        return base64.b32encode(payload + _crc16_xmodem(payload).to_bytes(2, "little")).decode()
    if network == "ton":
        payload = b"\x11\x00" + raw[:32]
        return base64.urlsafe_b64encode(payload + _crc16_xmodem(payload).to_bytes(2, "big")).decode()
    if network == "litecoin":
        return bech32.encode("ltc", 0, raw[:20])
    if network == "dogecoin":
        return base58.encode_check(b"\x1e" + raw[:20])
    if network == "atom":
        return bech32.bech32_encode(bech32.Encoding.BECH32, "cosmos", bech32.convertbits(raw[:20], 8, 5))
    if network == "eos":
        return "".join("abcdefghijklmnopqrstuvwxyz12345"[b % 31] for b in raw[:12])
    return None


def _crc16_xmodem(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc
