"""Suggestions and links built on the chain checks: the family of a pasted value, and explorer pages (text only)."""
from __future__ import annotations

from assistant.validation.chains import (
    _EXPLORER_PATHS,
    _LABEL,
    CHAINS,
    EVM,
    ChainFamily,
    _address_shape,
    _clean,
    _valid_address,
    _valid_tx,
    check_address,
    check_tx_hash,
    explorer_chain,
    family,
    parse_tx_url,
)


def detect_family(text: str) -> ChainFamily | None:
    """Suggest a family from a pasted address, tx hash or explorer link; None when unknown or ambiguous."""
    s = _LABEL.sub("", _clean(text))
    url = parse_tx_url(s)
    if url is not None:
        site = explorer_chain(url[0])
        if site is not None:
            return family(site)
        if url[1] is None:
            return None
        s = url[1]
    found = _valid_address(s)
    if found:
        return found[0]
    if _address_shape(s) is EVM:  # mixed case with a bad checksum is still an EVM address shape
        return EVM
    tx = _valid_tx(s)
    return tx[0] if tx else None


def _explorer_url(chain_id: str, value: str, check, page: int) -> str | None:
    chain = CHAINS.get(chain_id)
    if chain is None or chain.explorer is None:
        return None
    norm, issue = check(chain_id, value)
    return None if issue else chain.explorer + _EXPLORER_PATHS[chain.family][page].format(norm)


def explorer_tx_url(chain_id: str, tx_hash: str) -> str | None:
    """Official explorer page of a transaction (text only, never fetched); None if unknown or the hash is invalid."""
    return _explorer_url(chain_id, tx_hash, check_tx_hash, 0)


def explorer_address_url(chain_id: str, address: str) -> str | None:
    """Official explorer page of a PUBLIC address; None if the network has none or the address is invalid."""
    return _explorer_url(chain_id, address, check_address, 1)
