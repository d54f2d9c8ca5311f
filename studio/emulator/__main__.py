"""`python -m studio.emulator --port 8765`: run the emulator until Ctrl+C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import signal
from pathlib import Path

from studio.emulator import DEMO_KEY, MAINLAND_DEMO_KEY, Emulator, EmulatorConfig, Pacing, StateDirInUse


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m studio.emulator", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="global host port (0 = any free port)")
    p.add_argument("--preferred-port", type=int, default=None,
                   help="global host port to try first, taking any free port when it is in use")
    p.add_argument("--mainland-port", type=int, default=0, help="mainland host port (0 = any free port)")
    p.add_argument("--ttfa-ms", type=float, default=0.0, help="delay before the first audio chunk")
    p.add_argument("--rtf", type=float, default=0.0, help="real-time factor of streamed audio (0 = unpaced)")
    p.add_argument("--jitter-ms", type=float, default=0.0, help="± jitter on each chunk's send time")
    p.add_argument("--job-seconds", type=float, default=8.0, help="video/template/async job duration")
    p.add_argument("--state-dir", type=Path, default=None,
                   help="keep accounts, voices, files and jobs in this directory across restarts")
    p.add_argument("--big-ids", action="store_true",
                   help="hand out file and task ids above 2^53 (JavaScript's JSON.parse rounds them)")
    p.add_argument("--tls", action="store_true",
                   help="serve https/wss with a self-signed certificate made now (its path is printed)")
    p.add_argument("--url-ttl", type=float, default=None,
                   help="result links expire after this many seconds (default: the service's 24 h / 9 h)")
    p.add_argument("--enforce-rate-limits", action="store_true",
                   help="answer T2A and text requests over a key's rate limits with 1002/1039, as the service "
                        "does (T2A global: 60 requests and 20,000 characters a minute; mainland: 20 requests; "
                        "text: MiniMax's per-model requests and tokens a minute)")
    p.add_argument("--rate-window", type=float, default=60.0,
                   help="the seconds those limits are counted over (default: the service's minute)")
    return p.parse_args(argv)


def _config(args: argparse.Namespace, port: int) -> EmulatorConfig:
    return EmulatorConfig(
        pacing=Pacing(first_audio_ms=args.ttfa_ms, rtf=args.rtf, jitter_ms=args.jitter_ms),
        job_seconds=args.job_seconds, host=args.host, port=port, mainland_port=args.mainland_port,
        state_dir=args.state_dir, max_recorded_requests=10_000, big_ids=args.big_ids, tls=args.tls,
        url_ttl=args.url_ttl, enforce_rate_limits=args.enforce_rate_limits, rate_window=args.rate_window,
    )


async def _start(args: argparse.Namespace) -> Emulator:
    if args.preferred_port is not None:
        # Bound, not probed: two emulators started together both see a probed port free.
        emu = Emulator(_config(args, args.preferred_port))
        try:
            await emu.start()
            return emu
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
    emu = Emulator(_config(args, args.port))
    await emu.start()
    return emu


async def serve(args: argparse.Namespace) -> None:
    emu = await _start(args)
    try:
        print(f"MiniMax emulator — global:   {emu.global_url}  key {DEMO_KEY}", flush=True)
        print(f"                   mainland: {emu.mainland_url}  key {MAINLAND_DEMO_KEY}", flush=True)
        if args.state_dir is not None:
            print(f"                   state:    {args.state_dir}", flush=True)
        if args.enforce_rate_limits:
            print(f"                   T2A rate limits enforced per {args.rate_window:g} s; "
                  "what each key was billed: GET /emulator/billing", flush=True)
        if args.big_ids:
            print("                   ids:      above 2^53 (--big-ids)", flush=True)
        if emu.certificate is not None:
            print(f"                   TLS certificate (self-signed, trust it in clients): {emu.certificate}",
                  flush=True)
            print("                   e.g. SSL_CERT_FILE=<it> (Python, OpenSSL), NODE_EXTRA_CA_CERTS=<it> (Node)",
                  flush=True)
        print("Ctrl+C to stop.", flush=True)
        stop = asyncio.Event()
        with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows' loop
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
    finally:
        await emu.stop()


def main(argv: list[str] | None = None) -> None:
    with contextlib.suppress(KeyboardInterrupt):
        try:
            asyncio.run(serve(parse_args(argv)))
        except StateDirInUse as exc:
            raise SystemExit(f"emulator: {exc}: stop it first, or pick another --state-dir") from None
        except ImportError as exc:  # --tls without cryptography installed
            raise SystemExit(f"emulator: {exc}") from None
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            raise SystemExit(f"emulator: a port given with --port/--mainland-port is in use ({exc.strerror}): "
                             "pick another, or leave the option out for a free port") from None


if __name__ == "__main__":
    main()
