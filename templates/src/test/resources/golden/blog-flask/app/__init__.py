"""Application factory of blog-api."""
import decimal
import pathlib

import flask
from flask.json.provider import DefaultJSONProvider

from .config import Config
from .errors import register_error_handlers
from .extensions import db, migrate

MIGRATIONS = pathlib.Path(__file__).resolve().parent.parent / "migrations"


class JsonProvider(DefaultJSONProvider):
    """Keeps keys in declaration order and reads JSON numbers with a fraction as Decimal."""

    sort_keys = False

    def loads(self, s, **kwargs):
        kwargs.setdefault("parse_float", decimal.Decimal)
        return super().loads(s, **kwargs)


class App(flask.Flask):
    """Flask with exact decimals in request bodies."""

    json_provider_class = JsonProvider


def health():
    """Liveness probe."""
    return {"status": "ok"}


def create_app(overrides=None):
    """Builds the application; ``overrides`` replace configuration values (tests use this)."""
    app = App(__name__)
    app.config.from_object(Config)
    if overrides:
        app.config.update(overrides)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS), render_as_batch=True)
    register_error_handlers(app)

    from . import routes

    routes.register(app)
    app.add_url_rule("/health", "health", health, methods=["GET"])
    return app
