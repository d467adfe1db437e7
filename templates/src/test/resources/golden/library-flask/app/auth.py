"""Accounts, registration, login and the token check of every /api endpoint."""
import re

import flask
from flask_jwt_extended import create_access_token, verify_jwt_in_request
from werkzeug.security import check_password_hash, generate_password_hash

from . import inputs
from .errors import ApiError, api_problem, field_error
from .extensions import db, jwt

EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 200


class AuthAccount(db.Model):
    """Someone who may call the API."""

    __tablename__ = "auth_accounts"
    __table_args__ = (db.UniqueConstraint("email", name="uq_auth_accounts_email"),)

    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)


bp = flask.Blueprint("auth", __name__, url_prefix="/auth")


def require_token():
    """Rejects the request with 401 unless it carries a valid bearer token."""
    verify_jwt_in_request()


def _credentials():
    payload = inputs.json_object()
    errors = []
    for key in sorted(set(payload) - {"email", "password"}):
        errors.append(field_error(key, "Unknown field."))
    email = payload.get("email")
    password = payload.get("password")
    if not isinstance(email, str) or len(email) > 255 or not EMAIL.fullmatch(email):
        errors.append(field_error("email", "A valid email address is required."))
    if not isinstance(password, str) or not (
        MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH
    ):
        message = f"Between {MIN_PASSWORD_LENGTH} and {MAX_PASSWORD_LENGTH} characters."
        errors.append(field_error("password", message))
    if errors:
        raise ApiError(400, "validation-failed", "The request is invalid.", errors)
    return email.strip().lower(), password


@bp.post("/register")
def register():
    """Creates an account: 201, or 409 when the email is taken."""
    email, password = _credentials()
    if AuthAccount.query.filter_by(email=email).first() is not None:
        errors = [field_error("email", "This email is already registered.")]
        raise ApiError(409, "conflict", "The account already exists.", errors)
    method = flask.current_app.config["PASSWORD_HASH_METHOD"]
    account = AuthAccount(
        email=email, password_hash=generate_password_hash(password, method)
    )
    db.session.add(account)
    db.session.commit()
    return {"id": account.id, "email": account.email}, 201


@bp.post("/login")
def login():
    """Exchanges email and password for an access token."""
    email, password = _credentials()
    account = AuthAccount.query.filter_by(email=email).first()
    if account is None or not check_password_hash(account.password_hash, password):
        raise ApiError(401, "unauthorized", "Wrong email or password.")
    expires = flask.current_app.config["JWT_ACCESS_TOKEN_EXPIRES"]
    return {
        "accessToken": create_access_token(identity=str(account.id)),
        "tokenType": "Bearer",
        "expiresIn": int(expires.total_seconds()),
    }


def _unauthorized(message):
    response = api_problem(401, "unauthorized", message)
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


@jwt.unauthorized_loader
def _missing_token(reason):
    return _unauthorized("A bearer token is required.")


@jwt.invalid_token_loader
def _invalid_token(reason):
    return _unauthorized("The bearer token is invalid.")


@jwt.expired_token_loader
def _expired_token(header, payload):
    return _unauthorized("The bearer token has expired.")


@jwt.revoked_token_loader
def _revoked_token(header, payload):
    return _unauthorized("The bearer token has been revoked.")
