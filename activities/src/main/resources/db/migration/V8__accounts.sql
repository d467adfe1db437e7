-- Accounts of the built-in issuer. The id is the tokens' sub and so the owner of projects.
-- Email is unique whatever its case; the password is stored as a Spring Security encoded hash
-- ({bcrypt}...), never in clear.
CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    role          TEXT        NOT NULL DEFAULT 'USER' CHECK (role IN ('USER', 'ADMIN')),
    enabled       BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Personal API credentials: a client id and a hashed secret that act as their user at
-- /oauth2/token (client credentials grant). Revoked ones stay for the record.
CREATE TABLE api_credentials (
    id          UUID PRIMARY KEY,
    user_id     UUID        NOT NULL REFERENCES users (id),
    name        TEXT        NOT NULL,
    client_id   TEXT        NOT NULL UNIQUE,
    secret_hash TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX api_credentials_user ON api_credentials (user_id, created_at);
