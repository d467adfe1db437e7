"""Initial schema: every table, constraint and index of the spec.

Revision ID: 0001
Revises:
"""
import sqlalchemy as _sa
from alembic import op
from sqlalchemy.dialects import mysql as _mysql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# MySQL drops fractions of a second unless asked to keep them.
_DateTime = _sa.DateTime().with_variant(_mysql.DATETIME(fsp=6), "mysql")
# MySQL's TEXT holds 64 KiB; MEDIUMTEXT (16 MiB) holds any text a request body can carry.
_Text = _sa.Text().with_variant(_mysql.MEDIUMTEXT(), "mysql")


def _at_least(column, bound, name):
    """CHECK (column >= bound), the column quoted where the dialect reserves its name."""
    condition = _sa.column(column) >= _sa.literal_column(bound)
    return _sa.CheckConstraint(condition, name=name)


def _at_most(column, bound, name):
    """CHECK (column <= bound), the column quoted where the dialect reserves its name."""
    condition = _sa.column(column) <= _sa.literal_column(bound)
    return _sa.CheckConstraint(condition, name=name)


def upgrade():
    op.create_table(
        "auth_accounts",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("email", _sa.String(255), nullable=False),
        _sa.Column("password_hash", _sa.String(255), nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.UniqueConstraint("email", name="uq_auth_accounts_email"),
    )
    op.create_table(
        "customers",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("email", _sa.String(255), nullable=False),
        _sa.Column("full_name", _sa.String(120), nullable=False),
        _sa.Column("vip", _sa.Boolean(), nullable=True),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.UniqueConstraint("email", name="uq_customers_email"),
    )
    op.create_table(
        "products",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("sku", _sa.String(32), nullable=False),
        _sa.Column("name", _sa.String(255), nullable=False),
        _sa.Column("price", _sa.Numeric(20, 6), nullable=False),
        _sa.Column("stock", _sa.Integer(), nullable=True),
        _sa.Column("public_id", _sa.String(36), nullable=True),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.UniqueConstraint("sku", name="uq_products_sku"),
        _at_least("price", "0", "ck_products_price_min"),
        _at_least("stock", "0", "ck_products_stock_min"),
    )
    op.create_table(
        "orders",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("placed_at", _DateTime, nullable=False),
        _sa.Column(
            "status",
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
        ),
        _sa.Column("note", _Text, nullable=True),
        _sa.Column("customer_id", _sa.Integer(), nullable=False),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_orders_customer_id"
        ),
    )
    op.create_index("ix_orders_customer_id", "orders", ["customer_id"])
    op.create_table(
        "order_lines",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("quantity", _sa.Integer(), nullable=False),
        _sa.Column("unit_price", _sa.Numeric(20, 6), nullable=False),
        _sa.Column("order_id", _sa.Integer(), nullable=False),
        _sa.Column("product_id", _sa.Integer(), nullable=False),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name="fk_order_lines_order_id"
        ),
        _sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_order_lines_product_id"
        ),
        _at_least("quantity", "1", "ck_order_lines_quantity_min"),
        _at_least("unit_price", "0", "ck_order_lines_unit_price_min"),
    )
    op.create_index("ix_order_lines_order_id", "order_lines", ["order_id"])
    op.create_index("ix_order_lines_product_id", "order_lines", ["product_id"])


def downgrade():
    op.drop_table("order_lines")
    op.drop_table("orders")
    op.drop_table("products")
    op.drop_table("customers")
    op.drop_table("auth_accounts")
