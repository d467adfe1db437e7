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
        "categories",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("title", _sa.String(80), nullable=False),
        _sa.Column("parent_id", _sa.Integer(), nullable=True),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.ForeignKeyConstraint(
            ["parent_id"], ["categories.id"], name="fk_categories_parent_id"
        ),
        _sa.UniqueConstraint("title", name="uq_categories_title"),
    )
    op.create_index("ix_categories_parent_id", "categories", ["parent_id"])
    op.create_table(
        "tags",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("label", _sa.String(40), nullable=False),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.UniqueConstraint("label", name="uq_tags_label"),
    )
    op.create_table(
        "posts",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("title", _sa.String(160), nullable=False),
        _sa.Column("body", _Text, nullable=False),
        _sa.Column("published_at", _DateTime, nullable=True),
        _sa.Column("views", _sa.Integer(), nullable=True),
        _sa.Column("category_id", _sa.Integer(), nullable=True),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name="fk_posts_category_id"
        ),
        _at_least("views", "0", "ck_posts_views_min"),
    )
    op.create_index("ix_posts_category_id", "posts", ["category_id"])
    op.create_table(
        "comments",
        _sa.Column("id", _sa.Integer(), nullable=False),
        _sa.Column("author", _sa.String(80), nullable=False),
        _sa.Column("text", _Text, nullable=False),
        _sa.Column("post_id", _sa.Integer(), nullable=False),
        _sa.Column("created_at", _DateTime, nullable=False),
        _sa.Column("updated_at", _DateTime, nullable=False),
        _sa.PrimaryKeyConstraint("id"),
        _sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name="fk_comments_post_id"),
    )
    op.create_index("ix_comments_post_id", "comments", ["post_id"])
    op.create_table(
        "post_tags",
        _sa.Column("post_id", _sa.Integer(), nullable=False),
        _sa.Column("tag_id", _sa.Integer(), nullable=False),
        _sa.PrimaryKeyConstraint("post_id", "tag_id"),
        _sa.ForeignKeyConstraint(
            ["post_id"], ["posts.id"], name="fk_post_tags_post_id"
        ),
        _sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], name="fk_post_tags_tag_id"),
    )


def downgrade():
    op.drop_table("post_tags")
    op.drop_table("comments")
    op.drop_table("posts")
    op.drop_table("tags")
    op.drop_table("categories")
