-- The verification of a generated project (lint and its own tests in a sandbox), as JSON:
-- state PASSED | FAILED | SKIPPED, reason, test and lint counts, log tail. NULL until the
-- generation ends, and for projects generated before the verify step existed.
ALTER TABLE projects ADD COLUMN verification TEXT;
