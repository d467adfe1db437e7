-- Idempotency-Key support: one project per owner and key; the request hash tells a replay of the
-- same request from a different request that reuses the key.
ALTER TABLE projects ADD COLUMN idempotency_key TEXT;
ALTER TABLE projects ADD COLUMN request_hash CHAR(64);
CREATE UNIQUE INDEX projects_owner_idempotency_key
    ON projects (owner, idempotency_key) WHERE idempotency_key IS NOT NULL;
