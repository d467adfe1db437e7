"""Blueprints: one module per entity, plus auth and the OpenAPI document when enabled."""
import importlib

from werkzeug.routing import BaseConverter

ENTITY_MODULES = ("customer", "product", "order", "order_line")


class RowIdConverter(BaseConverter):
    """``<row_id:id>``: at most 19 ASCII digits, as many as an int64 id has.

    A longer number matches no route, like a non-numeric id (404); a 19-digit one beyond the
    int64 range is an id no row has (404 too, see ``crud.MAX_ID``).
    """

    regex = r"[0-9]{1,19}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(int(value))


def register(app):
    """Registers the ``row_id`` converter and every blueprint on ``app``."""
    app.url_map.converters["row_id"] = RowIdConverter
    from .. import auth

    app.register_blueprint(auth.bp)
    from .. import openapi

    app.register_blueprint(openapi.bp)
    for name in ENTITY_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        app.register_blueprint(module.bp)
