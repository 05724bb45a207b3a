"""``whereas serve``: the review desk in the browser (docs/serve.md).

A FastAPI application: the pages (``pages.py``, Jinja2 templates), the REST API under ``/api/v1``
(``api.py``), documents and verification jobs in a database (``db.py``, Alembic migrations), jobs run
in the background (``jobs.py``), and the guards (``security.py``).  What is done with a document is
``documents.py``, through the public verbs of :mod:`whereas.api`.
"""

from whereas.web.app import create_app
from whereas.web.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]
