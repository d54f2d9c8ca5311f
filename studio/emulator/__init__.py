"""A stateful MiniMax-compatible API emulator on loopback (HTTP, SSE and WebSocket).

Two hosts share one emulated service: `global_url` (api.minimax.io / api-uw) and `mainland_url`
(api.minimaxi.com). Keys are region-bound; each key is its own account (files, voices, tasks).

Conventions where the real service's behaviour is unknown or cannot be triggered on purpose:
- `[[fail]]` in a video prompt, a template input value, or async T2A text → the job ends `Fail`
  (`Failed` for async T2A). Jobs move through their phases over `job_seconds` of emulated time.
- `[[mismatch]]` in voice_clone `text_validation` → 1043; in `clone_prompt.prompt_text` → 1044.
- Clone source audio outside 10 s–5 min → 2037; prompt audio of 8 s or more → 2048 (checked at
  clone time by decoding the uploaded file); format/size/purpose problems at upload → 2013.
- More than 10 % invisible characters (Unicode Cf/Cc/Co) in T2A text → 1042.
- Unknown voice/file/task ids → 2013 "invalid params, … not found"; duplicate voice ids (also
  deleted/expired ones and system ids) → 2039.
- URLs (output_format=url, subtitle_file, demo_audio, image_urls, download_url, video_url) point at
  `<host>/emulator/download/<token>/<filename>?Expires=…&OSSAccessKeyId=…&Signature=…`, signed like the
  service's object-storage links, need no auth, and expire (24 h, or 9 h for download_url/video_url; sooner
  with `EmulatorConfig.url_ttl`) on the emulated clock. Errors are the storage's XML: 403 AccessDenied
  "Request has expired." (or without/with a wrong signature), 404 NoSuchKey once the file is deleted.
- image-01 results are JPEG (links named `…_aigc.jpeg`); `EmulatorConfig(image_format="png")` serves PNG
  under the same names. `EmulatorConfig(tls=True)` serves https/wss with a self-signed certificate made at
  start (`Emulator.certificate`); result links are then https too.
- Async T2A output (purpose t2a_async, `<task_id>.tar`) holds `<task_id>.<fmt>`,
  `<task_id>.titles.json` (sentence subtitles) and `<task_id>.extra.json` (extra_info).
- Speech is made one sentence at a time (ends: `.!?;` their CJK forms and line breaks) with 0.35 s between
  sentences, so subtitle items (sync `subtitle_enable`, async) are timed on the audio itself, as the
  service's engine times them; they are never shared out by character count.
- Video `callback_url` is accepted and never called.
- Image-to-video output follows the first frame's aspect when it is sent inline (a data URL); a public
  image URL is not fetched, so the video is landscape at the resolution's listed size.
- File and task ids: 15 digits growing with time (below 2^53); `EmulatorConfig(big_ids=True)`: 18 digits.
- `EmulatorConfig(state_dir=...)` keeps the state on disk (see `studio.emulator.persist`): a restart
  (new ports) keeps keys' files, voices, tasks, download tokens, the id floor and the clock offset;
  jobs unfinished at stop run again on start. One emulator at a time per directory: `start()` raises
  `StateDirInUse` while another holds it. Without it everything is in memory.
- `EmulatorConfig(enforce_rate_limits=True)`: per key, T2A's limits over a sliding window of the emulated clock
  (global 60 requests and 20,000 tokens a minute, mainland 20 requests; `rate_limits`/`rate_window` change
  them) and 10 async T2A queries a second. Over them: HTTP 200 with base_resp 1002 (requests) or 1039 (tokens),
  no Retry-After (the reference names none); on a WebSocket, `task_failed` with that code. A refused request
  counts nothing and bills nothing. Text requests too, per key and model (`text_rate_limits`: MiniMax's
  rate-limit page), a request counting its prompt and answer tokens.
  What counts and when a request is billed (`Emulator.billed` for T2A, `billed_tokens` for text, in memory
  only): `studio.emulator.limits`.
- Per-request knobs: headers `X-Emulator-Pacing: first_audio_ms=300;rtf=0.3;jitter_ms=50` and
  `X-Emulator-Fault: kind=base_resp;code=1002;after_chunks=2` (also read on the WS upgrade).
"""

from studio.emulator.faults import Fault, Pacing
from studio.emulator.limits import BilledRequest, BilledTokens, Refusal, T2ALimit
from studio.emulator.persist import StateDirInUse
from studio.emulator.server import DEMO_KEY, MAINLAND_DEMO_KEY, Emulator, EmulatorConfig
from studio.emulator.state import RecordedRequest

__all__ = ["DEMO_KEY", "MAINLAND_DEMO_KEY", "BilledRequest", "BilledTokens", "Emulator", "EmulatorConfig", "Fault",
           "Pacing", "RecordedRequest", "Refusal", "StateDirInUse", "T2ALimit"]
