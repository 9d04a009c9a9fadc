"""Mutated content files never crash loading: only ContentError escapes the reader, always with a location."""
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.content.catalog import load_catalog
from assistant.errors import ContentError
from assistant.flows.parse import graph_problems, parse_flow
from assistant.toml_positions import read_toml
from assistant.validation.fields import FIELD_KINDS
from tests.core.content_fixture import FLOW, TEXTS, write_content

mutation = st.tuples(st.integers(0, 10_000), st.integers(0, 8), st.text(max_size=8))


def mutate(text: str, edits) -> str:
    for position, delete, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + delete:]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_flow_file_raises_only_located_content_errors(tmp_path, edits):
    path = tmp_path / "flow.toml"
    path.write_text(mutate(FLOW, edits), encoding="utf-8", errors="surrogatepass")
    try:
        src = read_toml(path)
        flow = parse_flow(src, FIELD_KINDS)
        problems = graph_problems(flow, src)
    except ContentError as err:
        assert err.path == path and err.line >= 1 and err.col >= 1 and err.code.startswith("E")
        return
    for err in problems:
        assert err.line >= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flow_edits=st.lists(mutation, max_size=3), text_edits=st.lists(mutation, max_size=3),
       raw_bytes=st.binary(max_size=16))
def test_mutated_content_tree_always_loads_and_keeps_locations(tmp_path_factory, flow_edits, text_edits, raw_bytes):
    root = write_content(tmp_path_factory.mktemp("fuzz") / "content")
    (root / "flows" / "app_crash.toml").write_text(mutate(FLOW, flow_edits), encoding="utf-8", errors="surrogatepass")
    en = root / "locales" / "en" / "app_crash.toml"
    en.write_bytes(mutate(TEXTS["en"], text_edits).encode("utf-8", "surrogatepass") + raw_bytes)
    catalog = load_catalog(root)
    for problem in catalog.problems:
        assert problem.path.exists() and problem.line >= 1 and problem.col >= 1
    # whatever broke, the source-language text is still there to fall back on
    assert catalog.text("en", "app_crash.nodes.gate.title") != ""
    shutil.rmtree(root.parent, ignore_errors=True)
