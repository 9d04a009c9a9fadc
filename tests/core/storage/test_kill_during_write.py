"""A process killed in the middle of writing its autosave keeps the previous save intact and loadable."""
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.flows.engine import Session
from assistant.storage.autosave import AutosaveStore, LoadStatus
from tests.core.flow_fixtures import make_flow

ROOT = Path(__file__).resolve().parents[3]
ANSWERS = ["no", "tron", "completed", "unsolved"]

# The child answers one step per save; on save number `kill_at` the write itself is cut: half of the bytes
# reach the temporary file, then the process is killed with SIGKILL before the rename.
CHILD = textwrap.dedent('''
    import os, signal, sys
    from pathlib import Path
    sys.path.insert(0, sys.argv[1])
    from tests.core.flow_fixtures import make_flow
    from assistant.storage import atomic
    from assistant.storage.autosave import AutosaveStore
    from assistant.flows.engine import Session

    work, kill_at = Path(sys.argv[2]), int(sys.argv[3])
    writes = 0
    real_fdopen = os.fdopen

    class CutShort:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
        def __getattr__(self, name):
            return getattr(self.handle, name)

    def fdopen(fd, *args, **kwargs):
        global writes
        writes += 1
        handle = real_fdopen(fd, *args, **kwargs)
        return CutShort(handle) if writes == kill_at else handle

    atomic.os.fdopen = fdopen
    flow = make_flow(work)
    store = AutosaveStore(work / "data")
    session = Session(flow)
    for answer in {answers!r}:
        session.choose(answer)
        store.save(session.to_dict(), "zh-CN")
''').format(answers=ANSWERS)


@pytest.mark.slow
@pytest.mark.parametrize("kill_at", [2, 3, 4])
def test_a_write_cut_by_sigkill_leaves_the_previous_save(tmp_path, kill_at):
    child = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(tmp_path), str(kill_at)],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr
    leftovers = [p.name for p in (tmp_path / "data").iterdir() if p.name != "session.json"]
    assert leftovers and all(name.endswith(".tmp") for name in leftovers)  # the cut write really happened
    loaded = AutosaveStore(tmp_path / "data").load()
    assert loaded.status is LoadStatus.OK
    resumed = Session.from_dict(make_flow(tmp_path), loaded.state)
    assert [e.answer for e in resumed.path] == ANSWERS[: kill_at - 1]  # every save before the cut one
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == ["session.json"]  # the load cleared the rest
