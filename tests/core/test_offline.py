"""The app never opens a network connection: every flow runs end to end under an audit hook that fails on sockets."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent('''
    import sys
    def refuse_network(event, args):
        if event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")):
            raise RuntimeError("network use: " + event)
    sys.addaudithook(refuse_network)

    import io, tempfile
    from pathlib import Path
    from assistant.content import load_catalog
    from assistant.draft import build_draft
    from assistant.flows.engine import Session
    from assistant.flows.model import NodeKind
    from assistant.paths import content_dir
    from tests.property.test_engine_props import form_values

    catalog = load_catalog(content_dir())
    outcomes = 0
    for flow in catalog.flows.values():
        stack = [Session(flow)]
        while stack:
            s = stack.pop()
            if s.finished:
                outcomes += 1
                for locale in catalog.locales:
                    draft = build_draft(s, catalog, locale)
                    try:
                        from assistant import exports
                    except ImportError:
                        continue
                    out = Path(tempfile.mkdtemp())
                    for name in ("save_eml", "save_txt"):
                        fn = getattr(exports, name, None)
                        if fn:
                            try:
                                fn(draft, out / ("d." + name[-3:]))
                            except TypeError:
                                pass
                continue
            if s.current.kind is NodeKind.FORM:
                s.submit(form_values(s))
                stack.append(s)
                continue
            for c in s.visible_choices():
                b = Session.from_dict(flow, s.to_dict())
                b.choose(c.id)
                stack.append(b)
    print("outcomes", outcomes)
''')


@pytest.mark.slow
def test_every_flow_end_to_end_without_any_network_use():
    result = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.split()[-1]) > 0


def test_the_audit_hook_really_catches_a_socket():
    code = ("import sys\n"
            "sys.addaudithook(lambda e, a: (_ for _ in ()).throw(RuntimeError(e)) if e.startswith('socket.') else None)\n"
            "import socket\n"
            "try:\n    socket.socket()\nexcept RuntimeError as exc:\n    print('caught', exc)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("caught socket.")


def test_no_module_imports_qtnetwork_or_a_web_engine():
    offenders = []
    for path in (ROOT / "assistant").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for banned in ("QtNetwork", "QtWebEngine", "urllib.request", "http.client", "requests", "socket"):
            if f"import {banned}" in text or f"{banned} import" in text:
                offenders.append(f"{path.relative_to(ROOT)}: {banned}")
    assert offenders == []
