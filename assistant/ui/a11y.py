"""Roles Qt cannot give a widget by itself: page titles are headings, urgent banners and refusals are alerts.

A widget asks for a role with the `a11y_role` property ("heading" or "alert"); the factory installed once per
process answers assistive technology with that role (the name is the widget's accessible name).
"""
from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAccessibleWidget, QWidget

ROLES = {"heading": QAccessible.Role.Heading, "alert": QAccessible.Role.AlertMessage}
_installed = False


def _factory(_key: str, obj: object):
    role = obj.property("a11y_role") if isinstance(obj, QWidget) else None
    return QAccessibleWidget(obj, ROLES[role]) if role in ROLES else None


def install_roles() -> None:
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def set_role(widget: QWidget, role: str) -> None:
    widget.setProperty("a11y_role", role)
