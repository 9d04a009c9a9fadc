"""The app as a desktop program: identity, desktop entry, the platform check and a real window under Xvfb."""
