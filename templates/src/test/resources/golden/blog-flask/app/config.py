"""Configuration from the environment, after the project's ``.env`` file (see .env.example)."""
import datetime
import os
import pathlib

from dotenv import load_dotenv

# Variables already set in the environment win over the file.
load_dotenv(pathlib.Path(__file__).resolve().parent.parent / ".env")


class Config:
    """Settings read once at start-up."""

    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite:///blog_api.db")
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    MAX_CONTENT_LENGTH = 1024 * 1024
    JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "")
    JWT_ACCESS_TOKEN_EXPIRES = datetime.timedelta(
        minutes=int(os.environ.get("JWT_TTL_MINUTES", "60"))
    )
    PASSWORD_HASH_METHOD = os.environ.get(
        "PASSWORD_HASH_METHOD", "pbkdf2:sha256:260000"
    )
