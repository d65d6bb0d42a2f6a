"use client";
import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { Controller, useFieldArray, useForm, useWatch, type Control, type FieldError } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { HundredthsInput } from "@/components/admin/money-input";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { ErrorNotice, StatusNotice } from "@/components/ui/notice";
import { policyDiffWords, issueText } from "@/components/admin/policy-words";
import { useText } from "@/lib/i18n/text";
import { useTRPC } from "@/lib/trpc/react";
import { SCORE_MAX, SCORE_MIN, policyUpdateSchema, type PolicyParams, type PolicyUpdate } from "@/server/domain/policy";
import { diffPolicies } from "@/server/domain/policy-diff";
import { WhatIfPanel } from "./what-if-panel";
import { useShowFailure } from "@/lib/use-show-failure";

const isScore = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= SCORE_MIN && (n as number) <= SCORE_MAX;

function Fieldset({ legend, children, hint }: { legend: string; children: ReactNode; hint?: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <legend className="px-1 text-base font-semibold text-slate-800">{legend}</legend>
      {hint ? <p className="-mt-2 text-sm text-slate-600">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

function ErrorText({ id, error }: { id: string; error?: FieldError | { message?: string } }) {
  const t = useText("adminPolicyWords");
  const locale = useText("staff")("locale");
  return error?.message ? (
    <p id={id} className="text-sm text-red-700">
      {issueText(error.message, t, locale)}
    </p>
  ) : null;
}

/** A policy term typed in yuan or percent and stored in hundredths (fen, basis points), with its label and error. */
function HundredthsField({
  control,
  id,
  name,
  label,
  prefix,
  suffix,
  error,
}: {
  control: Control<PolicyUpdate>;
  id: string;
  name: "params.lateFeeFen" | "params.lateFeeCapBps" | "params.extensionFeeFen";
  label: string;
  prefix?: string;
  suffix?: string;
  error?: FieldError;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <Controller
        control={control}
        name={name}
        render={({ field, fieldState }) => (
          <HundredthsInput
            id={id}
            prefix={prefix}
            suffix={suffix}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            invalid={!!fieldState.error}
            describedBy={fieldState.error ? `${id}-error` : undefined}
          />
        )}
      />
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

export function PolicyEditor({ current }: { current: { version: number; params: PolicyParams } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<PolicyUpdate>({
    resolver: zodResolver(policyUpdateSchema),
    defaultValues: { params: current.params, note: "" },
    mode: "onChange",
  });
  const { register, control, handleSubmit, getValues, setValue, formState } = form;
  const errors = formState.errors.params;
  const bandArray = useFieldArray({ control, name: "params.bands" });
  const bands = useWatch({ control, name: "params.bands" });
  const [confirming, setConfirming] = useState<PolicyUpdate | null>(null);
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation(trpc.admin.updatePolicy.mutationOptions());
  const t = useText("adminPolicyEditor");
  const tw = useText("adminPolicyWords");
  const tc = useText("staff");
  const locale = tc("locale");
  const showFailure = useShowFailure();
  const issue = (message: string | undefined) => issueText(message, tw, locale);

  /** Keeps the bands contiguous: the first starts at the minimum score, each next one right after the previous. */
  function syncBandStarts(minScoreChanged: boolean) {
    const min = getValues("params.minScore");
    let list = getValues("params.bands");
    if (minScoreChanged && isScore(min)) {
      // Bands wholly below a raised minimum score no longer apply.
      const below = list.map((b, i) => (i < list.length - 1 && Number.isInteger(b.maxScore) && b.maxScore < min ? i : -1)).filter((i) => i >= 0);
      if (below.length > 0) {
        bandArray.remove(below);
        list = getValues("params.bands");
      }
    }
    const starts = list.map((_, i) => (i === 0 ? min : list[i - 1]!.maxScore + 1));
    starts.forEach((start, i) => {
      if ((i === 0 ? isScore(start) : Number.isInteger(start)) && list[i]!.minScore !== start)
        setValue(`params.bands.${i}.minScore`, start, { shouldValidate: true });
    });
  }

  function addBand() {
    const list = getValues("params.bands");
    const last = list.at(-1);
    if (!last || !(last.maxScore > last.minScore)) return;
    const split = Math.floor((last.minScore + last.maxScore) / 2);
    setValue(`params.bands.${list.length - 1}.maxScore`, split, { shouldValidate: true });
    bandArray.append({ minScore: split + 1, maxScore: last.maxScore, limitFen: last.limitFen });
  }

  function removeBand(index: number) {
    bandArray.remove(index);
    syncBandStarts(false);
  }

  async function confirmSave() {
    if (!confirming) return;
    setError(null);
    try {
      const result = await save.mutateAsync(confirming);
      setSavedVersion(result.version);
      form.reset({ params: confirming.params, note: "" });
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: trpc.admin.policyWhatIf.queryKey() });
      router.refresh();
    } catch (err) {
      setError(showFailure(err).message);
      setConfirming(null);
    }
  }

  const numberField = (name: Parameters<typeof register>[0], onChange?: () => void) =>
    register(name, { valueAsNumber: true, onChange: onChange ? () => onChange() : undefined });
  const changes = confirming ? diffPolicies(current.params, confirming.params, policyDiffWords(tw, locale)) : [];

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <form
        noValidate
        className="space-y-6"
        onSubmit={handleSubmit(
          (values) => {
            setError(null);
            setSavedVersion(null);
            setConfirming(values);
          },
          () => setError(tc("fixFields")),
        )}
      >
        {error ? <ErrorNotice>{error}</ErrorNotice> : null}
        {savedVersion ? <StatusNotice>{t("saved", { version: savedVersion })}</StatusNotice> : null}

        <Fieldset legend={t("eligibility")} hint={t("eligibilityHint")}>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id="minScore"
              label={t("minScore")}
              type="number"
              inputMode="numeric"
              min={SCORE_MIN}
              max={SCORE_MAX}
              hint={t("minScoreHint")}
              error={issue(errors?.minScore?.message)}
              {...numberField("params.minScore", () => syncBandStarts(true))}
            />
            <Field
              id="startingScore"
              label={t("startingScore")}
              type="number"
              inputMode="numeric"
              min={SCORE_MIN}
              max={SCORE_MAX}
              error={issue(errors?.startingScore?.message)}
              {...numberField("params.startingScore")}
            />
          </div>
        </Fieldset>

        <Fieldset legend={t("bands")} hint={t("bandsHint")}>
          <div className="hidden grid-cols-[5rem_1fr_1fr_auto] gap-3 text-xs font-medium uppercase tracking-wide text-slate-500 sm:grid">
            <span>{t("from")}</span>
            <span>{t("to")}</span>
            <span>{t("limit")}</span>
            <span className="w-20" />
          </div>
          <ol className="space-y-3">
            {bandArray.fields.map((field, i) => {
              const bandErrors = errors?.bands?.[i];
              const start = bands?.[i]?.minScore;
              return (
                <li
                  key={field.id}
                  className="grid grid-cols-2 items-start gap-3 rounded-lg border border-slate-100 p-3 sm:grid-cols-[5rem_1fr_1fr_auto] sm:border-0 sm:p-0"
                >
                  <div className="col-span-2 flex min-h-11 items-center text-sm sm:col-span-1">
                    <span className="sm:hidden">{t("bandFrom", { n: i + 1 })}&nbsp;</span>
                    <span role="group" className="font-semibold tabular-nums" aria-label={t("bandFrom", { n: i + 1 })}>
                      {Number.isFinite(start) ? start : "—"}
                    </span>
                  </div>
                  <div className="space-y-1">
                    <label htmlFor={`band-${i}-max`} className="text-xs text-slate-600 sm:sr-only">
                      {t("bandTo", { n: i + 1 })}
                    </label>
                    <input
                      id={`band-${i}-max`}
                      type="number"
                      inputMode="numeric"
                      min={SCORE_MIN}
                      max={SCORE_MAX}
                      aria-invalid={bandErrors?.maxScore ? true : undefined}
                      aria-describedby={bandErrors?.maxScore ? `band-${i}-max-error` : undefined}
                      className={`min-h-11 w-full rounded-lg border px-3 py-2 text-base tabular-nums shadow-sm ${bandErrors?.maxScore ? "border-red-500" : "border-slate-300"}`}
                      {...numberField(`params.bands.${i}.maxScore`, () => syncBandStarts(false))}
                    />
                    <ErrorText id={`band-${i}-max-error`} error={bandErrors?.maxScore} />
                    <ErrorText id={`band-${i}-min-error`} error={bandErrors?.minScore} />
                  </div>
                  <div className="space-y-1">
                    <label htmlFor={`band-${i}-limit`} className="text-xs text-slate-600 sm:sr-only">
                      {t("bandLimit", { n: i + 1 })}
                    </label>
                    <Controller
                      control={control}
                      name={`params.bands.${i}.limitFen`}
                      render={({ field: limit, fieldState }) => (
                        <HundredthsInput
                          id={`band-${i}-limit`}
                          prefix="¥"
                          value={limit.value}
                          onChange={limit.onChange}
                          onBlur={limit.onBlur}
                          invalid={!!fieldState.error}
                          describedBy={fieldState.error ? `band-${i}-limit-error` : undefined}
                        />
                      )}
                    />
                    <ErrorText id={`band-${i}-limit-error`} error={bandErrors?.limitFen} />
                  </div>
                  <Button
                    variant="ghost"
                    className="col-span-2 sm:col-span-1 sm:w-20"
                    onClick={() => removeBand(i)}
                    disabled={bandArray.fields.length === 1}
                    aria-label={t("removeBand", { n: i + 1 })}
                  >
                    {t("remove")}
                  </Button>
                </li>
              );
            })}
          </ol>
          <ErrorText id="bands-error" error={errors?.bands?.root ?? (errors?.bands as FieldError | undefined)} />
          <Button variant="secondary" onClick={addBand}>
            {t("split")}
          </Button>
        </Fieldset>

        <Fieldset legend={t("plans")} hint={t("plansHint")}>
          {current.params.plans.map((plan, i) => {
            const planErrors = errors?.plans?.[i];
            return (
              <div key={plan.code} className="grid gap-3 rounded-lg border border-slate-100 p-3 sm:grid-cols-[1fr_8rem_8rem] sm:items-start">
                <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
                  <input type="checkbox" className="size-5" {...register(`params.plans.${i}.enabled`)} />
                  {t("offerPlan", { plan: policyDiffWords(tw, locale).planName(plan.code, plan.label) })}
                </label>
                <Field
                  id={`plan-${i}-instalments`}
                  label={t("instalments")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={12}
                  error={issue(planErrors?.instalments?.message)}
                  {...numberField(`params.plans.${i}.instalments`)}
                />
                <Field
                  id={`plan-${i}-interval`}
                  label={t("daysApart")}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={365}
                  error={issue(planErrors?.intervalDays?.message)}
                  {...numberField(`params.plans.${i}.intervalDays`)}
                />
              </div>
            );
          })}
          <ErrorText id="plans-error" error={errors?.plans?.root ?? (errors?.plans as FieldError | undefined)} />
        </Fieldset>

        <Fieldset legend={t("late")} hint={t("lateHint")}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              id="graceDays"
              label={t("graceDays")}
              type="number"
              inputMode="numeric"
              min={0}
              max={60}
              error={issue(errors?.graceDays?.message)}
              {...numberField("params.graceDays")}
            />
            <HundredthsField control={control} id="lateFee" name="params.lateFeeFen" label={t("lateFee")} prefix="¥" error={errors?.lateFeeFen} />
            <HundredthsField
              control={control}
              id="lateFeeCap"
              name="params.lateFeeCapBps"
              label={t("lateFeeCap")}
              suffix="%"
              error={errors?.lateFeeCapBps}
            />
          </div>
          <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
            <input type="checkbox" className="size-5" {...register("params.suspendWhileOverdue")} />
            {t("suspendWhileOverdue")}
          </label>
        </Fieldset>

        <Fieldset legend={t("merchantApi")} hint={t("merchantApiHint")}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              id="authorizationWindowDays"
              label={t("authorizationWindowDays")}
              type="number"
              inputMode="numeric"
              min={1}
              max={30}
              error={issue(errors?.authorizationWindowDays?.message)}
              {...numberField("params.authorizationWindowDays")}
            />
          </div>
        </Fieldset>

        <Fieldset legend={t("extension")} hint={t("extensionHint")}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              id="extensionMaxDays"
              label={t("extensionMaxDays")}
              type="number"
              inputMode="numeric"
              min={0}
              max={60}
              error={issue(errors?.extensionMaxDays?.message)}
              {...numberField("params.extensionMaxDays")}
            />
            <HundredthsField
              control={control}
              id="extensionFee"
              name="params.extensionFeeFen"
              label={t("extensionFeeFen")}
              prefix="¥"
              error={errors?.extensionFeeFen}
            />
          </div>
        </Fieldset>

        <Fieldset legend={t("effects")} hint={t("effectsHint", { min: SCORE_MIN, max: SCORE_MAX })}>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              id="onTimeBonus"
              label={t("onTime")}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              error={issue(errors?.onTimeBonus?.message)}
              {...numberField("params.onTimeBonus")}
            />
            <Field
              id="overduePenalty"
              label={t("goesOverdue")}
              type="number"
              inputMode="numeric"
              min={0}
              max={300}
              error={issue(errors?.overduePenalty?.message)}
              {...numberField("params.overduePenalty")}
            />
            <Field
              id="overdue30Penalty"
              label={t("overdue30")}
              type="number"
              inputMode="numeric"
              min={0}
              max={300}
              error={issue(errors?.overdue30Penalty?.message)}
              {...numberField("params.overdue30Penalty")}
            />
          </div>
        </Fieldset>

        {/* On narrow screens the what-if sits just above the note and the save button. */}
        <WhatIfPanel control={control} current={current} id="what-if-inline" className="lg:hidden" />

        <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <TextAreaField
            id="note"
            label={t("note")}
            hint={t("noteHint")}
            rows={2}
            maxLength={500}
            error={issue(formState.errors.note?.message)}
            {...register("note")}
          />
          {confirming ? (
            <ConfirmAction confirmLabel={t("confirmSave")} onConfirm={confirmSave} onCancel={() => setConfirming(null)} pending={save.isPending}>
              <p className="font-medium">{t("askSave", { version: current.version + 1 })}</p>
              {changes.length > 0 ? (
                <ul className="mt-2 list-disc pl-5">
                  {changes.map((c) => (
                    <li key={c.key}>
                      {c.label}
                      {tw("colon")}
                      {c.before ?? "—"} → {c.after ?? tw("removed")}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1">{t("noDifference")}</p>
              )}
            </ConfirmAction>
          ) : (
            <Button type="submit">{t("save")}</Button>
          )}
        </div>
      </form>
      <div className="hidden lg:sticky lg:top-4 lg:block lg:self-start">
        <WhatIfPanel control={control} current={current} />
      </div>
    </div>
  );
}
