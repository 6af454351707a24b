"use client";

import { useRouter } from "next/navigation";
import { useMemo, useTransition } from "react";
import * as z from "zod/mini";
import { AttachmentField } from "@/components/collection/attachment-field";
import { NestedRadios, NestedText, NestedYear } from "@/components/form/nested-fields";
import { FormError } from "@/components/form/form-error";
import { type NestedForm, useNestedForm } from "@/components/form/use-nested-form";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Spinner } from "@/components/ui/spinner";
import {
  anyClaimSchema,
  type CeClaimContext,
  CE_CATEGORIES,
  CLAIM_KINDS,
  type ClaimKindCode,
  CREDIT_KIND_RULES,
  CREDIT_KINDS,
  creditsFor,
  type CreditInputs,
  CHOOSE_KIND,
  isClaimKind,
  MAX_CONFERENCE_DAYS,
  PAPER_AUTHORSHIPS,
} from "@/lib/ce/credit-kinds";
import { submitClaimAction } from "../actions";

/**
 * The claim's schema as the server runs it (anyClaimSchema, after the same "which kind" check as
 * submitClaim), wrapped so that one stable schema serves whichever kind is chosen: its issues keep
 * their paths ("year", "attachmentId"), exactly as the action reports them.
 */
function formSchema(context: CeClaimContext) {
  const claim = anyClaimSchema(context);
  return z.unknown().check(
    z.superRefine((values, issue) => {
      const kind = (values as { kind?: unknown } | null)?.kind;
      if (!isClaimKind(kind)) {
        issue.addIssue({ code: "custom", path: ["kind"], message: CHOOSE_KIND });
        return;
      }
      const r = claim.safeParse(values);
      if (!r.success) {
        for (const i of r.error.issues) {
          issue.addIssue({ code: "custom", path: i.path, message: i.message });
        }
      }
    }),
  );
}

const EVIDENCE_HINT: Record<ClaimKindCode, string> = {
  EXAM: "成绩合格证明或成绩单的照片或扫描件（JPG或PNG）",
  CONFERENCE: "会议通知及参会证明（如参会证、签到记录）的照片或扫描件",
  DEGREE_COURSE: "学校出具的课程成绩单或考核合格证明的照片或扫描件",
  PAPER: "刊物封面、目录及论文所在页的照片或扫描件",
};

/** The credits the typed claim would be worth, or null while it is not known yet. */
function expectedCredits(values: Record<string, unknown>): number | null {
  const kind = values.kind;
  if (!isClaimKind(kind)) return null;
  try {
    if (kind === "CONFERENCE") {
      const days = String(values.days ?? "").trim();
      if (!/^\d+$/.test(days)) return null;
      return creditsFor("CONFERENCE", { days: Number(days) });
    }
    return creditsFor(kind, values as unknown as CreditInputs[typeof kind]);
  } catch {
    return null;
  }
}

export function ClaimForm({
  context,
  storageKey,
}: {
  context: CeClaimContext;
  storageKey: string;
}) {
  const router = useRouter();
  const schema = useMemo(() => formSchema(context), [context]);
  const form = useNestedForm(schema, { kind: "", year: context.today.slice(0, 4) }, { storageKey });
  const { bindForm } = form;
  const [pending, start] = useTransition();
  const kind = isClaimKind(form.values.kind) ? form.values.kind : null;
  const credits = expectedCredits(form.values);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    start(async () => {
      const r = await submitClaimAction(form.values);
      if (r.ok) {
        form.markSaved(0);
        router.push("/account/ce?submitted=1");
        return;
      }
      form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <form ref={bindForm} noValidate onSubmit={submit} className="space-y-6">
      <KindChoice form={form} />
      {kind && (
        <fieldset className="min-w-0 space-y-4">
          <legend className="mb-2 font-medium">{CREDIT_KINDS.label(kind)}</legend>
          <KindFields form={form} kind={kind} />
          <AttachmentField
            id="attachmentId"
            label="证明材料"
            kind="ce-evidence"
            required
            hint={EVIDENCE_HINT[kind]}
            value={(form.get("attachmentId") as string | undefined) || undefined}
            onChange={(id) => form.set("attachmentId", id ?? "")}
            error={form.error("attachmentId")}
          />
          <p className="text-sm" aria-live="polite">
            {credits === null
              ? `学分计入${CE_CATEGORIES.label(categoryOf(kind))}，经财政部门认定后计入申报年度。`
              : `预计折算${credits}学分（${CE_CATEGORIES.label(categoryOf(kind))}），经财政部门认定后计入申报年度。`}
          </p>
        </fieldset>
      )}
      <FormError message={form.formError} form={form} />
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={() => router.push("/account/ce")}>
          取消
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner />}
          提交申报
        </Button>
      </div>
    </form>
  );
}

function categoryOf(kind: ClaimKindCode) {
  const c = CREDIT_KIND_RULES[kind].category;
  return c === "ENTERED" ? "PROFESSIONAL" : c;
}

/** 学分来源: the four kinds an accountant claims, each with its equivalence. */
function KindChoice({ form }: { form: NestedForm }) {
  const id = "kind";
  const error = form.error(id);
  const current = form.get(id);
  return (
    <FormField id={id} label="学分来源" required error={error} group>
      <RadioGroup
        {...fieldAria(id, error, { group: true })}
        value={isClaimKind(current) ? current : ""}
        onValueChange={(v) => form.set(id, v)}
        className="grid gap-2 sm:grid-cols-2"
      >
        {CLAIM_KINDS.map((k) => (
          <div key={k} className="flex items-start gap-2 rounded-md border p-3">
            <RadioGroupItem value={k} id={`${id}-${k}`} className="mt-0.5" />
            <Label htmlFor={`${id}-${k}`} className="grid min-w-0 gap-1 leading-snug">
              <span>{CREDIT_KINDS.label(k)}</span>
              <span className="text-xs font-normal text-muted-foreground">
                {CREDIT_KIND_RULES[k].equivalence}
              </span>
            </Label>
          </div>
        ))}
      </RadioGroup>
    </FormField>
  );
}

const YEAR_HINT = "学分只计入所属年度";

function KindFields({ form, kind }: { form: NestedForm; kind: ClaimKindCode }) {
  switch (kind) {
    case "EXAM":
      return (
        <>
          <NestedYear form={form} path="year" label="考试通过年度" hint={YEAR_HINT} />
          <NestedText
            form={form}
            path="examName"
            label="考试名称"
            maxLength={50}
            placeholder="如 全国会计专业技术资格考试"
          />
          <NestedText
            form={form}
            path="subject"
            label="通过科目"
            maxLength={50}
            hint="每通过一科申报一次"
          />
        </>
      );
    case "CONFERENCE":
      return (
        <>
          <NestedYear form={form} path="year" label="会议年度" hint={YEAR_HINT} />
          <NestedText form={form} path="name" label="会议名称" maxLength={100} />
          <NestedText form={form} path="organiser" label="主办单位" maxLength={100} />
          <NestedText
            form={form}
            path="days"
            label="会议天数"
            inputMode="numeric"
            maxLength={2}
            className="max-w-40"
            hint={`1至${MAX_CONFERENCE_DAYS}天，每天折算10学分`}
          />
        </>
      );
    case "DEGREE_COURSE":
      return (
        <>
          <NestedYear form={form} path="year" label="课程考核通过年度" hint={YEAR_HINT} />
          <NestedText form={form} path="school" label="学校名称" maxLength={100} />
          <NestedText form={form} path="major" label="所学专业" maxLength={50} />
          <NestedText form={form} path="courseName" label="课程名称" maxLength={100} />
        </>
      );
    case "PAPER":
      return (
        <>
          <NestedYear form={form} path="year" label="发表年度" hint={YEAR_HINT} />
          <NestedText form={form} path="title" label="论文题目" maxLength={200} />
          <NestedText form={form} path="journal" label="刊物名称" maxLength={100} />
          <NestedText
            form={form}
            path="serialNumber"
            label="国内统一刊号"
            maxLength={20}
            placeholder="CN 11-1234/F"
            hint="只有具有国内统一刊号（CN）的刊物可以申报"
          />
          <NestedRadios
            form={form}
            path="authorship"
            label="作者排序"
            options={PAPER_AUTHORSHIPS.options}
          />
        </>
      );
  }
}
