"""Guard against a Qt binding that loses references to None (PySide6 6.12.0 does, and the app then aborts)."""
import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_drop_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("提现没到账")
        label.setVisible(False)
    assert sys.getrefcount(None) - before > -50
