"""``python -m planner``: see :mod:`planner.cli`."""

from .cli import main

raise SystemExit(main())
