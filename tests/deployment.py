"""The deployment of docs/deploy.md, made real for tests and benchmarks: servers behind nginx.

No pytest here, so `bench/` can use it too. nginx runs in the foreground from a
temporary folder, as the user running the tests (as root, its workers drop to
`nobody`), with ``deploy/nginx-readiness.conf`` included as it ships: only the
listening address and the servers' ports are changed to free ones.
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.serve import ROOT, ServerDidNotStart, free_port, start_streamlit, stop, wait_until_healthy

SITE = ROOT / "deploy" / "nginx-readiness.conf"
#: The ports the shipped configuration names, in order: server a, server b.
SHIPPED_PORTS = (8501, 8502)
#: Streamlit signs its cookies with this; every server behind one proxy needs the same (docs/deploy.md).
COOKIE_SECRET = "test-cookie-secret-shared-by-every-server"


class ProxyDidNotStart(RuntimeError):
    pass


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def site_config(ports: list[int], listen: int) -> str:
    """The shipped site configuration, pointed at ``ports`` (one or two servers) and ``listen``."""
    text = SITE.read_text()
    targets = [*ports, ports[-1]][: len(SHIPPED_PORTS)]  # one server: both pins lead to it
    for shipped, port in zip(SHIPPED_PORTS, targets, strict=True):
        text = text.replace(f"127.0.0.1:{shipped}", f"127.0.0.1:{port}")
        text = text.replace(f"127\\.0\\.0\\.1:{shipped}$", f"127\\.0\\.0\\.1:{port}$")
    text, listens = re.subn(r"listen 80;\n\s*listen \[::\]:80;", f"listen 127.0.0.1:{listen};", text)
    if listens != 1 or any(f":{p}" in text for p in SHIPPED_PORTS if p not in ports):
        raise ProxyDidNotStart("deploy/nginx-readiness.conf no longer has the shape the tests rewrite")
    return text


def _main_config(folder: Path) -> str:
    user = ""
    if os.geteuid() == 0:  # workers drop to nobody, as a packaged nginx's drop to www-data
        nobody = pwd.getpwnam("nobody")
        user = f"user nobody {grp.getgrgid(nobody.pw_gid).gr_name};"
    return f"""
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/readiness.conf;
}}
"""


def _wait_for_port(port: int, process: subprocess.Popen[bytes], folder: Path) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    log = (folder / "error.log").read_text() if (folder / "error.log").exists() else ""
    raise ProxyDidNotStart(f"nginx did not start (exit code {process.poll()}): {log[-2000:]}")


def check_config(ports: list[int]) -> tuple[bool, str]:
    """``nginx -t`` on the shipped configuration: (valid, what nginx said)."""
    binary = nginx_binary()
    if binary is None:
        raise ProxyDidNotStart("nginx is not installed (Debian/Ubuntu: apt-get install nginx)")
    folder = Path(tempfile.mkdtemp(prefix="readiness-nginx-"))
    folder.chmod(0o755)
    try:
        (folder / "readiness.conf").write_text(site_config(ports, free_port()))
        (folder / "nginx.conf").write_text(_main_config(folder))
        command = [binary, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")]
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return done.returncode == 0, done.stderr + done.stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def nginx_proxy(ports: list[int]) -> Iterator[str]:
    """nginx in front of the servers on ``ports``; yields its address, stops it afterwards."""
    binary = nginx_binary()
    if binary is None:
        raise ProxyDidNotStart("nginx is not installed (Debian/Ubuntu: apt-get install nginx)")
    folder = Path(tempfile.mkdtemp(prefix="readiness-nginx-"))
    folder.chmod(0o755)  # the workers (nobody, when started as root) read nothing, but create temp files here
    listen = free_port()
    (folder / "readiness.conf").write_text(site_config(ports, listen))
    (folder / "nginx.conf").write_text(_main_config(folder))
    process = subprocess.Popen(
        [binary, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-e", str(folder / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_port(listen, process, folder)
        yield f"http://127.0.0.1:{listen}"
    finally:
        process.terminate()  # a fast shutdown of master and workers
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Cluster:
    """Servers on one database behind nginx; a server can be stopped and started again (an upgrade)."""

    database_url: str
    proxy: str = ""
    servers: list[str] = field(default_factory=list)
    processes: list[subprocess.Popen[bytes] | None] = field(default_factory=list)
    log: Path | None = None
    env: dict[str, str] = field(default_factory=dict)

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.processes if p is not None]

    def _start(self, index: int) -> subprocess.Popen[bytes]:
        port = int(self.servers[index].rsplit(":", 1)[1])
        out = self.log.open("a") if self.log else subprocess.DEVNULL
        return start_streamlit(
            self.database_url, port, out, {"STREAMLIT_SERVER_COOKIE_SECRET": COOKIE_SECRET, **self.env}
        )

    def stop(self, index: int) -> None:
        process = self.processes[index]
        if process is not None:
            stop(process)
            self.processes[index] = None

    def start(self, index: int) -> None:
        process = self._start(index)
        self.processes[index] = process
        wait_until_healthy(self.servers[index], process)


@contextmanager
def cluster(
    database_url: str, servers: int = 2, log: Path | None = None, env: Mapping[str, str] | None = None
) -> Iterator[Cluster]:
    """``servers`` `streamlit run` servers on ``database_url`` behind nginx, all stopped afterwards.

    ``env``: settings every server gets, as from the env file of docs/deploy.md.
    """
    group = Cluster(database_url, log=log, env=dict(env or {}))
    group.servers = [f"http://127.0.0.1:{free_port()}" for _ in range(servers)]
    with ExitStack() as stack:
        stack.callback(lambda: [group.stop(i) for i in range(len(group.processes))])
        group.processes = [group._start(i) for i in range(servers)]  # start together, as after a deploy
        for url, process in zip(group.servers, group.processes, strict=True):
            assert process is not None
            wait_until_healthy(url, process, timeout=90)
        group.proxy = stack.enter_context(nginx_proxy([int(u.rsplit(":", 1)[1]) for u in group.servers]))
        yield group


__all__ = ["Cluster", "ProxyDidNotStart", "ServerDidNotStart", "check_config", "cluster", "nginx_binary", "nginx_proxy"]
