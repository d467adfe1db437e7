"""Request body schemas. Keys are model attributes; ``data_key`` is the JSON name.

Unknown JSON keys are rejected (marshmallow's default, RAISE).
"""
import decimal

from marshmallow import Schema, fields, validate

from . import validation

CategorySchema = Schema.from_dict(
    {
        "title": fields.String(
            data_key="title",
            required=True,
            allow_none=False,
            validate=[validate.Length(max=80)],
        ),
        "parent_id": validation.StrictInteger(
            data_key="parentId", required=False, allow_none=True
        ),
    },
    name="CategorySchema",
)

TagSchema = Schema.from_dict(
    {
        "label": fields.String(
            data_key="label",
            required=True,
            allow_none=False,
            validate=[validate.Length(max=40)],
        )
    },
    name="TagSchema",
)

PostSchema = Schema.from_dict(
    {
        "title": fields.String(
            data_key="title",
            required=True,
            allow_none=False,
            validate=[validate.Length(min=3, max=160)],
        ),
        "body": fields.String(data_key="body", required=True, allow_none=False),
        "published_at": validation.UtcDateTime(
            data_key="publishedAt", required=False, allow_none=True
        ),
        "views": validation.StrictInteger(
            data_key="views",
            required=False,
            allow_none=True,
            validate=[
                validate.Range(min=-2147483648, max=2147483647),
                validate.Range(min=decimal.Decimal("0")),
            ],
        ),
        "category_id": validation.StrictInteger(
            data_key="categoryId", required=False, allow_none=True
        ),
        "tags": fields.List(
            validation.StrictInteger(),
            data_key="tagsIds",
            required=False,
            allow_none=True,
        ),
    },
    name="PostSchema",
)

CommentSchema = Schema.from_dict(
    {
        "author": fields.String(
            data_key="author",
            required=True,
            allow_none=False,
            validate=[validate.Length(max=80)],
        ),
        "text": fields.String(data_key="text", required=True, allow_none=False),
        "post_id": validation.StrictInteger(
            data_key="postId", required=True, allow_none=False
        ),
    },
    name="CommentSchema",
)
