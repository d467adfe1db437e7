"""Endpoints of Post at /api/posts."""
import flask

from .. import crud, models, schemas

RESOURCE = crud.register(
    crud.Resource(
        name="Post",
        model=models.Post,
        schema=schemas.PostSchema,
        fields=(
            crud.Field("title", "title", "string", unique=False),
            crud.Field("body", "body", "text", unique=False),
            crud.Field("publishedAt", "published_at", "datetime", unique=False),
            crud.Field("views", "views", "integer", unique=False),
        ),
        to_one=(crud.ToOne("categoryId", "category_id", "Category", required=False),),
        to_many=(
            crud.ToMany(
                "tagsIds",
                "tags",
                "Tag",
                table="post_tags",
                owner_column="post_id",
                target_column="tag_id",
            ),
        ),
        inbound=(crud.Inbound("Comment", "post_id"),),
        inbound_many=(),
    )
)

bp = flask.Blueprint("entity_post", __name__, url_prefix="/api/posts")


@bp.get("")
def list_items():
    """Lists rows, paged, sorted and filtered by the query string."""
    return crud.list_rows(RESOURCE)


@bp.post("")
def create_item():
    """Creates a row."""
    return crud.create_row(RESOURCE, "entity_post.get_item")


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


@bp.get("/<row_id:id>/tags")
def related_tags(id):
    """Lists the rows this row's many-to-many relation holds."""
    return crud.list_many_to_many(RESOURCE, "tags", id)
