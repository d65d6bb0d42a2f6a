"use client";
import { useState } from "react";
import { fenToDecimal, parseYuanToFen } from "@/server/domain/money";

/**
 * A decimal with two places edited as text and reported as an integer in hundredths:
 * yuan → fen for money, percent → basis points for rates. Never a float.
 */
export function HundredthsInput({
  id,
  value,
  onChange,
  onBlur,
  invalid,
  describedBy,
  prefix,
  suffix,
  label,
}: {
  id: string;
  value: number;
  onChange: (hundredths: number) => void;
  onBlur?: () => void;
  invalid?: boolean;
  describedBy?: string;
  prefix?: string;
  suffix?: string;
  label?: string;
}) {
  const [text, setText] = useState(() => (Number.isInteger(value) ? fenToDecimal(value) : ""));
  return (
    <div
      className={`flex min-h-11 items-center rounded-lg border bg-white px-3 shadow-sm focus-within:border-brand-600 ${invalid ? "border-red-500" : "border-slate-300"}`}
    >
      {prefix ? (
        <span className="mr-1 text-slate-500" aria-hidden="true">
          {prefix}
        </span>
      ) : null}
      <input
        id={id}
        inputMode="decimal"
        aria-label={label}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className="w-full min-w-0 bg-transparent py-2 text-base tabular-nums outline-none"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseYuanToFen(event.target.value) ?? Number.NaN);
        }}
        onBlur={onBlur}
      />
      {suffix ? (
        <span className="ml-1 text-slate-500" aria-hidden="true">
          {suffix}
        </span>
      ) : null}
    </div>
  );
}
