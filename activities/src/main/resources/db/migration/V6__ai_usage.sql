-- Tokens spent on language model calls: one row per answered enrichment attempt or draft.
CREATE TABLE ai_usage (
    id            BIGSERIAL   PRIMARY KEY,
    project_id    UUID        REFERENCES projects (id) ON DELETE CASCADE,
    owner         TEXT,
    purpose       TEXT        NOT NULL,
    model         TEXT        NOT NULL,
    call_key      TEXT        UNIQUE,
    requests      INTEGER     NOT NULL,
    input_tokens  BIGINT      NOT NULL,
    output_tokens BIGINT      NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX ai_usage_project ON ai_usage (project_id);

-- The validated enrichment of a project (JSON blob), reused by retries and regenerations.
ALTER TABLE projects ADD COLUMN enrichment_hash CHAR(64) REFERENCES blobs (hash);
