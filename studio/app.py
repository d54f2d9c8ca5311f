"""`minimax-studio`: the desktop app's entry point (the window arrives with the Studio GUI issue)."""

from __future__ import annotations

import sys


def main() -> int:
    print("The MiniMax Studio window is not built yet; use the `studio` command line meanwhile.",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
