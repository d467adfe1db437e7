"""RFC 9457 problem details: every error answers ``application/problem+json`` of one shape.

    {"type": "/problems/validation-failed", "title": "Validation failed", "status": 400,
     "detail": "The request is invalid.", "errors": [{"field": "title", "message": "..."}]}

``type`` is stable per kind of problem and ``title`` fixed per type; ``errors`` lists every
invalid field and is left out when there is none. Errors the framework raises (unknown path,
wrong method, body too large or not JSON) get the type of their status (``FRAMEWORK_TYPES``), the
same as a Spring Boot project generated from the same spec answers.
"""
import flask
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

from .extensions import db

PROBLEM_JSON = "application/problem+json"

TITLES = {
    "validation-failed": "Validation failed",
    "not-found": "Not found",
    "conflict": "Conflict",
    "unauthorized": "Unauthorized",
    "method-not-allowed": "Method not allowed",
    "not-acceptable": "Not acceptable",
    "content-too-large": "Content too large",
    "unsupported-media-type": "Unsupported media type",
    "internal-server-error": "Internal server error",
}

FRAMEWORK_TYPES = {
    400: "validation-failed",
    401: "unauthorized",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "content-too-large",
    415: "unsupported-media-type",
}


class ApiError(Exception):
    """An error the API reports to the client as a problem detail of type ``problem``."""

    def __init__(self, status, problem, detail, errors=()):
        super().__init__(detail)
        self.status = status
        self.problem = problem
        self.detail = detail
        self.errors = list(errors)


def problem_response(status, problem_type, title, detail, errors=()):
    """An ``application/problem+json`` response."""
    body = {"type": problem_type, "title": title, "status": status, "detail": detail}
    if errors:
        body["errors"] = list(errors)
    response = flask.current_app.json.response(body)
    response.status_code = status
    response.content_type = PROBLEM_JSON
    return response


def api_problem(status, problem, detail, errors=()):
    """The response of a problem of one of the API's own types (see ``TITLES``)."""
    return problem_response(
        status, f"/problems/{problem}", TITLES[problem], detail, errors
    )


def field_error(field, message):
    """One entry of the "errors" list."""
    return {"field": field, "message": message}


def field_errors(messages):
    """Flattens marshmallow's error dict into a sorted list of field errors."""
    out = []
    for field in sorted(messages, key=str):
        for message in _flatten(messages[field]):
            out.append(field_error(None if field == "_schema" else field, message))
    return out


def _flatten(value):
    if isinstance(value, dict):
        for key in sorted(value, key=str):
            for message in _flatten(value[key]):
                yield f"[{key}] {message}" if isinstance(key, int) else message
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _flatten(item)
    else:
        yield str(value)


def register_error_handlers(app):
    """Makes every error of ``app`` a problem detail."""

    @app.errorhandler(ApiError)
    def handle_api_error(error):
        return api_problem(error.status, error.problem, error.detail, error.errors)

    @app.errorhandler(HTTPException)
    def handle_http_error(error):
        kind = FRAMEWORK_TYPES.get(error.code)
        detail = error.description or error.name
        if kind is None:
            kind = "-".join(error.name.lower().split())
            response = problem_response(
                error.code, f"/problems/{kind}", error.name, detail
            )
        else:
            response = api_problem(error.code, kind, detail)
        for key, value in error.get_response().headers.items():
            if key.lower() not in ("content-type", "content-length"):
                response.headers[key] = value
        return response

    @app.errorhandler(IntegrityError)
    def handle_integrity_error(error):
        db.session.rollback()
        detail = "The request conflicts with existing data."
        return api_problem(409, "conflict", detail)

    @app.errorhandler(Exception)
    def handle_unexpected_error(error):
        app.logger.exception("Unhandled error")
        db.session.rollback()
        return api_problem(500, "internal-server-error", "Unexpected server error.")
