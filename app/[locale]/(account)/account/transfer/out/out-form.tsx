"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { AttachmentField } from "@/components/collection/attachment-field";
import { CountyPicker } from "@/components/transfer/county-picker";
import { useNestedForm } from "@/components/form/use-nested-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { JurisdictionRegions } from "@/lib/region/jurisdiction-regions";
import {
  MAX_REASON_LENGTH,
  MAX_TRANSFER_ATTACHMENTS,
  outApplicationSchema,
} from "@/lib/transfer/schemas/out-application";
import { applyOutAction, destinationRegionsAction } from "../actions";

interface Values extends Record<string, unknown> {
  destMember: string;
  destRegionCode: string;
  reason: string;
  attachmentIds: string[];
}

const EMPTY: Values = { destMember: "", destRegionCode: "", reason: "", attachmentIds: [] };

export function OutForm({
  members,
  storageKey,
}: {
  members: { code: string; name: string }[];
  storageKey: string;
}) {
  const router = useRouter();
  const form = useNestedForm(outApplicationSchema, EMPTY, { storageKey });
  const [pending, start] = useTransition();
  const values = form.values as Values;
  const files = values.attachmentIds;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!form.validateAll()) return;
    start(async () => {
      const r = await applyOutAction(values);
      if (r.ok) {
        form.markSaved(0);
        router.push("/account/transfer?applied=1");
        return;
      }
      form.setServerErrors(r.fieldErrors, r.formError);
    });
  }

  return (
    <form noValidate onSubmit={submit} className="space-y-6">
      <Destination
        members={members}
        member={values.destMember}
        region={values.destRegionCode}
        onMember={(code) => {
          form.set("destMember", code);
          form.set("destRegionCode", "");
        }}
        onRegion={(code) => form.set("destRegionCode", code)}
        memberError={form.error("destMember")}
        regionError={form.error("destRegionCode")}
      />
      <FormField
        id="reason"
        label="调出理由"
        required
        error={form.error("reason")}
        hint={`${values.reason.length}/${MAX_REASON_LENGTH}字`}
      >
        <Textarea
          {...fieldAria("reason", form.error("reason"), { hint: true })}
          value={values.reason}
          maxLength={MAX_REASON_LENGTH}
          onChange={(e) => form.set("reason", e.target.value)}
          onBlur={() => form.blur("reason")}
          placeholder="如：工作调动至调入地单位"
        />
      </FormField>
      <fieldset className="min-w-0 space-y-3">
        <legend className="font-medium">
          调转附件 <span className="text-destructive">*</span>
        </legend>
        <ul className="list-inside list-decimal space-y-1 text-sm text-muted-foreground">
          <li>在职人员请上传调入地的工作证明；</li>
          <li>待业人员，请咨询调入地财政部门后，按照调入地财政部门要求上传相关调转证明；</li>
          <li>上传jpeg/jpg格式，每张大小不超过2M，最多{MAX_TRANSFER_ATTACHMENTS}张。</li>
        </ul>
        {[...files, ...(files.length < MAX_TRANSFER_ATTACHMENTS ? [""] : [])].map((id, i) => (
          <AttachmentField
            key={id || `new-${i}`}
            id={`attachmentIds.${i}`}
            label={`调转附件${i + 1}`}
            kind="transfer-proof"
            required={i === 0}
            value={id || undefined}
            onChange={(next) => {
              const list = [...files];
              if (next) list[i] = next;
              else list.splice(i, 1);
              form.set("attachmentIds", list);
            }}
            error={
              form.error(`attachmentIds.${i}`) ??
              (i === 0 ? form.error("attachmentIds") : undefined)
            }
          />
        ))}
      </fieldset>
      {form.formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{form.formError}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={() => router.push("/account/transfer")}>
          取消
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner />}
          保存
        </Button>
      </div>
    </form>
  );
}

const LOAD_FAILED = "地区列表加载失败，请检查网络后重新选择调入省份";

/** 调入地: the member (province, the Corps or a 计划单列市), then its city and county. */
function Destination({
  members,
  member,
  region,
  onMember,
  onRegion,
  memberError,
  regionError,
}: {
  members: { code: string; name: string }[];
  member: string;
  region: string;
  onMember: (code: string) => void;
  onRegion: (code: string) => void;
  memberError?: string;
  regionError?: string;
}) {
  const [regions, setRegions] = useState<{ member: string; data: JurisdictionRegions } | null>(
    null,
  );
  const [loadError, setLoadError] = useState<string | undefined>();
  const table = regions?.member === member ? regions.data : null;

  // The chosen member's table, fetched when the choice changes (also for a restored draft).
  useEffect(() => {
    if (!member) return;
    let live = true;
    destinationRegionsAction({ member }).then(
      (r) => {
        if (!live) return;
        if (r.ok) setRegions({ member, data: r.data });
        else setLoadError(r.formError ?? r.fieldErrors.destMember ?? LOAD_FAILED);
      },
      () => live && setLoadError(LOAD_FAILED),
    );
    return () => {
      live = false;
    };
  }, [member]);

  return (
    <div className="space-y-4">
      <FormField id="destMember" label="调入省份" required error={memberError ?? loadError}>
        <NativeSelect
          {...fieldAria("destMember", memberError ?? loadError)}
          placeholder="请选择调入省份"
          value={member}
          onChange={(e) => {
            setLoadError(undefined);
            onMember(e.target.value);
          }}
        >
          {members.map((m) => (
            <option key={m.code} value={m.code}>
              {m.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <CountyPicker
        id="destRegionCode"
        label="调入地区"
        hint="须选到区县；办理调入时须选择同一地区"
        regions={table}
        value={region}
        onChange={onRegion}
        error={regionError}
      />
    </div>
  );
}
