"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { AttachmentField } from "@/components/collection/attachment-field";
import { CountyPicker } from "@/components/transfer/county-picker";
import { lazySchema } from "@/components/form/form-schema";
import { useNestedForm } from "@/components/form/use-nested-form";
import { useSourceText } from "@/components/i18n/use-source-text";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import type { JurisdictionRegions } from "@/lib/region/jurisdiction-regions";
import { MAX_REASON_LENGTH, MAX_TRANSFER_ATTACHMENTS } from "@/lib/transfer/schemas/out-limits";
import { applyOutAction, destinationRegionsAction } from "../actions";
import { withPageOwner } from "@/components/session/session-events";

interface Values extends Record<string, unknown> {
  destMember: string;
  destRegionCode: string;
  reason: string;
  attachmentIds: string[];
}

const SCHEMA = lazySchema(() =>
  import("@/lib/transfer/schemas/out-application").then((m) => m.outApplicationSchema),
);

const EMPTY: Values = { destMember: "", destRegionCode: "", reason: "", attachmentIds: [] };

export function OutForm({
  members,
  storageKey,
}: {
  members: { code: string; name: string }[];
  storageKey: string;
}) {
  const t = useTranslations("AccountTransfer");
  const router = useRouter();
  const form = useNestedForm(SCHEMA, EMPTY, { storageKey });
  // useNestedForm keeps the domain's Chinese: shown here in the reader's language.
  const sourceText = useSourceText();
  const error = (path: string) => {
    const message = form.error(path);
    return message === undefined ? undefined : sourceText(message);
  };
  const [pending, start] = useTransition();
  const values = form.values as Values;
  const files = values.attachmentIds;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    form.whenValid(() =>
      start(async () => {
        const r = await applyOutAction(withPageOwner(values));
        if (r.ok) {
          form.markSaved(0);
          router.push("/account/transfer?applied=1");
          return;
        }
        form.setServerErrors(r.fieldErrors, r.formError);
      }),
    );
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
        memberError={error("destMember")}
        regionError={error("destRegionCode")}
      />
      <FormField
        id="reason"
        label={t("reason")}
        required
        error={error("reason")}
        hint={t("reasonCount", { count: values.reason.length, max: MAX_REASON_LENGTH })}
      >
        <Textarea
          {...fieldAria("reason", error("reason"), { hint: true })}
          value={values.reason}
          maxLength={MAX_REASON_LENGTH}
          onChange={(e) => form.set("reason", e.target.value)}
          onBlur={() => form.blur("reason")}
          placeholder={t("reasonPlaceholder")}
        />
      </FormField>
      <fieldset className="min-w-0 space-y-3">
        <legend className="font-medium">
          {t("attachments")} <span className="text-destructive">*</span>
        </legend>
        <ul className="list-inside list-decimal space-y-1 text-sm text-muted-foreground">
          <li>{t("attachmentEmployed")}</li>
          <li>{t("attachmentUnemployed")}</li>
          <li>{t("attachmentFormat", { max: MAX_TRANSFER_ATTACHMENTS })}</li>
        </ul>
        {[...files, ...(files.length < MAX_TRANSFER_ATTACHMENTS ? [""] : [])].map((id, i) => (
          <AttachmentField
            key={id || `new-${i}`}
            id={`attachmentIds.${i}`}
            label={t("attachmentN", { n: i + 1 })}
            kind="transfer-proof"
            required={i === 0}
            value={id || undefined}
            onChange={(next) => {
              const list = [...files];
              if (next) list[i] = next;
              else list.splice(i, 1);
              form.set("attachmentIds", list);
            }}
            error={error(`attachmentIds.${i}`) ?? (i === 0 ? error("attachmentIds") : undefined)}
          />
        ))}
      </fieldset>
      {form.formError && (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{sourceText(form.formError)}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Button type="button" variant="outline" onClick={() => router.push("/account/transfer")}>
          {t("cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && <Spinner />}
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

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
  const t = useTranslations("AccountTransfer");
  const sourceText = useSourceText();
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
        else {
          const refusal = r.formError ?? r.fieldErrors.destMember;
          setLoadError(refusal ? sourceText(refusal) : t("regionsFailed"));
        }
      },
      () => live && setLoadError(t("regionsFailed")),
    );
    return () => {
      live = false;
    };
  }, [member, sourceText, t]);

  return (
    <div className="space-y-4">
      <FormField id="destMember" label={t("destMember")} required error={memberError ?? loadError}>
        <NativeSelect
          {...fieldAria("destMember", memberError ?? loadError)}
          placeholder={t("chooseMember")}
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
        label={t("destRegion")}
        hint={t("destRegionHint")}
        waiting={t("chooseMemberFirst")}
        regions={table}
        value={region}
        onChange={onRegion}
        error={regionError}
      />
    </div>
  );
}
