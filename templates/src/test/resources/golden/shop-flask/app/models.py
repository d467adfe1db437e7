"""Database models, one class per entity of the spec.

Module-level names start with an underscore so that no column name can shadow them.
"""
import datetime as _datetime

import sqlalchemy as _sa
from sqlalchemy.dialects import mysql as _mysql

from .extensions import db as _db

# MySQL drops fractions of a second unless asked to keep them.
_DateTime = _sa.DateTime().with_variant(_mysql.DATETIME(fsp=6), "mysql")
# MySQL's TEXT holds 64 KiB; MEDIUMTEXT (16 MiB) holds any text a request body can carry.
_Text = _sa.Text().with_variant(_mysql.MEDIUMTEXT(), "mysql")


def _utcnow():
    return _datetime.datetime.utcnow()


def _at_least(column, bound, name):
    """CHECK (column >= bound), the column quoted where the dialect reserves its name."""
    condition = _sa.column(column) >= _sa.literal_column(bound)
    return _sa.CheckConstraint(condition, name=name)


def _at_most(column, bound, name):
    """CHECK (column <= bound), the column quoted where the dialect reserves its name."""
    condition = _sa.column(column) <= _sa.literal_column(bound)
    return _sa.CheckConstraint(condition, name=name)


class Customer(_db.Model):
    """Rows of the customers table."""

    __tablename__ = "customers"
    __table_args__ = (_sa.UniqueConstraint("email", name="uq_customers_email"),)

    id = _db.Column(_db.Integer, primary_key=True)
    email = _db.Column(_sa.String(255), nullable=False)
    full_name = _db.Column(_sa.String(120), nullable=False)
    vip = _db.Column(_sa.Boolean(), nullable=True)
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )


class Product(_db.Model):
    """Rows of the products table."""

    __tablename__ = "products"
    __table_args__ = (
        _sa.UniqueConstraint("sku", name="uq_products_sku"),
        _at_least("price", "0", "ck_products_price_min"),
        _at_least("stock", "0", "ck_products_stock_min"),
    )

    id = _db.Column(_db.Integer, primary_key=True)
    sku = _db.Column(_sa.String(32), nullable=False)
    name = _db.Column(_sa.String(255), nullable=False)
    price = _db.Column(_sa.Numeric(20, 6), nullable=False)
    stock = _db.Column(_sa.Integer(), nullable=True)
    public_id = _db.Column(_sa.String(36), nullable=True)
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )


class Order(_db.Model):
    """Rows of the orders table."""

    __tablename__ = "orders"
    __table_args__ = (_sa.Index("ix_orders_customer_id", "customer_id"),)

    id = _db.Column(_db.Integer, primary_key=True)
    placed_at = _db.Column(_DateTime, nullable=False)
    status = _db.Column(
        _sa.Enum(
            "NEW",
            "PAID",
            "SHIPPED",
            "CANCELLED",
            name="ck_orders_status_enum",
            native_enum=False,
            create_constraint=True,
        ),
        nullable=False,
    )
    note = _db.Column(_Text, nullable=True)
    customer_id = _db.Column(
        _sa.Integer(),
        _db.ForeignKey("customers.id", name="fk_orders_customer_id"),
        nullable=False,
    )
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )


class OrderLine(_db.Model):
    """Rows of the order_lines table."""

    __tablename__ = "order_lines"
    __table_args__ = (
        _at_least("quantity", "1", "ck_order_lines_quantity_min"),
        _at_least("unit_price", "0", "ck_order_lines_unit_price_min"),
        _sa.Index("ix_order_lines_order_id", "order_id"),
        _sa.Index("ix_order_lines_product_id", "product_id"),
    )

    id = _db.Column(_db.Integer, primary_key=True)
    quantity = _db.Column(_sa.Integer(), nullable=False)
    unit_price = _db.Column(_sa.Numeric(20, 6), nullable=False)
    order_id = _db.Column(
        _sa.Integer(),
        _db.ForeignKey("orders.id", name="fk_order_lines_order_id"),
        nullable=False,
    )
    product_id = _db.Column(
        _sa.Integer(),
        _db.ForeignKey("products.id", name="fk_order_lines_product_id"),
        nullable=False,
    )
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )
