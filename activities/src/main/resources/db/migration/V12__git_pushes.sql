-- HTTPS tokens for git pushes, sealed with AES-GCM (nonce || ciphertext || tag) under
-- BACKFORGE_GIT_TOKEN_KEY; never in clear. A push's workflow carries only the id; the worker
-- deletes the row when the push has ended, however it ended.
CREATE TABLE git_tokens (
    id         UUID        PRIMARY KEY,
    sealed     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- One row per push of a generation to a git remote. The remote is stored as given, and it never
-- holds a credential (the API refuses URLs with a password).
CREATE TABLE git_pushes (
    id         UUID        PRIMARY KEY,
    project_id UUID        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    owner      TEXT        NOT NULL,
    remote     TEXT        NOT NULL,
    branch     TEXT        NOT NULL,
    status     TEXT        NOT NULL,
    commit_id  TEXT,
    error      TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    pushed_at  TIMESTAMPTZ,
    CONSTRAINT git_pushes_status_known CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED'))
);

CREATE INDEX git_pushes_project_created ON git_pushes (project_id, created_at DESC);
