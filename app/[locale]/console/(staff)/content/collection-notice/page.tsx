import type { Metadata } from "next";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { RoleDenied } from "@/components/console/role-denied";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { contentForEdit } from "@/lib/content/content-admin";
import { DEFAULT_CONTENT_REGION } from "@/lib/content/content-blocks";
import { db } from "@/lib/db/client";
import { regionName } from "@/lib/region/divisions";
import { staffActor } from "@/lib/staff/staff-session";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { CollectionNoticeForm } from "./content-form";
import { ResetCollectionNoticeButton } from "./reset-button";

export const metadata: Metadata = { title: "采集须知 · 财政部门" };

// 采集须知: the text people read before 信息采集. An office's own text applies to its region and
// below unless a lower office has its own; without one, the upper office's (or the platform's).

const whose = (regionCode: string) =>
  regionCode === DEFAULT_CONTENT_REGION
    ? "平台默认文本"
    : `${regionName(regionCode, "") ?? regionCode}的文本`;

export default async function CollectionNoticeContentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("staff-admin", "采集须知");
  if ("denied" in staff) return staff.denied;
  const edit = await contentForEdit(db, staffActor(staff), "collection-notice");
  if (!edit) return <RoleDenied title="采集须知" />;
  const saved = (await searchParams).done === "saved";
  const region = regionName(edit.regionCode, "") ?? edit.regionCode;
  const applied = edit.applied;

  return (
    <div className="min-w-0 space-y-4">
      <h1 className="text-2xl font-semibold">采集须知</h1>
      {saved && (
        <Alert variant="success">
          <AlertDescription>
            已保存。{region}及下级地区的会计人员信息采集将显示新的须知。
          </AlertDescription>
        </Alert>
      )}
      <p className="text-sm text-muted-foreground">
        会计人员信息采集的第一步“阅读须知”显示这里的文本。您保存的文本适用于{region}
        及下级地区（下级财政部门另有文本的除外）。
      </p>
      <p className="text-sm">
        {edit.own
          ? `${region}目前使用本地区的文本，最后修改于 ${formatBeijingDateTime(edit.own.updatedAt)}。`
          : `${region}目前使用${applied ? whose(applied.regionCode) : "平台默认文本"}；保存后改用本地区的文本。`}
      </p>
      {edit.own && <ResetCollectionNoticeButton />}
      <CollectionNoticeForm
        initial={
          edit.own
            ? { title: edit.own.title, body: edit.own.body }
            : {
                title: applied?.title ?? "会计人员信息采集须知",
                body: applied?.paragraphs.join("\n") ?? "",
              }
        }
      />
    </div>
  );
}
