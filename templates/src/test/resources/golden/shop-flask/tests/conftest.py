"""Fixtures: one application per session, a freshly migrated in-memory database per test.

The application is built once and its Alembic migrations run once; the migrated database is
kept as a template. Before each test the template is copied over the application's database
(SQLite's backup API, into the same connection), so every test starts from the exact state the
migrations leave: no rows, ids counting from 1 again, nothing left behind by an earlier test.
"""
import sqlite3

import flask_migrate
import pytest
from flask_jwt_extended import create_access_token

import factories
from app import create_app
from app.extensions import db

TEST_CONFIG = {
    "TESTING": True,
    "SQLALCHEMY_DATABASE_URI": "sqlite://",
    "JWT_SECRET_KEY": "test-only-secret-key-0123456789abcdef0123456789",
    "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
}


def _copy_database(source=None, target=None):
    """Copies ``source`` over ``target``; either side defaults to the application's database."""
    raw = db.engine.raw_connection()
    try:
        (source or raw.driver_connection).backup(target or raw.driver_connection)
    finally:
        raw.close()


@pytest.fixture(scope="session")
def application():
    """The application, built once; its in-memory database has every migration applied."""
    built = create_app(TEST_CONFIG)
    with built.app_context():
        flask_migrate.upgrade()
    yield built
    with built.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def migrated_database(application):
    """A copy of the freshly migrated database, restored before every test."""
    template = sqlite3.connect(":memory:")
    with application.app_context():
        _copy_database(target=template)
    yield template
    template.close()


@pytest.fixture
def app(application, migrated_database):
    """The application, with its database back in the state the migrations leave."""
    with application.app_context():
        db.session.remove()
        _copy_database(source=migrated_database)
    yield application
    with application.app_context():
        db.session.remove()


@pytest.fixture(scope="session")
def token(application):
    """A bearer token for the API, signed once; it does not expire, however long the run."""
    with application.app_context():
        return create_access_token(identity="test", expires_delta=False)


@pytest.fixture
def anonymous_client(app):
    return app.test_client()


@pytest.fixture
def client(app, token):
    test_client = app.test_client()
    test_client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return test_client


@pytest.fixture(autouse=True)
def fresh_sample_values():
    factories.reset()
