"""Values a transaction-details or exchange-record screenshot shows: tx hash, addresses, amount, network, time.

Labels are found in the text read (交易哈希 / TxID / Hash, 发送方 / From, …) and their value is what stands to the
right of the label, or below it, with a hash or address wrapped over several lines joined again. Hashes and
addresses are offered only when they pass the chain checksums (`assistant.validation.chains`): an OCR slip in
an address fails its checksum, and a wrong address is worse than none.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from assistant.validation.chains import check_address, check_tx_hash
from assistant.vision.engine import Line, rows


class FoundKind(StrEnum):
    TX_HASH = "tx_hash"
    FROM_ADDRESS = "from_address"
    TO_ADDRESS = "to_address"
    ADDRESS = "address"  # an address without a from/to label
    AMOUNT = "amount"
    NETWORK = "network"
    TIME = "time"


@dataclass(frozen=True, slots=True)
class Found:
    kind: FoundKind
    value: str  # normalised (checksummed address, lower-case hash, "120.5 USDT", "2024-05-12 14:33:08")


_LABELS: dict[FoundKind, re.Pattern[str]] = {
    FoundKind.TX_HASH: re.compile(r"^(?:交易哈希|交易hash|哈希|交易id|txid|tx\s*hash|txn\s*hash|transaction\s*(?:hash|id)|hash|"
                                  r"交易號)", re.I),
    FoundKind.FROM_ADDRESS: re.compile(r"^(?:发送方|付款方|发送地址|转出地址|付款地址|發送方|from|sender|付款帳戶)", re.I),
    FoundKind.TO_ADDRESS: re.compile(r"^(?:接收方|收款方|接收地址|收款地址|提币地址|提現地址|提现地址|转入地址|接收方地址|to\b|recipient|"
                                     r"receiver|withdrawal\s*address|to\s*address)", re.I),
    FoundKind.ADDRESS: re.compile(r"^(?:地址|address|充币地址|充值地址|deposit\s*address)", re.I),
    FoundKind.AMOUNT: re.compile(r"^(?:金额|数量|数額|金額|amount|quantity|qty|提币数量|实际到账|到账数量)", re.I),
    FoundKind.NETWORK: re.compile(r"^(?:网络|網絡|網路|链|鏈|主网|network|chain|转账网络|提币网络)", re.I),
    FoundKind.TIME: re.compile(r"^(?:时间|時間|交易时间|创建时间|完成时间|日期|time|date|created|completed\s*time|timestamp)", re.I),
}
_FEE = re.compile(r"费|費|fee|gas", re.I)
_LOOKALIKE_CASE = frozenset("cCjJkKoOpPsSuUvVwWxXyYzZ")
_HEX_SLIPS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})
_ADDRESS_PIECE = re.compile(r"^[0-9A-Za-z]{4,}$")
_AMOUNT = re.compile(r"[-+]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([A-Za-z][A-Za-z0-9]{1,9})?")
_TIME = re.compile(r"(20\d\d)[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?")
_NETWORKS = (("trc20", "TRON (TRC20)"), ("tron", "TRON"), ("erc20", "Ethereum (ERC20)"), ("ethereum", "Ethereum"),
             ("bep20", "BNB Smart Chain (BEP20)"), ("bsc", "BNB Smart Chain"), ("bnb", "BNB Smart Chain"),
             ("polygon", "Polygon"), ("arbitrum", "Arbitrum One"), ("optimism", "Optimism"), ("solana", "Solana"),
             ("bitcoin", "Bitcoin"), ("btc", "Bitcoin"), ("base", "Base"))
_FREE_HASH = re.compile(r"(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z])")
_FREE_ADDRESS = re.compile(r"(?<![0-9A-Za-z])(?:0x[0-9a-fA-F]{40}|T[1-9A-HJ-NP-Za-km-z]{33}|bc1[02-9ac-hj-np-z]{11,71})(?![0-9A-Za-z])")


def _label(text: str) -> FoundKind | None:
    t = text.strip()
    if _FEE.search(t) and not re.search(r"hash|哈希", t, re.I):
        return None  # "network fee", "矿工费" name a fee, not the network
    for kind, pattern in _LABELS.items():
        if pattern.match(t):
            return kind
    return None


def _value_pieces(grid: list[list[Line]], r: int) -> list[str]:
    """What follows the label in row `r`: the rest of the row (or the row below, for a label alone on its row),
    then rows below without a label of their own while they continue a wrapped hash or address."""
    pieces = [ln.text.strip() for ln in grid[r][1:]]
    below = r + 1
    if not pieces and below < len(grid) and _label(grid[below][0].text) is None:
        pieces = [ln.text.strip() for ln in grid[below]]
        below += 1
    while below < len(grid) and pieces and _ADDRESS_PIECE.match(pieces[-1].replace(" ", "")):
        row = grid[below]
        if _label(row[0].text) is not None or not all(_ADDRESS_PIECE.match(ln.text.replace(" ", "")) for ln in row):
            break
        pieces += [ln.text.strip() for ln in row]
        below += 1
    return pieces


def _prefix(joined: str) -> str:
    return "0x" + joined[2:] if joined[:2] in ("Ox", "OX", "ox", "0X") else joined  # O read for the zero of 0x


def _hash(pieces: list[str]) -> str | None:
    # Hex has no O, I or l: in a run that is otherwise hex they can only be misread 0 and 1.
    joined = _prefix("".join(p.replace(" ", "") for p in pieces))
    joined = "0x" + joined[2:].translate(_HEX_SLIPS) if joined.startswith("0x") else joined.translate(_HEX_SLIPS)
    norm, issue = check_tx_hash(None, joined)
    return norm if issue is None and re.fullmatch(r"(?:0x)?[0-9a-f]{64}", norm) else None


def _case_repairs(text: str):
    """`text`, then with one or two letters whose capital looks like the small one (c/C, j/J, …) flipped: OCR
    mixes those up, and an address checksum tells which reading is right."""
    yield text
    at = [i for i, c in enumerate(text) if c in _LOOKALIKE_CASE][:16]
    flip = {i: text[i].swapcase() for i in at}
    for i in at:
        yield text[:i] + flip[i] + text[i + 1:]
    for n, i in enumerate(at):
        for j in at[n + 1:]:
            yield text[:i] + flip[i] + text[i + 1:j] + flip[j] + text[j + 1:]


def _address(pieces: list[str]) -> str | None:
    joined = _prefix("".join(p.replace(" ", "") for p in pieces))
    if not joined or len(joined) > 90:
        return None
    for candidate in _case_repairs(joined):
        norm, issue = check_address(None, candidate)
        if issue is None:
            return norm
    return None


def _amount(pieces: list[str]) -> str | None:
    m = _AMOUNT.search(" ".join(pieces))
    if m is None:
        return None
    number = m.group(1).replace(",", "") + (m.group(2) or "")
    return f"{number} {m.group(3).upper()}" if m.group(3) else number


def _time(text: str) -> str | None:
    m = _TIME.search(text)
    if m is None:
        return None
    y, mo, d, h, mi, s = m.groups()
    return f"{y}-{int(mo):02d}-{int(d):02d} {int(h):02d}:{mi}" + (f":{s}" if s else "")


def _network(text: str) -> str | None:
    low = text.lower()
    for key, name in _NETWORKS:
        if re.search(rf"(?<![a-z]){key}(?![a-z])", low):
            return name
    return None


def extract(lines: Sequence[Line]) -> list[Found]:
    """Every value found, once per kind (the first labelled one wins), each valid by the app's own checks."""
    grid = rows(list(lines))
    found: dict[FoundKind, str] = {}
    for r, row in enumerate(grid):
        kind = _label(row[0].text)
        if kind is None or kind in found:
            continue
        pieces = _value_pieces(grid, r)
        value: str | None
        if kind is FoundKind.TX_HASH:
            value = _hash(pieces)
        elif kind in (FoundKind.FROM_ADDRESS, FoundKind.TO_ADDRESS, FoundKind.ADDRESS):
            value = _address(pieces)
        elif kind is FoundKind.AMOUNT:
            value = _amount(pieces)
        elif kind is FoundKind.NETWORK:
            value = _network(" ".join(pieces))
        else:
            value = _time(" ".join(pieces))
        if value:
            found[kind] = value
    text = "\n".join(ln.text for ln in lines)
    if FoundKind.TX_HASH not in found:
        for m in _FREE_HASH.finditer(text.replace(" ", "")):
            value = _hash([m.group()])
            if value:
                found[FoundKind.TX_HASH] = value
                break
    labelled = {v for k, v in found.items() if k in (FoundKind.FROM_ADDRESS, FoundKind.TO_ADDRESS)}
    if not labelled and FoundKind.ADDRESS not in found:
        for m in _FREE_ADDRESS.finditer(text):
            value = _address([m.group()])
            if value:
                found[FoundKind.ADDRESS] = value
                break
    if FoundKind.TIME not in found:
        value = _time(text)
        if value:
            found[FoundKind.TIME] = value
    return [Found(k, v) for k, v in found.items()]
