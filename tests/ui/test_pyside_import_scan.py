"""PySide6 scans each module imported after it for the word "PySide6"; the app's replacement gives the same answers
without keeping every module's source lines in memory (linecache)."""
import subprocess
import sys

CHILD = r"""
import linecache, sys
import assistant.ui.app  # installs the replacement before anything else of the app is imported
import assistant.ui.pages.home, assistant.content.catalog, json
hook = sys.modules["shibokensupport.feature"]
scan = hook._mod_uses_pyside
assert getattr(scan, "reads_bytes", False), "the replacement is not installed"
answers = {name: scan(sys.modules[name]) for name in ("assistant.ui.pages.home", "assistant.content.catalog", "json")}
print(answers["assistant.ui.pages.home"], answers["assistant.content.catalog"], answers["json"])
print(sorted(name for name in linecache.cache if "assistant" in name or "json" in name))
"""


def test_the_scan_answers_like_pysides_and_keeps_no_source_lines():
    out = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    answers, cached_lines = out.stdout.split("\n")[:2]
    assert answers == "True False False"  # a Qt module uses PySide6; the core and the standard library do not
    assert cached_lines == "[]"  # PySide6's own scan kept the source of every one of these modules
