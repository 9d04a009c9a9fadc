"""Keep PySide6's per-import source scan from holding every module's source in memory.

After PySide6 is imported, each later import is checked for the word "PySide6" in its source (to decide the
module's default for PySide's optional "features") with `inspect.getsource`, which reads and keeps every
line of every module in `linecache`: about 3 MB and 10 ms of start-up for this app. Reading the file's
bytes answers the same question without keeping them. Anything that is not a plain .py file, or a PySide6
without that internal function, keeps PySide6's own behaviour.
"""
from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401 - installs the import hook whose scan is replaced below

_HOOK_MODULE = "shibokensupport.feature"
_HOOK_NAME = "_mod_uses_pyside"


def install() -> bool:
    """Replace the scan; True when it was replaced (or already was)."""
    hook = sys.modules.get(_HOOK_MODULE)
    original = getattr(hook, _HOOK_NAME, None)
    if hook is None or not callable(original):
        return False
    if getattr(original, "reads_bytes", False):
        return True

    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as handle:
                    return b"PySide6" in handle.read()
            except OSError:
                pass
        return bool(original(module))

    mod_uses_pyside.reads_bytes = True  # type: ignore[attr-defined]
    setattr(hook, _HOOK_NAME, mod_uses_pyside)
    return True


install()
