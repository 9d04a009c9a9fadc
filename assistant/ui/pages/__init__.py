"""Pages shown in the main window's stack: home, flow (one node at a time), draft fallback."""
