"""pytest plugin: a generated project's tests on a real database instead of in-memory SQLite.

Usage, from the project directory, with DATABASE_URL naming an empty database and this file's
folder, the project and its tests folder on PYTHONPATH:

    python3 -m pytest --noconftest -p hostile_db tests/test_hostile.py

The application is built once with the suite's own test configuration and DATABASE_URL, and
migrated with Alembic (downgraded to base at the end). Before every test every table is emptied,
so each test starts from the empty schema as with the suite's SQLite fixtures, and after it the
test fails if the application answered any request with a 5xx. The other fixtures (client,
token, ...) are the project's own, imported from its conftest.
"""
import os

import flask_migrate
import pytest
import sqlalchemy

import conftest
from app import create_app
from app.extensions import db

anonymous_client = conftest.anonymous_client
client = conftest.client
fresh_sample_values = conftest.fresh_sample_values
token = getattr(conftest, "token", None)
SERVER_ERRORS = []


def _record_server_errors(response):
    if response.status_code >= 500:
        SERVER_ERRORS.append(f"{response.status_code} {response.get_data(as_text=True)}")
    return response


@pytest.fixture(scope="session")
def application():
    config = dict(conftest.TEST_CONFIG, SQLALCHEMY_DATABASE_URI=os.environ["DATABASE_URL"])
    built = create_app(config)
    built.after_request(_record_server_errors)
    with built.app_context():
        flask_migrate.upgrade()
    yield built
    with built.app_context():
        db.session.remove()
        flask_migrate.downgrade(revision="base")
        db.engine.dispose()


def _empty_every_table():
    preparer = db.engine.dialect.identifier_preparer
    tables = db.metadata.sorted_tables
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(preparer.format_table(table) for table in tables)
        db.session.execute(sqlalchemy.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        db.session.execute(sqlalchemy.text("SET FOREIGN_KEY_CHECKS = 0"))
        for table in tables:
            db.session.execute(table.delete())
        db.session.execute(sqlalchemy.text("SET FOREIGN_KEY_CHECKS = 1"))
    db.session.commit()


@pytest.fixture
def app(application):
    with application.app_context():
        db.session.remove()
        _empty_every_table()
    SERVER_ERRORS.clear()
    yield application
    with application.app_context():
        db.session.remove()
    assert not SERVER_ERRORS, SERVER_ERRORS
