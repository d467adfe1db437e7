"""Serves the OpenAPI 3.0 document generated with this project (app/openapi.json)."""
import pathlib

import flask

DOCUMENT = (pathlib.Path(__file__).parent / "openapi.json").read_bytes()

bp = flask.Blueprint("openapi", __name__)


@bp.get("/openapi.json")
def openapi_document():
    """The OpenAPI document."""
    return flask.Response(DOCUMENT, mimetype="application/json")
