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
        "authors",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("name", _sa.String(120), nullable=False),
        _sa.Column("born", _sa.Date(), nullable=True),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "books",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("title", _sa.String(200), nullable=False),
        _sa.Column("isbn", _sa.String(255), nullable=True),
        _sa.Column("price", _sa.Numeric(20, 6), nullable=True),
        _sa.Column("published", _sa.Boolean(), nullable=True),
        _sa.Column("author_id", _sa.Integer(), nullable=False),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.ForeignKeyConstraint(
            ["author_id"], ["authors.id"], name="fk_books_author_id"
        ),
        _sa.UniqueConstraint("isbn", name="uq_books_isbn"),
        _at_least("price", "0", "ck_books_price_min"),
    )
    op.create_index("ix_books_author_id", "books", ["author_id"])


def downgrade():
    op.drop_table("books")
    op.drop_table("authors")
    op.drop_table("auth_accounts")
