"""Runs a generated project's migrations against a real server in a throwaway database.

Usage (from the project directory): python3 migrate_check.py postgresql|mysql DATABASE_NAME
Creates the database, upgrades to head, checks that the schema matches the models, downgrades
to base and drops the database. Prints "SKIP <why>" and exits 0 when the server is not there.
"""
import os
import sys

DIALECT, NAME = sys.argv[1], sys.argv[2]


def admin():
    if DIALECT == "postgresql":
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
        connection.autocommit = True
        return connection
    import pymysql

    return pymysql.connect(host="127.0.0.1", user="root", autocommit=True)


def execute(sql):
    connection = admin()
    try:
        connection.cursor().execute(sql)
    finally:
        connection.close()


try:
    execute(f"DROP DATABASE IF EXISTS {NAME}")
except Exception as error:  # noqa: BLE001 - any connection problem means: no server here
    print(f"SKIP {DIALECT} not reachable: {error}")
    sys.exit(0)
execute(f"CREATE DATABASE {NAME}")
try:
    if DIALECT == "postgresql":
        url = f"postgresql+psycopg2://postgres@127.0.0.1:5432/{NAME}"
    else:
        url = f"mysql+pymysql://root@127.0.0.1:3306/{NAME}"
    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, os.getcwd())
    import flask_migrate
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app import create_app
    from app.extensions import db

    app = create_app({"TESTING": True})
    with app.app_context():
        flask_migrate.upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, db.metadata)
        if differences:
            print(f"FAIL schema differs from the models: {differences}")
            sys.exit(1)
        flask_migrate.downgrade(revision="base")
        db.engine.dispose()
    print(f"OK {DIALECT}")
finally:
    execute(f"DROP DATABASE IF EXISTS {NAME}")
