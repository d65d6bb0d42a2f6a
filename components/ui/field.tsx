import type { ComponentProps, ReactNode } from "react";

type ShellProps = { id: string; label: ReactNode; hint?: ReactNode; error?: ReactNode };
type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; className: string };

/**
 * One form control with its label, an optional hint and its error, tied to it by id: the error is announced with the
 * field (aria-invalid, aria-describedby) and its border turns red. The control itself (input, select, textarea) is
 * drawn by `control` with the props this gives it.
 */
function FieldShell({ id, label, hint, error, control }: ShellProps & { control: (props: ControlProps) => ReactNode }) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        className: `rounded-lg border px-3 py-2 text-base shadow-sm focus:border-brand-600 ${error ? "border-red-500" : "border-slate-300"}`,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input. */
export function Field({ label, error, hint, id, ...input }: ComponentProps<"input"> & ShellProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} control={(c) => <input {...c} className={`min-h-11 ${c.className}`} {...input} />} />
  );
}

/** A labelled select; its options are the children. */
export function SelectField({ label, error, hint, id, children, ...select }: ComponentProps<"select"> & ShellProps) {
  return (
    <FieldShell
      id={id}
      label={label}
      hint={hint}
      error={error}
      control={(c) => (
        <select {...c} className={`min-h-11 ${c.className}`} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/** A labelled textarea. */
export function TextAreaField({ label, error, hint, id, ...textarea }: ComponentProps<"textarea"> & ShellProps) {
  return <FieldShell id={id} label={label} hint={hint} error={error} control={(c) => <textarea {...c} {...textarea} />} />;
}
