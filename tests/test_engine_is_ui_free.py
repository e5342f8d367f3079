"""The engine is a library: importing it must not drag in Streamlit (or any UI)."""

import subprocess
import sys


def test_import_readiness_does_not_import_streamlit() -> None:
    code = (
        "import sys, readiness, readiness.cli, readiness.scoring, readiness.loader, readiness.summary;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'streamlit', 'altair', 'pandas'});"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"engine imported UI modules: {out.stdout}"
