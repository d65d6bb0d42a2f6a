-- The audit log is append-only: nothing in the app (or anyone with the app's connection) can change history.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
-- The receivable days follow every change to an instalment in the same transaction (see db/schema/pg.ts),
-- as the SQLite triggers of migration 0002_receivable_days do: each row counted in (store, due date, overdue date).
CREATE FUNCTION receivable_days_apply(r instalments, sign integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO receivable_days AS d (store_id, due_date, overdue_on, open_count, owed_fen, non_void_count, paid_count, paid_on_time_count)
  VALUES (r.store_id, r.due_date, r.overdue_on,
    sign * (r.state = 'open')::int,
    sign * (CASE WHEN r.state = 'open' THEN r.amount_fen - r.paid_principal_fen + r.late_fee_fen - r.paid_fee_fen ELSE 0 END),
    sign * (r.state <> 'void')::int,
    sign * (r.state = 'paid')::int,
    sign * (r.state = 'paid' AND COALESCE(r.paid_on <= r.due_date, false))::int)
  ON CONFLICT (store_id, due_date, overdue_on) DO UPDATE SET
    open_count = d.open_count + excluded.open_count,
    owed_fen = d.owed_fen + excluded.owed_fen,
    non_void_count = d.non_void_count + excluded.non_void_count,
    paid_count = d.paid_count + excluded.paid_count,
    paid_on_time_count = d.paid_on_time_count + excluded.paid_on_time_count;
$$;
--> statement-breakpoint
CREATE FUNCTION instalments_receivable_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM receivable_days_apply(OLD, -1); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM receivable_days_apply(NEW, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER instalments_receivable_days_insert AFTER INSERT ON instalments FOR EACH ROW EXECUTE FUNCTION instalments_receivable_days();
--> statement-breakpoint
CREATE TRIGGER instalments_receivable_days_update
  AFTER UPDATE OF store_id, due_date, overdue_on, amount_fen, paid_principal_fen, late_fee_fen, paid_fee_fen, state, paid_on ON instalments
  FOR EACH ROW EXECUTE FUNCTION instalments_receivable_days();
--> statement-breakpoint
CREATE TRIGGER instalments_receivable_days_delete AFTER DELETE ON instalments FOR EACH ROW EXECUTE FUNCTION instalments_receivable_days();
