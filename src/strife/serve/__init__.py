"""Stage 9, serve: the REST API and the analyst desk (a browser UI), in one FastAPI app.

``create_app(db)`` builds the app (routes in ``app.py``, queries in
``strife.query``); ``serve(db, host, port)`` runs it with uvicorn (the
``strife serve`` command). The UI is plain JavaScript in ``static/``; its
third-party files (Leaflet, leaflet.markercluster, topojson-client, world-atlas,
swagger-ui) are copied into ``static/vendor/`` from the pinned packages in
``frontend/``, so the desk works offline. See docs/desk.md.
"""

from __future__ import annotations

from strife.serve.app import create_app, serve

__all__ = ["create_app", "serve"]
