-- Content-addressed file contents: generated files, manifests and zips.
CREATE TABLE blobs (
    hash       CHAR(64)    PRIMARY KEY,
    size       INTEGER     NOT NULL,
    content    BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per project; the owner is the subject of the caller's token.
CREATE TABLE projects (
    id            UUID        PRIMARY KEY,
    owner         TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    stack         TEXT        NOT NULL,
    spec          TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    workflow_id   TEXT        NOT NULL UNIQUE,
    progress      TEXT,
    error         TEXT,
    manifest_hash CHAR(64)    REFERENCES blobs (hash),
    artifact_hash CHAR(64)    REFERENCES blobs (hash),
    artifact_size BIGINT,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT projects_status_known
        CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'))
);

CREATE INDEX projects_owner_created ON projects (owner, created_at DESC);
