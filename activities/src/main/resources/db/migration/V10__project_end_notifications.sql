-- Tells listeners (web processes holding GET /api/projects/{id}?wait=... requests) the moment a
-- project ends, whichever process or path ended it: the workflow's outcome, a cancellation, or
-- recovery marking it failed. The payload is the project id.
CREATE FUNCTION notify_project_ended() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('backforge_project_ended', NEW.id::text);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER project_ended
  AFTER UPDATE OF status ON projects
  FOR EACH ROW
  WHEN (NEW.status IN ('SUCCEEDED', 'FAILED', 'CANCELLED')
        AND OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION notify_project_ended();
