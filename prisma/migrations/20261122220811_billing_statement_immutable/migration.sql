-- A closed billing statement is immutable: updates are refused, and so are deletes,
-- except when its subscription is being deleted (ON DELETE CASCADE).
CREATE OR REPLACE FUNCTION billing_statements_immutable() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'closed' THEN
    IF TG_OP = 'DELETE' THEN
      IF NOT EXISTS (SELECT 1 FROM subscriptions WHERE id = OLD."subscriptionId") THEN
        RETURN OLD;
      END IF;
    END IF;
    RAISE EXCEPTION 'billing statement % is closed and cannot be changed', OLD.id
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER billing_statements_immutable
  BEFORE UPDATE OR DELETE ON billing_statements
  FOR EACH ROW EXECUTE FUNCTION billing_statements_immutable();
