"""``python -m khabar`` is the ``khabar`` command."""

import sys

from .cli import main

sys.exit(main())
