"""Endpoints of Order at /api/orders."""
import flask

from .. import crud, models, schemas
from ..auth import require_token

RESOURCE = crud.register(
    crud.Resource(
        name="Order",
        model=models.Order,
        schema=schemas.OrderSchema,
        fields=(
            crud.Field("placedAt", "placed_at", "datetime", unique=False),
            crud.Field("status", "status", "enum", unique=False),
            crud.Field("note", "note", "text", unique=False),
        ),
        to_one=(crud.ToOne("customerId", "customer_id", "Customer", required=True),),
        to_many=(),
        inbound=(crud.Inbound("OrderLine", "order_id"),),
        inbound_many=(),
    )
)

bp = flask.Blueprint("entity_order", __name__, url_prefix="/api/orders")
bp.before_request(require_token)


@bp.get("")
def list_items():
    """Lists rows, paged, sorted and filtered by the query string."""
    return crud.list_rows(RESOURCE)


@bp.post("")
def create_item():
    """Creates a row."""
    return crud.create_row(RESOURCE, "entity_order.get_item")


@bp.get("/<row_id:id>")
def get_item(id):
    """Returns one row."""
    return crud.get_row(RESOURCE, id)


@bp.put("/<row_id:id>")
def replace_item(id):
    """Replaces every field of a row."""
    return crud.update_row(RESOURCE, id, partial=False)


@bp.patch("/<row_id:id>")
def patch_item(id):
    """Changes the given fields of a row."""
    return crud.update_row(RESOURCE, id, partial=True)


@bp.delete("/<row_id:id>")
def delete_item(id):
    """Deletes a row unless other rows still reference it."""
    return crud.delete_row(RESOURCE, id)
