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


class Author(_db.Model):
    """Rows of the authors table."""

    __tablename__ = "authors"

    id = _db.Column(_db.Integer, primary_key=True)
    name = _db.Column(_sa.String(120), nullable=False)
    born = _db.Column(_sa.Date(), nullable=True)
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )


class Book(_db.Model):
    """Rows of the books table."""

    __tablename__ = "books"
    __table_args__ = (
        _sa.UniqueConstraint("isbn", name="uq_books_isbn"),
        _at_least("price", "0", "ck_books_price_min"),
        _sa.Index("ix_books_author_id", "author_id"),
    )

    id = _db.Column(_db.Integer, primary_key=True)
    title = _db.Column(_sa.String(200), nullable=False)
    isbn = _db.Column(_sa.String(255), nullable=True)
    price = _db.Column(_sa.Numeric(20, 6), nullable=True)
    published = _db.Column(_sa.Boolean(), nullable=True)
    author_id = _db.Column(
        _sa.Integer(),
        _db.ForeignKey("authors.id", name="fk_books_author_id"),
        nullable=False,
    )
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )
