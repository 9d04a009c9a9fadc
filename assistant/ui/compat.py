"""Work-arounds for known problems in the Qt binding, applied once when assistant.ui is imported.

PySide6 6.12.0 on CPython 3.11 returns None from void methods (setText, setVisible, …) without taking a
new reference, so every such call drops None's reference count by one; None starts near 4,500 and the
process aborts with "none_dealloc" once it reaches zero — after a few hundred page changes, or at exit.
From CPython 3.12 on, None, True and False are immortal (PEP 683) and the bug is harmless. On older
versions we give these singletons the same effective immortality: a huge reference count.
"""
from __future__ import annotations

import sys

IMMORTAL_REFS = 1 << 40


def guard_singleton_refcounts() -> bool:
    """True when the guard was applied (CPython < 3.12); a no-op elsewhere."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    import ctypes

    applied = False
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field of PyObject
        # Only touch what is surely the reference count (a debug build lays PyObject out differently).
        if abs(refcount.value - (sys.getrefcount(singleton) - 1)) > 16 or refcount.value >= IMMORTAL_REFS:
            continue
        refcount.value += IMMORTAL_REFS
        applied = True
    return applied
