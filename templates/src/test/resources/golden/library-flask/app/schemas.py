"""Request body schemas. Keys are model attributes; ``data_key`` is the JSON name.

Unknown JSON keys are rejected (marshmallow's default, RAISE).
"""
import decimal

from marshmallow import Schema, fields, validate

from . import validation

AuthorSchema = Schema.from_dict(
    {
        "name": fields.String(
            data_key="name",
            required=True,
            allow_none=False,
            validate=[validate.Length(max=120)],
        ),
        "born": validation.IsoDate(data_key="born", required=False, allow_none=True),
    },
    name="AuthorSchema",
)

BookSchema = Schema.from_dict(
    {
        "title": fields.String(
            data_key="title",
            required=True,
            allow_none=False,
            validate=[validate.Length(max=200)],
        ),
        "isbn": fields.String(
            data_key="isbn",
            required=False,
            allow_none=True,
            validate=[
                validate.Length(max=255),
                validation.FullMatch("^[0-9-]{10,17}$"),
            ],
        ),
        "price": validation.JsonDecimal(
            data_key="price",
            required=False,
            allow_none=True,
            validate=[
                validation.decimal_fits,
                validate.Range(min=decimal.Decimal("0")),
            ],
        ),
        "published": validation.StrictBoolean(
            data_key="published", required=False, allow_none=True
        ),
        "author_id": validation.StrictInteger(
            data_key="authorId", required=True, allow_none=False
        ),
    },
    name="BookSchema",
)
