"""An advisory lock file that says which running copy of the app owns a folder.

The operating system drops the lock when its process ends, even on `kill -9`, so a crash never leaves the folder
owned by nobody. Ownership is per process: every store of one process shares it.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

_HELD: dict[str, int] = {}  # lock path → open descriptor holding the lock (for the life of the process)
_GUARD = threading.Lock()


def _try_lock(fd: int) -> bool:
    try:
        if os.name == "nt":  # pragma: no cover - exercised on Windows only
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def claim(path: Path) -> bool:
    """True when this process owns `path` (taking the lock now if nobody holds it); never waits."""
    key = os.path.abspath(path)
    with _GUARD:
        if key in _HELD:
            return True
        Path(key).parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(key, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return False
        _HELD[key] = fd
        return True


def release(path: Path) -> None:
    """Give the folder up (tests; the operating system also does this when the process ends)."""
    key = os.path.abspath(path)
    with _GUARD:
        fd = _HELD.pop(key, None)
    if fd is not None:
        os.close(fd)  # closing the descriptor drops the lock
