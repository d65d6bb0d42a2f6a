"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import type { PaymentMethod } from "@/db/schema";
import { shipmentSchema } from "@/server/domain/orders";
import { formatFen } from "@/lib/format";
import { useText } from "@/lib/i18n/text";
import { describeError, type FieldErrors } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/react";
import { parseYuanToFen } from "@/server/domain/money";
import { useShowFailure } from "@/lib/use-show-failure";

/** The order and what its status allows (server/domain/order-state.ts, computed by the order's service). */
type Order = {
  id: number;
  number: string;
  canShip: boolean;
  canComplete: boolean;
  canCancel: boolean;
  canRefund: boolean;
  refundableFen: number;
  paymentMethod: PaymentMethod;
};

function newKey(): string {
  return `refund-${crypto.randomUUID()}`;
}

/** Ship, complete, cancel and refund, each after a confirmation; results are announced. */
export function OrderActions({ order }: { order: Order }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useText("merchantOrderActions");
  const tc = useText("staff");
  const showFailure = useShowFailure();
  const ship = useMutation(trpc.merchant.orders.ship.mutationOptions());
  const complete = useMutation(trpc.merchant.orders.complete.mutationOptions());
  const cancel = useMutation(trpc.merchant.orders.cancel.mutationOptions());
  const refund = useMutation(trpc.merchant.orders.refund.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [refundErrors, setRefundErrors] = useState<FieldErrors>({});
  const [shipErrors, setShipErrors] = useState<FieldErrors>({});
  // One key per refund attempt: a retry after a lost response cannot refund twice.
  const [refundKey, setRefundKey] = useState(newKey);
  const number = order.number;

  function fail(err: unknown) {
    setError(showFailure(err).message);
  }

  async function run(action: () => Promise<unknown>, message: string): Promise<boolean> {
    setError(null);
    setDone(null);
    try {
      await action();
    } catch (err) {
      fail(err);
      return true;
    }
    setDone(message);
    router.refresh();
    return true;
  }

  // The procedure's own schema checks the fields first; its messages are said in the page's language here.
  async function submitShip(form: FormData): Promise<boolean> {
    const shipment = { carrier: String(form.get("carrier") ?? ""), trackingNumber: String(form.get("trackingNumber") ?? "") };
    const parsed = shipmentSchema.safeParse(shipment);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        errors[field] = [
          field === "trackingNumber" ? t("trackingInvalid") : issue.message.startsWith("Name") ? t("carrierNeeded") : t("carrierLong"),
        ];
      }
      setShipErrors(errors);
      return false;
    }
    setShipErrors({});
    return run(
      () =>
        ship.mutateAsync({ orderId: order.id, carrier: parsed.data.carrier || undefined, trackingNumber: parsed.data.trackingNumber || undefined }),
      t("shipped", { number }),
    );
  }

  async function submitRefund(form: FormData): Promise<boolean> {
    const amountFen = parseYuanToFen(String(form.get("amount") ?? ""));
    const reason = String(form.get("reason") ?? "").trim();
    const errors: FieldErrors = {};
    if (amountFen === null || amountFen < 1) errors.amountFen = [t("amountInvalid")];
    else if (amountFen > order.refundableFen) errors.amountFen = [t("amountTooLarge", { max: formatFen(order.refundableFen) })];
    if (reason.length < 3) errors.reason = [t("reasonShort")];
    setRefundErrors(errors);
    if (Object.keys(errors).length > 0) return false;
    setError(null);
    setDone(null);
    try {
      const result = await refund.mutateAsync({ orderId: order.id, amountFen: amountFen!, reason, idempotencyKey: refundKey });
      const parts = [
        result.reducedBillFen > 0 ? t("refundOffBill", { amount: formatFen(result.reducedBillFen) }) : null,
        result.paidBackFen > 0 ? t("refundPaidBack", { amount: formatFen(result.paidBackFen) }) : null,
      ].filter(Boolean);
      const message = t(parts.length ? "refundedWithParts" : "refunded", {
        amount: formatFen(result.amountFen),
        number,
        parts: parts.join(t("partsJoin")),
      });
      setDone(message);
      setRefundKey(newKey());
      router.refresh();
      return true;
    } catch (err) {
      const described = describeError(err);
      fail(err);
      setRefundErrors(described.fieldErrors);
      return true;
    }
  }

  return (
    <section aria-label={t("sectionLabel")} className="space-y-3">
      {error ? <ErrorNotice>{error}</ErrorNotice> : null}
      {done ? <StatusNotice>{done}</StatusNotice> : null}
      <div className="flex flex-wrap gap-2">
        {order.canShip ? (
          <ConfirmDialog
            trigger={t("ship")}
            triggerVariant="primary"
            title={t("shipTitle", { number })}
            description={t("shipBody")}
            confirmLabel={t("shipConfirm")}
            cancelLabel={tc("goBack")}
            pending={ship.isPending}
            onConfirm={submitShip}
          >
            <Field id="ship-carrier" name="carrier" label={t("shipCarrier")} maxLength={40} autoComplete="off" error={shipErrors.carrier?.[0]} />
            <Field
              id="ship-tracking"
              name="trackingNumber"
              label={t("shipTracking")}
              maxLength={40}
              autoComplete="off"
              hint={t("shipTrackingHint")}
              error={shipErrors.trackingNumber?.[0]}
            />
          </ConfirmDialog>
        ) : null}
        {order.canComplete ? (
          <ConfirmDialog
            trigger={t("complete")}
            triggerVariant="primary"
            title={t("completeTitle", { number })}
            description={t("completeBody")}
            confirmLabel={t("completeConfirm")}
            cancelLabel={tc("goBack")}
            pending={complete.isPending}
            onConfirm={() => run(() => complete.mutateAsync({ orderId: order.id }), t("completed", { number }))}
          />
        ) : null}
        {order.canCancel ? (
          <ConfirmDialog
            trigger={t("cancel")}
            title={t("cancelTitle", { number })}
            description={order.paymentMethod === "pay_later" ? t("cancelBodyPayLater") : t("cancelBodyPayNow")}
            confirmLabel={t("cancel")}
            cancelLabel={tc("goBack")}
            variant="danger"
            pending={cancel.isPending}
            onConfirm={(form) =>
              run(
                () => cancel.mutateAsync({ orderId: order.id, reason: String(form.get("reason") ?? "").trim() || undefined }),
                t("cancelled", { number }),
              )
            }
          >
            <Field id="cancel-reason" name="reason" label={t("cancelReason")} maxLength={300} />
          </ConfirmDialog>
        ) : null}
        {order.canRefund ? (
          <ConfirmDialog
            trigger={t("refund")}
            title={t("refundTitle", { number })}
            description={t("refundBody", { max: formatFen(order.refundableFen) })}
            confirmLabel={t("refundConfirm")}
            cancelLabel={tc("goBack")}
            variant="danger"
            pending={refund.isPending}
            onConfirm={submitRefund}
          >
            <Field id="refund-amount" name="amount" label={t("refundAmount")} inputMode="decimal" error={refundErrors.amountFen?.[0]} />
            <Field id="refund-reason" name="reason" label={t("refundReason")} maxLength={300} error={refundErrors.reason?.[0]} />
          </ConfirmDialog>
        ) : null}
      </div>
    </section>
  );
}
