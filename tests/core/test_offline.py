"""The app never opens a network connection: every flow runs end to end under an audit hook that fails on sockets."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.offline_hook import REFUSE_NETWORK

ROOT = Path(__file__).resolve().parents[2]

CHILD = REFUSE_NETWORK + textwrap.dedent('''

    import tempfile
    from pathlib import Path
    from assistant.email import exports
    from assistant.content.catalog import load_catalog
    from assistant.email.draft import build_draft
    from assistant.paths import content_dir
    from tests.property.test_engine_props import form_values
    from tests.walking import finished_sessions

    catalog = load_catalog(content_dir())
    out = Path(tempfile.mkdtemp())
    paths = exported = 0
    for flow in catalog.flows.values():
        seen = set()
        for session in finished_sessions(flow, form_values):
            paths += 1
            if session.current.id in seen:  # one export per outcome keeps the run short; every path is walked
                continue
            seen.add(session.current.id)
            for locale in catalog.locales:
                draft = build_draft(session, catalog, locale, bilingual=locale != "en")
                exports.save_eml(draft, out / "d.eml")
                exports.save_txt(draft, out / "d.txt")
                exports.mailto(exports.as_message(draft))
                exported += 1
    print("paths", paths, "exported", exported)
''')


@pytest.mark.slow
def test_every_flow_end_to_end_without_any_network_use():
    result = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    words = result.stdout.split()
    assert int(words[1]) > 100 and int(words[3]) > 10


def test_the_audit_hook_really_catches_a_socket():
    code = ("import sys\n"
            "sys.addaudithook(lambda e, a: (_ for _ in ()).throw(RuntimeError(e)) if e.startswith('socket.') else None)\n"
            "import socket\n"
            "try:\n    socket.socket()\nexcept RuntimeError as exc:\n    print('caught', exc)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.startswith("caught socket.")
