-- A revision is a new project generated from another project's spec (changed or not): parent_id
-- names the project it revises, of the same owner; NULL for a project that started from nothing.
-- The children of a project are looked up by it, hence the index. A parent that goes away leaves
-- its revisions standing, without a parent.
ALTER TABLE projects
    ADD COLUMN parent_id UUID REFERENCES projects (id) ON DELETE SET NULL;

CREATE INDEX projects_parent ON projects (parent_id, created_at) WHERE parent_id IS NOT NULL;
