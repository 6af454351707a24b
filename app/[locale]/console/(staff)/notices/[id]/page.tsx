import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaffRole } from "@/components/console/require-staff-role";
import { NoticeBody } from "@/components/notice/notice-body";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { db } from "@/lib/db/client";
import { noticeForEdit } from "@/lib/notice/notice-admin";
import { canApply, isPublic, noticeStateLabel } from "@/lib/notice/notice-states";
import { editableNoticeBody, noticeBodyForDisplay } from "@/lib/notice/sanitise";
import { regionName } from "@/lib/region/divisions";
import { staffActor } from "@/lib/staff/staff-session";
import { formatBeijingDateTime } from "@/lib/time/beijing";
import { NoticeEditor } from "../notice-editor";
import { PublishForm } from "./publish-form";
import { WithdrawNoticeButton } from "./withdraw-button";

export const metadata: Metadata = { title: "公告 · 财政部门" };

// One notice of the staff member's region or below (outside it: 404, like a missing one): the
// editor while it may be changed, 发布 for a draft, 撤回 for a published one.

export default async function NoticeEditPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const staff = await requireStaffRole("staff-admin", "通知公告");
  if ("denied" in staff) return staff.denied;
  const notice = await noticeForEdit(db, staffActor(staff), (await params).id);
  if (!notice) notFound();
  const saved = (await searchParams).done === "saved";
  const now = new Date();
  const html = noticeBodyForDisplay(notice.body);

  return (
    <div className="min-w-0 space-y-4">
      <Link href="/console/notices" className="text-sm text-primary hover:underline">
        返回通知公告
      </Link>
      <h1 className="text-2xl font-semibold break-words">{notice.title}</h1>
      {saved && (
        <Alert variant="success">
          <AlertDescription>
            已保存。{isPublic(notice, now) ? "门户网站已显示修改后的内容。" : ""}
          </AlertDescription>
        </Alert>
      )}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">状态</dt>
        <dd>{noticeStateLabel(notice, now)}</dd>
        <dt className="text-muted-foreground">发布地区</dt>
        <dd>{regionName(notice.regionCode, "") ?? notice.regionCode}</dd>
        {notice.publishedAt && (
          <>
            <dt className="text-muted-foreground">发布时间</dt>
            <dd>{formatBeijingDateTime(notice.publishedAt)}</dd>
          </>
        )}
        {notice.withdrawnAt && (
          <>
            <dt className="text-muted-foreground">撤回时间</dt>
            <dd>{formatBeijingDateTime(notice.withdrawnAt)}</dd>
          </>
        )}
      </dl>
      {isPublic(notice, now) && (
        <p className="text-sm">
          <Link href={`/notices/${notice.id}`} className="text-primary hover:underline">
            在门户网站查看
          </Link>
        </p>
      )}

      {canApply(notice.status, "publish") && (
        <section aria-labelledby="publish" className="space-y-3 rounded-md border p-4">
          <h2 id="publish" className="text-lg font-semibold">
            发布
          </h2>
          <p className="text-sm text-muted-foreground">发布的是已保存的内容，请先保存修改。</p>
          <PublishForm id={notice.id} title={notice.title} />
        </section>
      )}
      {canApply(notice.status, "withdraw") && (
        <section aria-labelledby="withdraw" className="space-y-2 rounded-md border p-4">
          <h2 id="withdraw" className="text-lg font-semibold">
            撤回
          </h2>
          <p className="text-sm text-muted-foreground">
            撤回后门户网站不再显示该公告；如需再次发布，请新建公告。
          </p>
          <WithdrawNoticeButton id={notice.id} title={notice.title} />
        </section>
      )}

      {canApply(notice.status, "edit") ? (
        <section aria-labelledby="edit" className="space-y-3 border-t pt-4">
          <h2 id="edit" className="text-lg font-semibold">
            修改
          </h2>
          <NoticeEditor
            id={notice.id}
            initial={{ title: notice.title, body: editableNoticeBody(notice.body) }}
            initialHtml={html}
          />
        </section>
      ) : (
        <section aria-labelledby="body" className="space-y-2 border-t pt-4">
          <h2 id="body" className="text-lg font-semibold">
            正文
          </h2>
          <NoticeBody html={html} />
        </section>
      )}
    </div>
  );
}
