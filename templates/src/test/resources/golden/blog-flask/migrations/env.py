"""Alembic environment: runs the migrations against the database of the Flask app."""
import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")


def _db():
    return current_app.extensions["migrate"].db


def run_migrations_offline():
    """Writes the SQL instead of running it (``flask db upgrade --sql``)."""
    url = _db().engine.url.render_as_string(hide_password=False)
    context.configure(
        url=url,
        target_metadata=_db().metadata,
        literal_binds=True,
        **current_app.extensions["migrate"].configure_args,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    """Runs the migrations on a connection of the app's engine."""
    with _db().engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=_db().metadata,
            **current_app.extensions["migrate"].configure_args,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
