"""`python -m doctor` (`make doctor`)."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
