"""Configuration from the environment, after the project's ``.env`` file (see .env.example)."""
import datetime
import os
import pathlib

from dotenv import load_dotenv

# Variables already set in the environment win over the file.
load_dotenv(pathlib.Path(__file__).resolve().parent.parent / ".env")

# HS256 keys shorter than this are guessable (RFC 7518, section 3.2).
MIN_JWT_SECRET_BYTES = 32


class Config:
    """Settings read once at start-up."""

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        "DATABASE_URL", "sqlite:///library_service.db"
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    MAX_CONTENT_LENGTH = 1024 * 1024
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "")
    JWT_ACCESS_TOKEN_EXPIRES = datetime.timedelta(
        minutes=int(os.environ.get("JWT_TTL_MINUTES", "60"))
    )
    PASSWORD_HASH_METHOD = os.environ.get(
        "PASSWORD_HASH_METHOD", "pbkdf2:sha256:260000"
    )


def check_jwt_secret(secret):
    """Refuses to start without a signing key: every login would fail with 500 otherwise."""
    if len((secret or "").strip().encode()) < MIN_JWT_SECRET_BYTES:
        raise RuntimeError(
            f"JWT_SECRET_KEY must be set to at least {MIN_JWT_SECRET_BYTES} bytes"
            " (in the environment or in .env). Generate one with:"
            ' python3 -c "import secrets; print(secrets.token_urlsafe(48))"'
        )
