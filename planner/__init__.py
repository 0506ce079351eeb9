"""After the Interview: a dated, sourced follow-up plan for the days after a job interview.

The core (everything except ``ics`` and ``web``) is pure standard-library Python: it reads no
clock, file, DOM or network, so the same code runs in CPython and in Pyodide.
Start at :func:`planner.api.plan_dict` (JSON in, JSON out) or :func:`planner.engine.make_plan`.
"""

__version__ = "0.1.0"
