// Repayment allocation: oldest instalment first, late fee before principal, never beyond what is owed.
import { refuse, type Refusal } from "./errors";
import { formatFen } from "./money";

export type Payable = { id: number; seq: number; dueDate: string; principalOwedFen: number; feeOwedFen: number };
export type Allocation = { instalmentId: number; feeFen: number; principalFen: number };

export function allocatePayment(amountFen: number, payables: Payable[]): { ok: true; allocations: Allocation[] } | Refusal {
  // Negative "owed" (more paid than charged) must never turn into extra money to allocate.
  const owedOf = (p: Payable) => ({ fee: Math.max(0, p.feeOwedFen), principal: Math.max(0, p.principalOwedFen) });
  const owed = payables.reduce((sum, p) => sum + owedOf(p).fee + owedOf(p).principal, 0);
  if (owed === 0) return refuse("NOTHING_OWED", "Nothing is owed on this bill.");
  if (!Number.isInteger(amountFen) || amountFen < 1) return refuse("OVERPAYMENT", "Enter an amount of at least ¥0.01.");
  if (amountFen > owed) return refuse("OVERPAYMENT", `The amount is more than the ${formatFen(owed)} owed.`);
  const ordered = [...payables].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.seq - b.seq || a.id - b.id);
  let left = amountFen;
  const allocations: Allocation[] = [];
  for (const p of ordered) {
    if (left === 0) break;
    const feeFen = Math.min(left, owedOf(p).fee);
    left -= feeFen;
    const principalFen = Math.min(left, owedOf(p).principal);
    left -= principalFen;
    if (feeFen + principalFen > 0) allocations.push({ instalmentId: p.id, feeFen, principalFen });
  }
  return { ok: true, allocations };
}
