"""The Qt layer: app.py composes it; pages/ and widgets/ render the core's state and emit typed signals."""
