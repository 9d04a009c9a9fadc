"""kill -9 at any moment loses at most the step in progress."""
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from assistant.flows.engine import Session
from assistant.storage.autosave import AutosaveStore, LoadStatus
from tests.core.flow_fixtures import make_flow

ROOT = Path(__file__).resolve().parents[3]
ANSWERS = ["no", "tron", "completed", "unsolved"]

CHILD = textwrap.dedent('''
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from tests.core.flow_fixtures import make_flow
    from assistant.storage.autosave import AutosaveStore
    from assistant.flows.engine import Session
    work = Path(sys.argv[2])
    flow = make_flow(work)
    store = AutosaveStore(work / "data")
    session = Session(flow)
    for step, answer in enumerate({answers!r}, start=1):
        session.choose(answer)
        store.save(session.to_dict(), "zh-CN")
        print(step, flush=True)
        time.sleep(0.05)
    time.sleep(60)
''').format(answers=ANSWERS)


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 2, 3, 4])
def test_sigkill_mid_flow_resumes_with_every_completed_step(tmp_path, kill_after):
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        done = 0
        deadline = time.monotonic() + 60
        while done < kill_after and time.monotonic() < deadline:
            line = child.stdout.readline()
            if line:
                done = int(line)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    loaded = AutosaveStore(tmp_path / "data").load()
    assert loaded.status is LoadStatus.OK
    resumed = Session.from_dict(make_flow(tmp_path), loaded.state)
    answered = [e.answer for e in resumed.path]
    # Every step reported done is there; at most the one in progress after it may be too.
    assert answered[:kill_after] == ANSWERS[:kill_after]
    assert len(answered) <= kill_after + 1
    # A write cut short leaves at most a temporary file, which the next load clears away.
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["session.json"]
