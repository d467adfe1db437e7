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


post_tags = _db.Table(
    "post_tags",
    _sa.Column("post_id", _sa.Integer(), nullable=False),
    _sa.Column("tag_id", _sa.Integer(), nullable=False),
    _sa.PrimaryKeyConstraint("post_id", "tag_id"),
    _sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name="fk_post_tags_post_id"),
    _sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], name="fk_post_tags_tag_id"),
)


class Category(_db.Model):
    """Rows of the categories table."""

    __tablename__ = "categories"
    __table_args__ = (
        _sa.UniqueConstraint("title", name="uq_categories_title"),
        _sa.Index("ix_categories_parent_id", "parent_id"),
    )

    id = _db.Column(_db.Integer, primary_key=True)
    title = _db.Column(_sa.String(80), nullable=False)
    parent_id = _db.Column(
        _sa.Integer(),
        _db.ForeignKey("categories.id", name="fk_categories_parent_id"),
        nullable=True,
    )
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )


class Tag(_db.Model):
    """Rows of the tags table."""

    __tablename__ = "tags"
    __table_args__ = (_sa.UniqueConstraint("label", name="uq_tags_label"),)

    id = _db.Column(_db.Integer, primary_key=True)
    label = _db.Column(_sa.String(40), nullable=False)
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )


class Post(_db.Model):
    """Rows of the posts table."""

    __tablename__ = "posts"
    __table_args__ = (
        _at_least("views", "0", "ck_posts_views_min"),
        _sa.Index("ix_posts_category_id", "category_id"),
    )

    id = _db.Column(_db.Integer, primary_key=True)
    title = _db.Column(_sa.String(160), nullable=False)
    body = _db.Column(_Text, nullable=False)
    published_at = _db.Column(_DateTime, nullable=True)
    views = _db.Column(_sa.Integer(), nullable=True)
    category_id = _db.Column(
        _sa.Integer(),
        _db.ForeignKey("categories.id", name="fk_posts_category_id"),
        nullable=True,
    )
    tags = _db.relationship(
        "Tag",
        secondary=post_tags,
        primaryjoin="Post.id == post_tags.c.post_id",
        secondaryjoin="Tag.id == post_tags.c.tag_id",
        order_by="Tag.id",
    )
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )


class Comment(_db.Model):
    """Rows of the comments table."""

    __tablename__ = "comments"
    __table_args__ = (_sa.Index("ix_comments_post_id", "post_id"),)

    id = _db.Column(_db.Integer, primary_key=True)
    author = _db.Column(_sa.String(80), nullable=False)
    text = _db.Column(_Text, nullable=False)
    post_id = _db.Column(
        _sa.Integer(),
        _db.ForeignKey("posts.id", name="fk_comments_post_id"),
        nullable=False,
    )
    created_at = _db.Column(_DateTime, nullable=False, default=_utcnow)
    updated_at = _db.Column(
        _DateTime, nullable=False, default=_utcnow, onupdate=_utcnow
    )
