"""Before the QApplication exists: can Qt's platform plugin load? No Qt is imported here.

When a system library of the plugin is missing, Qt prints "could not load the Qt platform plugin" and
aborts the process — the most common first-run failure on a stock Linux desktop (Qt ≥ 6.5's xcb plugin
needs libxcb-cursor0 and friends). This module loads the plugin the way Qt will (dlopen), and if that
fails it lists every missing library (ldd) and tells the person, in their language, the exact command
that installs them. Anything it cannot determine is left to Qt: the check never blocks a start it is
not sure about.
"""
from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

EXIT_CODE = 3  # distinct from argparse's 2 and from Qt's abort (134)

# Debian/Ubuntu packages whose name does not follow from the library's soname (see debian_package()).
_PACKAGES = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgcc_s.so.1": "libgcc-s1",
    "libstdc++.so.6": "libstdc++6",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
}
_KNOWN_PLATFORMS = ("xcb", "wayland", "offscreen", "minimal", "eglfs", "linuxfb", "vnc")
_LDD_MISSING = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_DLOPEN_MISSING = re.compile(r"^(\S+?\.so[.\d]*): cannot open shared object file")


class Problem(NamedTuple):
    kind: str  # "missing_libraries" or "no_display"
    platform: str
    libraries: tuple[str, ...] = ()

    @property
    def packages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(debian_package(lib) for lib in self.libraries))

    def command(self) -> str:
        return "sudo apt-get install " + " ".join(self.packages)


def debian_package(soname: str) -> str:
    """The Debian package shipping a library, by Debian's naming policy: libfoo.so.1 → libfoo1,
    libfoo-x11.so.0 → libfoo-x11-0 (a hyphen when the name ends in a digit), lower case."""
    if soname in _PACKAGES:
        return _PACKAGES[soname]
    match = re.fullmatch(r"(.+?)\.so\.(\d+)(?:\.[\d.]+)?", soname)
    if match is None:
        return soname.lower()
    name, major = match.group(1).lower(), match.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def candidate_platforms(environ: Mapping[str, str]) -> tuple[str, ...]:
    """The platforms Qt will try, in order: QT_QPA_PLATFORM (a ';' list, options after ':' dropped), else
    wayland then xcb in a Wayland session, else xcb (Qt's default on Linux)."""
    names = [part.split(":")[0].strip() for part in environ.get("QT_QPA_PLATFORM", "").split(";")]
    if any(names):
        return tuple(name for name in names if name)
    if environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY"):
        return ("wayland", "xcb")
    return ("xcb",)


def plugin_file(platform: str, environ: Mapping[str, str]) -> Path | None:
    """Where Qt will look for the platform plugin, without importing Qt."""
    folders = [Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders += [Path(p) / "platforms" for p in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "Qt" / "plugins" / "platforms")
    for folder in folders:
        candidate = folder / f"libq{platform}.so"
        if candidate.is_file():
            return candidate
    return None


def missing_libraries(plugin: Path) -> tuple[str, ...]:
    """Sonames the plugin cannot load, all of them (ldd) when it is there, else the first (dlopen)."""
    try:
        _dlopen(str(plugin))
        return ()
    except OSError as error:
        first = _DLOPEN_MISSING.match(str(error))
        reason = (first.group(1),) if first else ()
    import shutil
    import subprocess

    ldd = shutil.which("ldd")
    if ldd:
        try:
            out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        found = tuple(dict.fromkeys(_LDD_MISSING.findall(out)))
        if found:
            return found
    return reason


def _dlopen(path: str) -> None:
    """Load a shared library as Qt will, or raise OSError saying which library is missing.

    `_ctypes.dlopen` is what `ctypes.CDLL` calls; going to it directly spares start-up the import of ctypes and
    its many types. A Python without it falls back to ctypes.
    """
    try:
        from _ctypes import dlopen
    except ImportError:
        import ctypes

        ctypes.CDLL(path)
        return
    dlopen(path, os.RTLD_NOW | os.RTLD_LOCAL)


def find_problem(environ: Mapping[str, str] | None = None) -> Problem | None:
    """What would make Qt abort on this machine, or None when the start can go ahead."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    candidates = candidate_platforms(env)
    missing: list[str] = []
    for platform in candidates:  # Qt takes the first that loads
        if platform not in _KNOWN_PLATFORMS:
            return None
        plugin = plugin_file(platform, env)
        if plugin is None:
            return None  # a layout we do not know (a bundle, a distribution's Qt): Qt knows best
        libraries = missing_libraries(plugin)
        if not libraries:
            if platform == "xcb" and not env.get("DISPLAY"):
                return Problem("no_display", platform)
            return None
        missing.extend(libraries)
    return Problem("missing_libraries", candidates[0], tuple(dict.fromkeys(missing)))


def explain(problem: Problem, ui_text) -> str:
    """The message for the person; `ui_text(key, **params)` gives a UI string in their language."""
    import shutil

    libraries = ", ".join(problem.libraries)
    if problem.kind == "no_display":
        return ui_text("platform.no_display")
    if shutil.which("apt-get") or shutil.which("dpkg"):
        return ui_text("platform.missing_libraries", libraries=libraries) + "\n\n    " + problem.command() + "\n"
    return ui_text("platform.missing_libraries_other", libraries=libraries)


def check_or_explain(locale: str | None = None, environ: Mapping[str, str] | None = None) -> int:
    """0 when Qt can start; else print the reason and the fix in the person's language and return EXIT_CODE."""
    problem = find_problem(environ)
    if problem is None:
        return 0
    print(explain(problem, _texts_for(locale, environ)), file=sys.stderr)
    return EXIT_CODE


def _texts_for(locale: str | None, environ: Mapping[str, str] | None):
    """UI strings in the person's language: --locale, the saved choice, the system language."""
    from assistant.i18n.choice import environment_locale, pick_locale
    from assistant.i18n.loading import load_catalog
    from assistant.i18n.texts import Texts
    from assistant.paths import content_dir, user_data_dir

    catalog = load_catalog(content_dir(), use_cache=True)
    code = pick_locale(catalog, locale, _saved_language(user_data_dir() / "ui.ini"), environment_locale(environ))
    return Texts(catalog, code).ui


def _saved_language(path: Path) -> str | None:
    """The language saved by the window (UiSettings' INI file), read without Qt."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    return parser.get("ui", "language", fallback=None)
