"""Keccak-256 for address checksums; the implementation lives in `assistant.secrets.keccak` (the firewall needs it
too, and it may import nothing above itself)."""
from assistant.secrets.keccak import keccak256

__all__ = ["keccak256"]
