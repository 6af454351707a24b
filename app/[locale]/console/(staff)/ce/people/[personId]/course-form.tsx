"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import {
  NestedRadios,
  NestedSelect,
  NestedText,
  NestedYear,
} from "@/components/form/nested-fields";
import { useNestedForm } from "@/components/form/use-nested-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { CE_CATEGORIES, type CeClaimContext, MAX_COURSE_CREDITS } from "@/lib/ce/credit-kinds";
import { recordCourseAction } from "./actions";
import { COURSE_STATUS, courseFormSchema } from "./course.validation";

/**
 * 登记课程学分: one provider course after another. A saved course clears the form for the next
 * and shows which was saved; a refused one keeps everything typed (also across a reload).
 */
export function CourseForm({ personId, context }: { personId: string; context: CeClaimContext }) {
  const [round, setRound] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {saved && (
        <Alert variant="success">
          <AlertDescription>已登记：{saved}</AlertDescription>
        </Alert>
      )}
      <CourseFields
        key={round}
        personId={personId}
        context={context}
        onSaved={(title) => {
          setSaved(title);
          setRound((r) => r + 1);
        }}
      />
    </div>
  );
}

function CourseFields({
  personId,
  context,
  onSaved,
}: {
  personId: string;
  context: CeClaimContext;
  onSaved: (title: string) => void;
}) {
  const router = useRouter();
  const schema = useMemo(() => courseFormSchema(context), [context]);
  const form = useNestedForm<Record<string, unknown>>(
    schema,
    { year: context.today.slice(0, 4), category: "", status: "completed" },
    { storageKey: `kuaiji:console:course:${personId}` },
  );
  const [pending, start] = useTransition();

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    start(async () => {
      const r = await recordCourseAction({
        ...form.values,
        personId,
        status: String(form.values.status) as "completed" | "enrolled",
      });
      if (r.ok) {
        form.markSaved(0);
        onSaved(String(form.values.courseName ?? ""));
        router.refresh();
        return;
      }
      form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-4">
      <NestedYear form={form} path="year" label="学习年度" hint="学分只计入所属年度" />
      <NestedText form={form} path="courseName" label="课程名称" maxLength={100} />
      <NestedText form={form} path="provider" label="培训机构" maxLength={100} />
      <NestedSelect form={form} path="category" label="科目类别" options={CE_CATEGORIES.options} />
      <NestedText
        form={form}
        path="credits"
        label="学分"
        inputMode="decimal"
        maxLength={5}
        className="max-w-40"
        hint={`按培训机构认定的学分填写，不超过${MAX_COURSE_CREDITS}，最多一位小数`}
      />
      <NestedRadios form={form} path="status" label="学习状态" options={COURSE_STATUS.options} />
      {form.formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{form.formError}</AlertDescription>
        </Alert>
      )}
      <Button type="submit" disabled={pending}>
        {pending && <Spinner />}
        登记
      </Button>
    </form>
  );
}
