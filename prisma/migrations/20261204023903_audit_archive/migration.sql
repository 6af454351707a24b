-- Hand-written: the 操作日志 viewer's order and the audit archive's exception to append-only.

-- The viewer lists rows newest first, keyset-paginated on ("at" DESC, "id" DESC), and the archive
-- job walks rows older than the retention window in ("at", "id") order. The existing indexes all
-- lead with another column (actorType/actorId, action, regionCode): none gives that order for a
-- province auditor's unfiltered view or for a region scope (a prefix, i.e. many regionCodes), so
-- PostgreSQL would sort the whole table for each page. This one is scanned backwards for the
-- viewer and forwards for the archive. (schema.prisma: @@index([at, id]) names it the same.)
CREATE INDEX "AuditEvent_at_id_idx" ON "AuditEvent"("at", "id");

-- AuditEvent stays append-only (init migration) with one narrow exception: the audit-archive job
-- (lib/audit/retention.ts) may DELETE rows it has just written to object storage, and only
--   * inside a transaction that set `kuaiji.audit_archive` (SET LOCAL / set_config(…, true)) to
--     the archive file's key, audit-archive/YYYY/MM/<firstId>-<lastId>.ndjson.gz, and the row's
--     id lies in that file's id range;
--   * when `kuaiji.audit_archive_before` is set to the job's cutoff, the row is older than it,
--     and the cutoff itself is at least 180 days back: 网络安全法 第二十一条 requires network logs
--     to be kept no less than six months, whatever KUAIJI_AUDIT_RETENTION_DAYS says.
-- UPDATE and TRUNCATE are always refused, and so is any DELETE without both settings.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    id_range text[];
    cutoff timestamptz;
BEGIN
    IF TG_OP = 'DELETE' THEN
        id_range := regexp_match(
            coalesce(current_setting('kuaiji.audit_archive', true), ''),
            '^audit-archive/[0-9]{4}/[0-9]{2}/([0-9]{1,18})-([0-9]{1,18})\.ndjson\.gz$');
        cutoff := nullif(current_setting('kuaiji.audit_archive_before', true), '')::timestamptz;
        IF id_range IS NOT NULL
           AND cutoff IS NOT NULL
           AND cutoff <= now() - interval '180 days'
           AND OLD."at" < cutoff
           AND OLD."id" BETWEEN id_range[1]::bigint AND id_range[2]::bigint THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION '审计日志只允许追加 / AuditEvent is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
