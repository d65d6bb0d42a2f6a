CREATE TABLE "checkout_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"store_id" integer NOT NULL,
	"amount_fen" integer NOT NULL,
	"merchant_reference" text NOT NULL,
	"items" jsonb NOT NULL,
	"success_url" text NOT NULL,
	"cancel_url" text NOT NULL,
	"status" text NOT NULL,
	"order_id" integer,
	"created_at" timestamp (3) with time zone NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"completed_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "order_lines" ALTER COLUMN "product_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "authorized_fen" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "authorized_until" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "captured_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD CONSTRAINT "checkout_sessions_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checkout_sessions" ADD CONSTRAINT "checkout_sessions_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkout_sessions_order_uq" ON "checkout_sessions" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "checkout_sessions_store_idx" ON "checkout_sessions" USING btree ("store_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_authorized_until_idx" ON "orders" USING btree ("authorized_until") WHERE status = 'authorized';