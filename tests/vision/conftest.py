"""The OCR engine for the picture tests: loaded once per test run (about a second), each picture read once."""
import functools
import os

import pytest

from assistant.vision import engine


def require_engine() -> None:
    """`make test` installs the ocr extra and sets WSA_REQUIRE_OCR: there a missing engine fails the run."""
    if engine.available():
        return
    if os.environ.get("WSA_REQUIRE_OCR"):
        pytest.fail("the ocr extra is not installed (make test installs it)")
    pytest.skip("the ocr extra is not installed")


@functools.cache
def read(png: bytes) -> engine.Reading:
    return engine.recognise(png)


@pytest.fixture(scope="session")
def ocr():
    require_engine()
    return read
