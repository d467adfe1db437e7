"""Request body schemas. Keys are model attributes; ``data_key`` is the JSON name.

Unknown JSON keys are rejected (marshmallow's default, RAISE).
"""
import decimal

from marshmallow import Schema, fields, validate

from . import validation

CustomerSchema = Schema.from_dict(
    {
        "email": fields.String(
            data_key="email",
            required=True,
            allow_none=False,
            validate=[
                validate.Length(max=255),
                validation.FullMatch("^[^@\\s]+@[^@\\s]+$"),
            ],
        ),
        "full_name": fields.String(
            data_key="fullName",
            required=True,
            allow_none=False,
            validate=[validate.Length(max=120)],
        ),
        "vip": validation.StrictBoolean(
            data_key="vip", required=False, allow_none=True
        ),
    },
    name="CustomerSchema",
)

ProductSchema = Schema.from_dict(
    {
        "sku": fields.String(
            data_key="sku",
            required=True,
            allow_none=False,
            validate=[validate.Length(max=32)],
        ),
        "name": fields.String(
            data_key="name",
            required=True,
            allow_none=False,
            validate=[validate.Length(max=255)],
        ),
        "price": validation.JsonDecimal(
            data_key="price",
            required=True,
            allow_none=False,
            validate=[
                validation.decimal_fits,
                validate.Range(min=decimal.Decimal("0")),
            ],
        ),
        "stock": validation.StrictInteger(
            data_key="stock",
            required=False,
            allow_none=True,
            validate=[
                validate.Range(min=-2147483648, max=2147483647),
                validate.Range(min=decimal.Decimal("0")),
            ],
        ),
        "public_id": validation.UuidString(
            data_key="publicId", required=False, allow_none=True
        ),
    },
    name="ProductSchema",
)

OrderSchema = Schema.from_dict(
    {
        "placed_at": validation.UtcDateTime(
            data_key="placedAt", required=True, allow_none=False
        ),
        "status": fields.String(
            data_key="status",
            required=True,
            allow_none=False,
            validate=[validate.OneOf(("NEW", "PAID", "SHIPPED", "CANCELLED"))],
        ),
        "note": fields.String(data_key="note", required=False, allow_none=True),
        "customer_id": validation.StrictInteger(
            data_key="customerId", required=True, allow_none=False
        ),
    },
    name="OrderSchema",
)

OrderLineSchema = Schema.from_dict(
    {
        "quantity": validation.StrictInteger(
            data_key="quantity",
            required=True,
            allow_none=False,
            validate=[
                validate.Range(min=-2147483648, max=2147483647),
                validate.Range(min=decimal.Decimal("1")),
            ],
        ),
        "unit_price": validation.JsonDecimal(
            data_key="unitPrice",
            required=True,
            allow_none=False,
            validate=[
                validation.decimal_fits,
                validate.Range(min=decimal.Decimal("0")),
            ],
        ),
        "order_id": validation.StrictInteger(
            data_key="orderId", required=True, allow_none=False
        ),
        "product_id": validation.StrictInteger(
            data_key="productId", required=True, allow_none=False
        ),
    },
    name="OrderLineSchema",
)
