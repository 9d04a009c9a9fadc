"""The in-tree Keccak-256 behind EIP-55 checksums: published digests, and the same permutation as hashlib's SHA3."""
from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.validation.chains import to_checksum_address
from assistant.validation.keccak import keccak256

# Well-known Keccak-256 digests (the empty string, "abc", 200 bytes of 0xa3), also what pycryptodome gave before it left.
KNOWN = [
    (b"", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
    (b"abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
    (b"\xa3" * 200, "3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a"),
]


@pytest.mark.parametrize(("data", "digest"), KNOWN)
def test_published_keccak256_digests(data, digest):
    assert keccak256(data).hex() == digest


@given(st.binary(max_size=600))
def test_with_sha3_padding_it_is_hashlib_sha3_256(data):
    # SHA3-256 is Keccak-f[1600] at the same rate with padding 0x06 instead of 0x01: one permutation, two checks.
    assert keccak256(data, pad=0x06) == hashlib.sha3_256(data).digest()


@pytest.mark.parametrize("length", [134, 135, 136, 137, 271, 272])
def test_padding_at_the_block_edges(length):
    data = bytes(range(256))[:length] if length <= 256 else bytes(length)
    assert keccak256(data, pad=0x06) == hashlib.sha3_256(data).digest()


# The test vectors of EIP-55 itself.
EIP55 = [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
]


@pytest.mark.parametrize("address", EIP55)
def test_eip55_vectors(address):
    assert to_checksum_address(address.lower()) == address
