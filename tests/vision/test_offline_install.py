"""The OCR path stays offline and brings no second Qt: a picture is read under an audit hook that fails on any
network use, and the installed packages hold the headless OpenCV only."""
import subprocess
import sys
import textwrap
from importlib import metadata
from pathlib import Path

from tests.offline_hook import REFUSE_NETWORK
from tests.vision.conftest import require_engine

ROOT = Path(__file__).resolve().parents[2]

CHILD = REFUSE_NETWORK + textwrap.dedent('''

    from assistant.vision.check import check_picture
    from assistant.vision.fields import extract
    from tests.vision import screens as s

    phrase = check_picture(s.png(s.phrase_page(s.phrase_words("english", 12, 51))))
    tx = check_picture(s.png(s.tx_details(s.transfer(52))))
    print(phrase.state, tx.state, len(extract(tx.reading.lines)), "qt" if "PySide6" in sys.modules else "no-qt")
''')


def test_reading_pictures_uses_no_network_and_loads_no_qt():
    require_engine()
    result = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["refused", "clear", "6", "no-qt"]


def test_only_the_headless_opencv_is_installed_so_no_second_qt_enters_the_process():
    require_engine()
    installed = {(d.metadata["Name"] or "").lower() for d in metadata.distributions()}
    assert "opencv-python-headless" in installed
    assert not installed & {"opencv-python", "opencv-contrib-python", "rapidocr"}
    import cv2

    package = Path(cv2.__file__).parent
    assert not (package / "qt").exists()  # the GUI build ships its Qt plugins and fonts in cv2/qt
    assert not list(package.rglob("libQt*"))
