-- A closed billing statement is immutable: updates are refused, and so are deletes,
-- except when its subscription is being deleted (ON DELETE CASCADE).
--
-- The migration runner splits statements at every semicolon, so there is no PL/pgSQL
-- here: the triggers' WHEN conditions call SQL functions that fail with a readable
-- message for a closed statement. The trigger function itself is never reached.
CREATE FUNCTION billing_statement_refuse_change(statement_id uuid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT ('billing statement ' || statement_id::text || ' is closed and cannot be changed')::int IS NULL
$$;

CREATE FUNCTION billing_statement_refuse_delete(statement_id uuid, subscription_id uuid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM subscriptions WHERE id = subscription_id)
              THEN billing_statement_refuse_change(statement_id)
              ELSE false END
$$;

CREATE TRIGGER billing_statements_closed_no_update
  BEFORE UPDATE ON billing_statements
  FOR EACH ROW WHEN (OLD.status = 'closed' AND billing_statement_refuse_change(OLD.id))
  EXECUTE FUNCTION suppress_redundant_updates_trigger();

CREATE TRIGGER billing_statements_closed_no_delete
  BEFORE DELETE ON billing_statements
  FOR EACH ROW WHEN (OLD.status = 'closed' AND billing_statement_refuse_delete(OLD.id, OLD."subscriptionId"))
  EXECUTE FUNCTION suppress_redundant_updates_trigger();
