"""`python -m studio` launches the desktop app (the command line is `studio`)."""

import sys

from studio.app import main

sys.exit(main())
