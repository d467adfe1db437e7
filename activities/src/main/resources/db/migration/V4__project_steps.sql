-- Step progress as the activities report it, so that status reads need PostgreSQL only.
CREATE TABLE project_steps (
    project_id UUID        NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    step       TEXT        NOT NULL,
    state      TEXT        NOT NULL,
    attempts   INTEGER     NOT NULL,
    last_error TEXT,
    started_at TIMESTAMPTZ NOT NULL,
    ended_at   TIMESTAMPTZ,
    PRIMARY KEY (project_id, step)
);
