"""``python -m lbcheck``."""

import sys

from lbcheck.cli import main

sys.exit(main())
