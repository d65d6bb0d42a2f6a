"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { toast } from "@/lib/toast";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import type { OrderStatus, PaymentMethod } from "@/db/schema";
import { formatFen } from "@/lib/format";
import { describeError, type FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { fenToDecimal, parseYuanToFen } from "@/server/domain/money";

type Order = { id: number; number: string; status: OrderStatus; refundableFen: number; paymentMethod: PaymentMethod };

function newKey(): string {
  return `refund-${crypto.randomUUID()}`;
}

/** Ship, complete, cancel and refund, each after a confirmation; results are announced. */
export function OrderActions({ order }: { order: Order }) {
  const trpc = useTRPC();
  const router = useRouter();
  const ship = useMutation(trpc.merchant.orders.ship.mutationOptions());
  const complete = useMutation(trpc.merchant.orders.complete.mutationOptions());
  const cancel = useMutation(trpc.merchant.orders.cancel.mutationOptions());
  const refund = useMutation(trpc.merchant.orders.refund.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refundErrors, setRefundErrors] = useState<FieldErrors>({});
  // One key per refund attempt: a retry after a lost response cannot refund twice.
  const [refundKey, setRefundKey] = useState(newKey);

  async function run(action: () => Promise<unknown>, message: string): Promise<boolean> {
    setError(null);
    setDone(null);
    try {
      await action();
    } catch (err) {
      setError(describeError(err).message);
      return true;
    }
    setDone(message);
    toast.success(message);
    router.refresh();
    return true;
  }

  async function submitRefund(form: FormData): Promise<boolean> {
    const amountFen = parseYuanToFen(String(form.get("amount") ?? ""));
    const reason = String(form.get("reason") ?? "").trim();
    const errors: FieldErrors = {};
    if (amountFen === null || amountFen < 1) errors.amountFen = ["Enter an amount in yuan, like 100 or 99.50."];
    else if (amountFen > order.refundableFen) errors.amountFen = [`At most ${formatFen(order.refundableFen)} can be refunded.`];
    if (reason.length < 3) errors.reason = ["Give a reason of at least 3 characters."];
    setRefundErrors(errors);
    if (Object.keys(errors).length > 0) return false;
    setError(null);
    setDone(null);
    try {
      const result = await refund.mutateAsync({ orderId: order.id, amountFen: amountFen!, reason, idempotencyKey: refundKey });
      const parts = [
        result.reducedBillFen > 0 ? `${formatFen(result.reducedBillFen)} taken off the bill` : null,
        result.paidBackFen > 0 ? `${formatFen(result.paidBackFen)} paid back to the customer` : null,
      ].filter(Boolean);
      const message = `Refunded ${formatFen(result.amountFen)} on order ${order.number}${parts.length ? ` (${parts.join(", ")})` : ""}.`;
      setDone(message);
      toast.success(message);
      setRefundKey(newKey());
      router.refresh();
      return true;
    } catch (err) {
      const described = describeError(err);
      setError(described.message);
      setRefundErrors(described.fieldErrors);
      return true;
    }
  }

  const canRefund = (order.status === "shipped" || order.status === "completed" || order.status === "refunded") && order.refundableFen > 0;
  return (
    <section aria-label="Order actions" className="space-y-3">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {done ? <StatusNotice>{done}</StatusNotice> : null}
      <div className="flex flex-wrap gap-2">
        {order.status === "placed" ? (
          <ConfirmDialog
            trigger="Mark shipped"
            triggerVariant="primary"
            title={`Mark order ${order.number} as shipped?`}
            description="The customer will see the order as on its way."
            confirmLabel="Confirm shipped"
            pending={ship.isPending}
            onConfirm={() => run(() => ship.mutateAsync({ orderId: order.id }), `Order ${order.number} marked shipped.`)}
          />
        ) : null}
        {order.status === "shipped" ? (
          <ConfirmDialog
            trigger="Mark completed"
            triggerVariant="primary"
            title={`Mark order ${order.number} as completed?`}
            description="Do this once the customer has received the order."
            confirmLabel="Confirm completed"
            pending={complete.isPending}
            onConfirm={() => run(() => complete.mutateAsync({ orderId: order.id }), `Order ${order.number} marked completed.`)}
          />
        ) : null}
        {order.status === "placed" ? (
          <ConfirmDialog
            trigger="Cancel order"
            title={`Cancel order ${order.number}?`}
            description={
              order.paymentMethod === "pay_later"
                ? "The bill is voided and the customer's credit released. This cannot be undone."
                : "The customer is refunded in full. This cannot be undone."
            }
            confirmLabel="Cancel order"
            variant="danger"
            pending={cancel.isPending}
            onConfirm={(form) =>
              run(() => cancel.mutateAsync({ orderId: order.id, reason: String(form.get("reason") ?? "").trim() || undefined }), `Order ${order.number} cancelled.`)
            }
          >
            <Field id="cancel-reason" name="reason" label="Reason (optional)" maxLength={300} />
          </ConfirmDialog>
        ) : null}
        {canRefund ? (
          <ConfirmDialog
            trigger="Refund"
            title={`Refund order ${order.number}`}
            description={`Up to ${formatFen(order.refundableFen)} can be refunded. A pay-later bill is reduced from its last instalment; anything already paid beyond that goes back to the customer.`}
            confirmLabel="Confirm refund"
            variant="danger"
            pending={refund.isPending}
            onConfirm={submitRefund}
          >
            <Field
              id="refund-amount"
              name="amount"
              label="Refund amount (¥)"
              inputMode="decimal"
              defaultValue={fenToDecimal(order.refundableFen)}
              error={refundErrors.amountFen?.[0]}
            />
            <Field id="refund-reason" name="reason" label="Reason" maxLength={300} error={refundErrors.reason?.[0]} />
          </ConfirmDialog>
        ) : null}
      </div>
    </section>
  );
}
