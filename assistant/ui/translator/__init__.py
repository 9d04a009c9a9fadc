"""Translator mode: jump to any text, compare with the source, preview the email, see `check` live."""
