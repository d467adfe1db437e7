"""Endpoints of Book at /api/books."""
import flask

from .. import crud, models, schemas
from ..auth import require_token

RESOURCE = crud.register(
    crud.Resource(
        name="Book",
        model=models.Book,
        schema=schemas.BookSchema,
        fields=(
            crud.Field("title", "title", "string", unique=False),
            crud.Field("isbn", "isbn", "string", unique=True),
            crud.Field("price", "price", "decimal", unique=False),
            crud.Field("published", "published", "boolean", unique=False),
        ),
        to_one=(crud.ToOne("authorId", "author_id", "Author", required=True),),
        to_many=(),
        inbound=(),
        inbound_many=(),
    )
)

bp = flask.Blueprint("entity_book", __name__, url_prefix="/api/books")
bp.before_request(require_token)


@bp.get("")
def list_items():
    """Lists rows, paged, sorted and filtered by the query string."""
    return crud.list_rows(RESOURCE)


@bp.post("")
def create_item():
    """Creates a row."""
    return crud.create_row(RESOURCE, "entity_book.get_item")


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
