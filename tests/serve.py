"""Start a real `streamlit run streamlit_app.py` server: for the browser tests and the load benchmark.

No pytest here, so `bench/` can use it too.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

ROOT = Path(__file__).resolve().parents[1]


class ServerDidNotStart(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(
    database_url: str, log: IO[str] | int = subprocess.DEVNULL, script: Path | None = None, port: int | None = None
) -> Iterator[tuple[str, int]]:
    """Yield the server's address and process id; stop it afterwards, whatever happened.

    ``script`` serves another page the same way (a benchmark's bare baseline page); ``port``
    brings a server back where a crashed one was, so open browsers reconnect to it.
    """
    port = port or free_port()
    env = {**os.environ, "READINESS_DATABASE_URL": database_url}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "streamlit_app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise ServerDidNotStart(f"streamlit did not start (exit code {process.poll()})")
            time.sleep(0.3)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
