"""The Qt layer: app.py composes it; pages/ and widgets/ render the core's state and emit typed signals."""
from assistant.ui import pyside_import_scan  # noqa: F401 - first, before any module below is imported
