"""The loader and `check` name the file and line of each planted problem, and keep the rest usable."""
import pytest

from assistant.checks.catalog import run_checks
from assistant.content.catalog import load_catalog
from assistant.problems import Severity
from tests.core.content_fixture import line_of, write_content


@pytest.fixture
def content(tmp_path):
    return write_content(tmp_path / "content")


def codes(problems):
    return [(p.code, p.path.name, p.line) for p in problems]


def test_fixture_content_is_clean(content):
    assert run_checks(content) == []


def test_toml_syntax_error_names_file_line_and_column_and_disables_only_that_flow(content):
    flow = content / "flows" / "app_crash.toml"
    text = flow.read_text(encoding="utf-8").replace('kind = "step"', 'kind = "step', 1)
    flow.write_text(text, encoding="utf-8")
    (content / "flows" / "second.toml").write_text((content / "flows" / "app_crash.toml").read_text().replace('kind = "step', 'kind = "step"'), encoding="utf-8")
    problems = run_checks(content)
    syntax = [p for p in problems if p.code == "E001"]
    assert len(syntax) == 1
    assert syntax[0].path == flow and syntax[0].line == line_of(flow, 'kind = "step') and syntax[0].col > 1
    catalog = load_catalog(content)
    assert "app_crash" in catalog.disabled_flows and "second" in catalog.flows


def test_dangling_next_is_reported_at_its_node(content):
    flow = content / "flows" / "app_crash.toml"
    flow.write_text(flow.read_text(encoding="utf-8").replace('unsolved = "escalate"', 'unsolved = "escalation"'), encoding="utf-8")
    problems = [p for p in run_checks(content) if p.code == "E012"]
    assert [(p.path, p.line) for p in problems] == [(flow, line_of(flow, 'unsolved = "escalation"'))]
    assert "escalation" in problems[0].message


def test_unreachable_node_is_reported(content):
    flow = content / "flows" / "app_crash.toml"
    flow.write_text(flow.read_text(encoding="utf-8") + '\n[nodes.orphan]\nkind = "outcome"\noutcome = "resolved"\n', encoding="utf-8")
    problems = [p for p in run_checks(content) if p.code == "E013"]
    assert [(p.path, p.line) for p in problems] == [(flow, line_of(flow, "[nodes.orphan]"))]


def test_missing_translation_is_a_warning_in_a_translation_and_names_its_file(content):
    en = content / "locales" / "en" / "app_crash.toml"
    en.write_text(en.read_text(encoding="utf-8").replace('body = "Turn it off and on, then open the app again."\n', ""), encoding="utf-8")
    problems = [p for p in run_checks(content) if p.code == "W020"]
    assert len(problems) == 1
    assert problems[0].path == en and problems[0].severity is Severity.WARNING
    assert problems[0].line == line_of(en, "[nodes.restart_app]")
    assert "nodes.restart_app.body" in problems[0].message


def test_missing_source_text_is_an_error(content):
    zh = content / "locales" / "zh-CN" / "app_crash.toml"
    zh.write_text(zh.read_text(encoding="utf-8").replace('choices.no = "没有"\n', ""), encoding="utf-8")
    problems = [p for p in run_checks(content) if p.code == "E020"]
    assert [(p.path, p.severity) for p in problems] == [(zh, Severity.ERROR)]


def test_unknown_template_variable_is_reported_at_its_line(content):
    email = content / "locales" / "en" / "email.toml"
    email.write_text(email.read_text(encoding="utf-8").replace("{{ case }}\n", "{{ case }}\n{{ seed_phrase }}\n"), encoding="utf-8")
    problems = [p for p in run_checks(content) if p.code == "E031"]
    assert [(p.path, p.line) for p in problems] == [(email, line_of(email, "seed_phrase"))]


def test_broken_translation_file_falls_back_to_the_source_text(content):
    en = content / "locales" / "en" / "app_crash.toml"
    en.write_text("[flow\ntitle = ", encoding="utf-8")
    catalog = load_catalog(content)
    assert catalog.text("en", "app_crash.flow.title") == "应用打不开"
    assert any(p.code == "E001" and p.path == en for p in catalog.problems)


def test_byte_order_mark_is_a_warning_and_the_file_is_still_used(content):
    en = content / "locales" / "en" / "ui.toml"
    en.write_bytes(b"\xef\xbb\xbf" + en.read_bytes())
    problems = [p for p in run_checks(content) if p.code in ("E002", "W002")]
    assert [(p.path, p.line, p.code) for p in problems] == [(en, 1, "W002")]
    assert load_catalog(content).text("en", "ui.step.solved") == "ok"  # not dropped: the UI stays in English


def test_loop_without_exit_is_reported(content):
    flow = content / "flows" / "app_crash.toml"
    flow.write_text(flow.read_text(encoding="utf-8").replace('unsolved = "escalate"', 'unsolved = "gate"'), encoding="utf-8")
    assert "E015" in [p.code for p in run_checks(content)]


def test_shipped_content_has_no_errors(catalog):
    from assistant.paths import content_dir

    errors = [p.render() for p in run_checks(content_dir()) if p.severity is Severity.ERROR]
    assert errors == []
    assert len(catalog.flows) >= 1
