"""Endpoints of Category at /api/categories."""
import flask

from .. import crud, models, schemas

RESOURCE = crud.register(
    crud.Resource(
        name="Category",
        model=models.Category,
        schema=schemas.CategorySchema,
        fields=(crud.Field("title", "title", "string", unique=True),),
        to_one=(crud.ToOne("parentId", "parent_id", "Category", required=False),),
        to_many=(),
        inbound=(
            crud.Inbound("Category", "parent_id"),
            crud.Inbound("Post", "category_id"),
        ),
        inbound_many=(),
    )
)

bp = flask.Blueprint("entity_category", __name__, url_prefix="/api/categories")


@bp.get("")
def list_items():
    """Lists rows, paged, sorted and filtered by the query string."""
    return crud.list_rows(RESOURCE)


@bp.post("")
def create_item():
    """Creates a row."""
    return crud.create_row(RESOURCE, "entity_category.get_item")


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
