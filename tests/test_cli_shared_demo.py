"""Demo mode shared between processes: the process that owns the kept demo's emulator publishes its address
in the state dir, `studio say` run next to it talks to that emulator (what it makes is the owner's), a
stale address falls back cleanly, and two `studio emulator` servers start side by side."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import sys
from pathlib import Path

from studio.emulator.persist import PublishedAddress, StateDirLock, publish_address, read_address
from studio.services.connection import DEMO_NOT_KEPT, start_demo_emulator
from studio.settings.paths import data_dir

STUDIO = Path(sys.executable).with_name("studio")


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("MINIMAX_API_KEY", "MINIMAX_API_HOST")}


async def _studio(*args: str, cwd: Path) -> tuple[int, str]:
    """Run `studio …` without blocking this loop (the owner's emulator runs on it)."""
    process = await asyncio.create_subprocess_exec(str(STUDIO), *args, cwd=cwd, env=_env(),
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    _out, err = await asyncio.wait_for(process.communicate(), timeout=100)
    assert process.returncode is not None
    return process.returncode, err.decode()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_studio_say_uses_the_demo_emulator_another_process_runs(tmp_path: Path) -> None:
    owner = await start_demo_emulator()  # as the app does in demo mode: it owns the kept demo
    try:
        assert owner.keeps_state
        published = read_address(data_dir() / "demo-emulator")
        assert published == PublishedAddress(owner.global_url, owner.mainland_url, os.getpid())
        code, err = await _studio("say", "Hello from the command line", "-o", "shared.mp3", cwd=tmp_path)
        assert code == 0, err
        assert f"using the demo of the MiniMax Studio already running (process {os.getpid()})" in err
        assert "empty demo" not in err
        # The speech was made by the owner's emulator: the owner sees the request, the CLI got the audio.
        texts = [r.json.get("text") for r in owner.requests if r.path == "/v1/t2a_v2" and isinstance(r.json, dict)]
        assert "Hello from the command line" in texts
        assert (tmp_path / "shared.mp3").stat().st_size > 1000
    finally:
        await owner.stop()
    assert read_address(data_dir() / "demo-emulator") is None  # withdrawn on stop


async def test_a_stale_published_address_falls_back_to_an_empty_demo_that_says_so(tmp_path: Path) -> None:
    state_dir = data_dir() / "demo-emulator"
    lock = StateDirLock(state_dir)  # a holder that stopped answering, its address left behind
    dead = f"http://127.0.0.1:{_closed_port()}"
    publish_address(state_dir, PublishedAddress(dead, dead, 999_999))
    try:
        code, err = await _studio("say", "Still works", "-o", "alone.mp3", cwd=tmp_path)
    finally:
        lock.release()
    assert code == 0, err
    assert DEMO_NOT_KEPT in err and "already running" not in err and "Traceback" not in err
    assert (tmp_path / "alone.mp3").stat().st_size > 1000


async def test_an_address_left_by_a_crashed_owner_is_replaced_by_the_next_owner(tmp_path: Path) -> None:
    state_dir = data_dir() / "demo-emulator"
    state_dir.mkdir(parents=True, exist_ok=True)
    dead = f"http://127.0.0.1:{_closed_port()}"
    publish_address(state_dir, PublishedAddress(dead, dead, 999_999))  # no lock: its owner is gone
    code, err = await _studio("say", "Owner now", "-o", "owner.mp3", cwd=tmp_path)
    assert code == 0, err
    assert "already running" not in err and "empty demo" not in err  # it owned the kept demo itself
    assert read_address(state_dir) is None  # and withdrew its address on exit


async def test_two_studio_emulators_start_side_by_side_on_free_ports(tmp_path: Path) -> None:
    servers = [await asyncio.create_subprocess_exec(str(STUDIO), "emulator", cwd=tmp_path, env=_env(),
                                                    stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
               for _ in range(2)]
    try:
        banners = []
        for server in servers:
            assert server.stdout is not None
            lines = [await asyncio.wait_for(server.stdout.readline(), timeout=90) for _ in range(2)]
            banners.append(b"".join(lines).decode())
        for server, banner in zip(servers, banners, strict=True):
            if "global:" not in banner:
                _out, err = await asyncio.wait_for(server.communicate(), timeout=30)
                raise AssertionError(f"no banner, exit {server.returncode}: {err.decode()}")
            assert "mainland:" in banner, banner
            assert server.returncode is None  # still serving: no "address already in use"
        addresses = [url for banner in banners for url in re.findall(r"http://\S+", banner)]
        assert len(set(addresses)) == 4, addresses  # both addresses printed, four distinct ports, none clashing
    finally:
        for server in servers:
            if server.returncode is None:
                server.terminate()
            await asyncio.wait_for(server.communicate(), timeout=30)


async def test_an_emulator_whose_preferred_port_is_taken_serves_on_another(tmp_path: Path) -> None:
    with socket.socket() as holder:  # bound and listening: what a first emulator holds
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        server = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "studio.emulator", "--preferred-port", str(taken), cwd=tmp_path, env=_env(),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        try:
            assert server.stdout is not None
            banner = (await asyncio.wait_for(server.stdout.readline(), timeout=90)).decode()
            assert "global:" in banner, (await asyncio.wait_for(server.communicate(), timeout=30))[1].decode()
            port = int(re.findall(r"http://127\.0\.0\.1:(\d+)", banner)[0])
            assert port != taken
        finally:
            if server.returncode is None:
                server.terminate()
            await asyncio.wait_for(server.communicate(), timeout=30)
