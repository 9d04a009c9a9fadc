"""Ships content/ inside the package as assistant/_content.

content/ stays at the top of the repository, where translators find it; setuptools maps it into the package
at build time, so a wheel (or a bundle) carries it and `assistant.paths.content_dir()` finds it with
importlib.resources. Everything else about the build is declared in pyproject.toml.
"""
from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["assistant", "assistant.*"]), "assistant._content"],
    package_dir={"assistant._content": "content"},
)
