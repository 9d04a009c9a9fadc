"""Wallet Support Assistant: its identity (id, version) for the window, the desktop entry and --version."""
from __future__ import annotations

# Reverse-DNS id: the desktop entry's and the AppStream file's name, the icon name, Wayland's app id.
APP_ID = "org.walletsupport.WalletSupportAssistant"
DISTRIBUTION = "wallet-support-assistant"


def app_version() -> str:
    """The installed package's version (from its metadata), "dev" when running from an uninstalled tree."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return "dev"
