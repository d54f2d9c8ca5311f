"""The emulator as a separate process for the benchmarks, so its work doesn't share the measured loop."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def emulator_process(*options: str) -> Iterator[tuple[str, str]]:
    """`python -m studio.emulator [options]` on two free ports. Yields (global_url, mainland_url) once it
    accepts connections; stopped on exit."""
    port, mainland = _free_port(), _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "studio.emulator", "--port", str(port), "--mainland-port", str(mainland), *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("the emulator did not start within 10 s")
        yield f"http://127.0.0.1:{port}", f"http://127.0.0.1:{mainland}"
    finally:
        process.terminate()
        process.wait()
