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
from collections.abc import Iterator, Mapping
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


def start_streamlit(
    database_url: str,
    port: int,
    log: IO[str] | int = subprocess.DEVNULL,
    env: Mapping[str, str] | None = None,
    script: Path | None = None,
) -> subprocess.Popen[bytes]:
    """A server process on ``port``, not yet ready: :func:`wait_until_healthy` waits for it."""
    environment = {**os.environ, **(env or {}), "READINESS_DATABASE_URL": database_url}
    return subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "streamlit_app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip


def wait_until_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            raise ServerDidNotStart(f"streamlit did not start (exit code {process.poll()})")
        time.sleep(0.3)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def streamlit_server(
    database_url: str,
    log: IO[str] | int = subprocess.DEVNULL,
    script: Path | None = None,
    *,
    port: int | None = None,
    env: Mapping[str, str] | None = None,
) -> Iterator[tuple[str, int]]:
    """Yield the server's address and process id; stop it afterwards, whatever happened.

    ``script`` serves another page the same way (a benchmark's bare baseline page); ``port``
    brings a server back where a crashed one was, so open browsers reconnect to it.
    """
    port = port or free_port()
    process = start_streamlit(database_url, port, log, env, script)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url, process.pid
    finally:
        stop(process)
