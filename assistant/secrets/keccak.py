"""Keccak-256 (the original Keccak padding Ethereum uses, not NIST SHA3-256), in pure Python.

The app hashes public data with it: a 40-character address for the EIP-55 checksum, and the public key derived
when the firewall tries a 64-hex value as the private key of the user's own address. Speed hardly matters
(≈ 0.4 ms per hash), so a 16 MB crypto library is not worth carrying for it, and the stdlib's
`hashlib.sha3_256` pads differently. The permutation is Keccak-f[1600] as specified by its authors; the tests
check it against published Keccak-256 digests and, with SHA3's padding, against hashlib. It lives beside the
firewall, the lowest layer that needs it; `assistant.validation.keccak` re-exports it.
"""
from __future__ import annotations

_MASK = (1 << 64) - 1
_RATE = 136  # bytes absorbed per permutation for a 256-bit digest: (1600 - 2 * 256) / 8

# Rotation offsets r[x][y] of the rho step.
_ROT = ((0, 36, 3, 41, 18), (1, 44, 10, 45, 2), (62, 6, 43, 15, 61), (28, 55, 25, 21, 56), (27, 20, 39, 8, 14))


def _round_constants() -> tuple[int, ...]:
    """The 24 iota constants, from the specification's LFSR rather than a table of hex to mistype."""
    state, constants = 1, []
    for _ in range(24):
        value = 0
        for j in range(7):
            if state & 1:
                value |= 1 << ((1 << j) - 1)
            state = ((state << 1) ^ 0x71) & 0xFF if state & 0x80 else state << 1
        constants.append(value)
    return tuple(constants)


_RC = _round_constants()


def _rol(value: int, shift: int) -> int:
    return ((value << shift) | (value >> (64 - shift))) & _MASK if shift else value


def _permute(a: list[int]) -> list[int]:
    """Keccak-f[1600] on 25 lanes, lane (x, y) at index x + 5 * y."""
    for rc in _RC:
        c = [a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20] for x in range(5)]
        d = [c[(x - 1) % 5] ^ _rol(c[(x + 1) % 5], 1) for x in range(5)]
        b = [0] * 25
        for x in range(5):
            for y in range(5):
                b[y + 5 * ((2 * x + 3 * y) % 5)] = _rol(a[x + 5 * y] ^ d[x], _ROT[x][y])
        a = [b[i] ^ (~b[(i + 1) % 5 + i // 5 * 5] & b[(i + 2) % 5 + i // 5 * 5]) for i in range(25)]
        a[0] ^= rc
    return a


def keccak256(data: bytes, *, pad: int = 0x01) -> bytes:
    """The 32-byte Keccak-256 digest of `data`. `pad=0x06` gives NIST SHA3-256 (used only to test the permutation)."""
    padded = bytearray(data) + bytes([pad]) + bytes(-(len(data) + 1) % _RATE)
    padded[-1] |= 0x80
    state = [0] * 25
    for start in range(0, len(padded), _RATE):
        block = padded[start : start + _RATE]
        for i in range(_RATE // 8):
            state[i] ^= int.from_bytes(block[8 * i : 8 * i + 8], "little")
        state = _permute(state)
    return b"".join(lane.to_bytes(8, "little") for lane in state[:4])
