"""The app's asyncio loop: qasync's, with asyncio's async-generator hooks, which qasync leaves out.

asyncio's own `run_forever` installs hooks that close an async generator left suspended (an HTTP stream a
request error broke out of, several generators deep inside httpx) in a task of its own. qasync's `run_forever`
doesn't, so such a generator was closed by the garbage collector outside any task, whenever it ran: httpcore's
clean-up then failed ("Attempted to exit cancel scope in a different task") and the connection was not
released in order. With the hooks, `shutdown_asyncgens` at exit also closes what is left."""

from __future__ import annotations

import sys

from qasync import QEventLoop


class StudioEventLoop(QEventLoop):
    def run_forever(self) -> None:
        hooks = sys.get_asyncgen_hooks()
        sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                               finalizer=self._asyncgen_finalizer_hook)
        try:
            super().run_forever()
        finally:
            sys.set_asyncgen_hooks(*hooks)
