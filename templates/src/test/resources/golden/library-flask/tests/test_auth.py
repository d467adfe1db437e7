"""Tests of registration, login and the bearer token on /api endpoints."""
import pytest

from app import create_app

PROTECTED_URL = "/api/authors"
CREDENTIALS = {"email": "reader@example.com", "password": "correct horse battery"}


def test_register_creates_an_account(anonymous_client):
    response = anonymous_client.post("/auth/register", json=CREDENTIALS)
    assert response.status_code == 201
    assert response.get_json()["email"] == CREDENTIALS["email"]
    assert "password" not in response.get_json()


def test_register_twice_returns_409(anonymous_client):
    anonymous_client.post("/auth/register", json=CREDENTIALS)
    response = anonymous_client.post("/auth/register", json=CREDENTIALS)
    assert response.status_code == 409
    assert response.get_json()["errors"][0]["field"] == "email"


def test_register_rejects_a_short_password(anonymous_client):
    response = anonymous_client.post(
        "/auth/register", json={"email": "a@b.c", "password": "x"}
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.get_json()["errors"]] == ["password"]


def test_login_returns_a_token_that_opens_the_api(anonymous_client):
    anonymous_client.post("/auth/register", json=CREDENTIALS)
    response = anonymous_client.post("/auth/login", json=CREDENTIALS)
    assert response.status_code == 200
    assert response.get_json()["tokenType"] == "Bearer"
    assert response.get_json()["expiresIn"] > 0
    token = response.get_json()["accessToken"]
    headers = {"Authorization": f"Bearer {token}"}
    assert anonymous_client.get(PROTECTED_URL, headers=headers).status_code == 200


def test_login_with_a_wrong_password_returns_401(anonymous_client):
    anonymous_client.post("/auth/register", json=CREDENTIALS)
    wrong = dict(CREDENTIALS, password="wrong password")
    response = anonymous_client.post("/auth/login", json=wrong)
    assert response.status_code == 401
    assert response.get_json()["type"] == "/problems/unauthorized"


def test_api_without_token_returns_json_401(anonymous_client):
    response = anonymous_client.get(PROTECTED_URL)
    assert response.status_code == 401
    assert response.get_json()["type"] == "/problems/unauthorized"


def test_api_with_a_bad_token_returns_json_401(anonymous_client):
    response = anonymous_client.get(
        PROTECTED_URL, headers={"Authorization": "Bearer nope"}
    )
    assert response.status_code == 401
    assert response.get_json()["type"] == "/problems/unauthorized"


@pytest.mark.parametrize("secret", ["", "   ", "shorter-than-32-bytes"])
def test_the_app_refuses_to_start_without_a_strong_jwt_secret(secret):
    with pytest.raises(RuntimeError, match="JWT_SECRET_KEY must be set"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "JWT_SECRET_KEY": secret})


def test_the_app_starts_with_a_secret_of_32_bytes():
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": "sqlite://", "JWT_SECRET_KEY": "k" * 32}
    )
    assert not app.testing
