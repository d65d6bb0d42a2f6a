CREATE TABLE `receivable_days` (
	`store_id` integer NOT NULL,
	`due_date` text NOT NULL,
	`overdue_on` text NOT NULL,
	`open_count` integer DEFAULT 0 NOT NULL,
	`owed_fen` integer DEFAULT 0 NOT NULL,
	`non_void_count` integer DEFAULT 0 NOT NULL,
	`paid_count` integer DEFAULT 0 NOT NULL,
	`paid_on_time_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`store_id`, `due_date`, `overdue_on`)
);
--> statement-breakpoint
CREATE INDEX `instalments_open_store_overdue_idx` ON `instalments` (`store_id`,`overdue_on`,`bill_id`,`consumer_id`) WHERE state = 'open';--> statement-breakpoint
CREATE INDEX `instalments_open_overdue_idx` ON `instalments` (`overdue_on`,`bill_id`,`consumer_id`) WHERE state = 'open';--> statement-breakpoint
-- The receivable days follow every change to an instalment in the same transaction (see db/schema.ts).
CREATE TRIGGER `instalments_receivable_days_insert` AFTER INSERT ON `instalments`
BEGIN
  INSERT INTO `receivable_days` (store_id, due_date, overdue_on, open_count, owed_fen, non_void_count, paid_count, paid_on_time_count)
  VALUES (NEW.store_id, NEW.due_date, NEW.overdue_on, (NEW.state = 'open'), (CASE WHEN NEW.state = 'open' THEN NEW.amount_fen - NEW.paid_principal_fen + NEW.late_fee_fen - NEW.paid_fee_fen ELSE 0 END), (NEW.state <> 'void'), (NEW.state = 'paid'), (NEW.state = 'paid' AND COALESCE(NEW.paid_on <= NEW.due_date, 0)))
  ON CONFLICT (store_id, due_date, overdue_on) DO UPDATE SET
    open_count = open_count + excluded.open_count,
    owed_fen = owed_fen + excluded.owed_fen,
    non_void_count = non_void_count + excluded.non_void_count,
    paid_count = paid_count + excluded.paid_count,
    paid_on_time_count = paid_on_time_count + excluded.paid_on_time_count;
END;
--> statement-breakpoint
CREATE TRIGGER `instalments_receivable_days_update` AFTER UPDATE OF store_id, due_date, overdue_on, amount_fen, paid_principal_fen, late_fee_fen, paid_fee_fen, state, paid_on ON `instalments`
BEGIN
  INSERT INTO `receivable_days` (store_id, due_date, overdue_on, open_count, owed_fen, non_void_count, paid_count, paid_on_time_count)
  VALUES (OLD.store_id, OLD.due_date, OLD.overdue_on, -(OLD.state = 'open'), -(CASE WHEN OLD.state = 'open' THEN OLD.amount_fen - OLD.paid_principal_fen + OLD.late_fee_fen - OLD.paid_fee_fen ELSE 0 END), -(OLD.state <> 'void'), -(OLD.state = 'paid'), -(OLD.state = 'paid' AND COALESCE(OLD.paid_on <= OLD.due_date, 0)))
  ON CONFLICT (store_id, due_date, overdue_on) DO UPDATE SET
    open_count = open_count + excluded.open_count,
    owed_fen = owed_fen + excluded.owed_fen,
    non_void_count = non_void_count + excluded.non_void_count,
    paid_count = paid_count + excluded.paid_count,
    paid_on_time_count = paid_on_time_count + excluded.paid_on_time_count;
  INSERT INTO `receivable_days` (store_id, due_date, overdue_on, open_count, owed_fen, non_void_count, paid_count, paid_on_time_count)
  VALUES (NEW.store_id, NEW.due_date, NEW.overdue_on, (NEW.state = 'open'), (CASE WHEN NEW.state = 'open' THEN NEW.amount_fen - NEW.paid_principal_fen + NEW.late_fee_fen - NEW.paid_fee_fen ELSE 0 END), (NEW.state <> 'void'), (NEW.state = 'paid'), (NEW.state = 'paid' AND COALESCE(NEW.paid_on <= NEW.due_date, 0)))
  ON CONFLICT (store_id, due_date, overdue_on) DO UPDATE SET
    open_count = open_count + excluded.open_count,
    owed_fen = owed_fen + excluded.owed_fen,
    non_void_count = non_void_count + excluded.non_void_count,
    paid_count = paid_count + excluded.paid_count,
    paid_on_time_count = paid_on_time_count + excluded.paid_on_time_count;
END;
--> statement-breakpoint
CREATE TRIGGER `instalments_receivable_days_delete` AFTER DELETE ON `instalments`
BEGIN
  INSERT INTO `receivable_days` (store_id, due_date, overdue_on, open_count, owed_fen, non_void_count, paid_count, paid_on_time_count)
  VALUES (OLD.store_id, OLD.due_date, OLD.overdue_on, -(OLD.state = 'open'), -(CASE WHEN OLD.state = 'open' THEN OLD.amount_fen - OLD.paid_principal_fen + OLD.late_fee_fen - OLD.paid_fee_fen ELSE 0 END), -(OLD.state <> 'void'), -(OLD.state = 'paid'), -(OLD.state = 'paid' AND COALESCE(OLD.paid_on <= OLD.due_date, 0)))
  ON CONFLICT (store_id, due_date, overdue_on) DO UPDATE SET
    open_count = open_count + excluded.open_count,
    owed_fen = owed_fen + excluded.owed_fen,
    non_void_count = non_void_count + excluded.non_void_count,
    paid_count = paid_count + excluded.paid_count,
    paid_on_time_count = paid_on_time_count + excluded.paid_on_time_count;
END;
--> statement-breakpoint
-- Existing databases start from a full recomputation.
INSERT INTO `receivable_days` (store_id, due_date, overdue_on, open_count, owed_fen, non_void_count, paid_count, paid_on_time_count)
SELECT store_id, due_date, overdue_on,
  SUM(state = 'open'),
  SUM(CASE WHEN state = 'open' THEN amount_fen - paid_principal_fen + late_fee_fen - paid_fee_fen ELSE 0 END),
  SUM(state <> 'void'),
  SUM(state = 'paid'),
  SUM(state = 'paid' AND COALESCE(paid_on <= due_date, 0))
FROM `instalments` GROUP BY store_id, due_date, overdue_on;
