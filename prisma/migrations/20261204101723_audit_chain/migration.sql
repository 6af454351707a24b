-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "hash" VARCHAR(64),
ADD COLUMN     "prevHash" VARCHAR(64);

-- CreateTable
CREATE TABLE "AuditChainHead" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "seq" BIGINT NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    "prunedSeq" BIGINT NOT NULL,
    "prunedHash" VARCHAR(64) NOT NULL,

    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainSeq_key" ON "AuditEvent"("chainSeq");
-- ---------------------------------------------------------------------------------------------
-- Hand-written (issue 12, 12): the audit log as a hash chain, and the runtime role kept out of it.
--
-- Each AuditEvent row is chained to the one before it: "chainSeq" numbers the rows 1, 2, 3, … in
-- the order the chain received them, "prevHash" is the previous row's "hash", and "hash" is the
-- sha256 of the row's canonical encoding (audit_event_hash below; lib/audit/chain.ts computes
-- the same bytes in TypeScript, and `npm run audit:verify` recomputes every link from the rows).
--
-- Order: a BEFORE INSERT trigger locks the one row of "AuditChainHead" (FOR UPDATE), takes the
-- next number and the last hash, and moves the head on. The row lock is held until the inserting
-- transaction ends, so a second writer waits at its first audit row until the first commits or
-- rolls back: "chainSeq" is dense and gapless, and its order is the commit order of the
-- transactions that wrote audit rows. "id" is not: the BIGSERIAL default is taken before the
-- trigger runs, so two concurrent transactions may commit in the opposite order of their ids.
-- Verification therefore walks "chainSeq", never "id".
--
-- Trust: the functions are SECURITY DEFINER, owned by the role that runs migrations. The
-- application's role (scripts/db/app-role.ts) holds INSERT and SELECT on "AuditEvent", SELECT on
-- "AuditChainHead" and nothing more: it cannot UPDATE, DELETE or TRUNCATE audit rows, move the
-- head, or — not being the owner — ALTER the table or DISABLE its triggers. Pruning old rows
-- goes through audit_chain_prune, which deletes only a due prefix of the chain and records the
-- anchor the remaining chain starts from.
-- ---------------------------------------------------------------------------------------------

ALTER TABLE "AuditChainHead" ADD CONSTRAINT "AuditChainHead_one_row" CHECK ("id" = 1);

-- The encoding of one field: its UTF-8 byte length, a colon and the text; "-" for NULL. Length
-- prefixes make the concatenation unambiguous without escaping anything.
CREATE FUNCTION "audit_chain_field"(v text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog
AS $$
    SELECT CASE WHEN v IS NULL THEN '-'
                ELSE octet_length(convert_to(v, 'UTF8'))::text || ':' || v END
$$;

-- The row's hash: version tag, chain position, previous hash, then every column of the row in a
-- fixed order ("at" as milliseconds since the epoch — the column keeps milliseconds; "details" in
-- jsonb's own canonical text). Keep lib/audit/chain.ts in step with this, byte for byte.
CREATE FUNCTION "audit_event_hash"(e public."AuditEvent") RETURNS varchar
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog
AS $$
    SELECT encode(sha256(convert_to(
        'kuaiji-audit-v1'
        || public.audit_chain_field(e."chainSeq"::text)
        || public.audit_chain_field(e."prevHash")
        || public.audit_chain_field(e."id"::text)
        || public.audit_chain_field(round(extract(epoch FROM e."at") * 1000)::bigint::text)
        || public.audit_chain_field(e."actorType")
        || public.audit_chain_field(e."actorId")
        || public.audit_chain_field(e."action")
        || public.audit_chain_field(e."outcome")
        || public.audit_chain_field(e."ip")
        || public.audit_chain_field(e."userAgent")
        || public.audit_chain_field(e."regionCode")
        || public.audit_chain_field(e."targetType")
        || public.audit_chain_field(e."targetId")
        || public.audit_chain_field(e."details"::text),
        'UTF8')), 'hex')
$$;

INSERT INTO "AuditChainHead" ("id", "seq", "hash", "prunedSeq", "prunedHash")
VALUES (1, 0, repeat('0', 64), 0, repeat('0', 64));

-- Rows written before this migration join the chain in id order (the only order they have).
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_no_update_delete";
DO $$
DECLARE
    r public."AuditEvent";
    n bigint := 0;
    h varchar := repeat('0', 64);
BEGIN
    FOR r IN SELECT * FROM public."AuditEvent" ORDER BY "id" LOOP
        n := n + 1;
        r."chainSeq" := n;
        r."prevHash" := h;
        h := public.audit_event_hash(r);
        UPDATE public."AuditEvent" SET "chainSeq" = n, "prevHash" = r."prevHash", "hash" = h
         WHERE "id" = r."id";
    END LOOP;
    UPDATE public."AuditChainHead" SET "seq" = n, "hash" = h WHERE "id" = 1;
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_no_update_delete";

-- The chain link of a new row. A row that arrives with its link already filled in keeps it only
-- when the connected (session) role is a member of the table's owner — `npm run restore` loading
-- a verified backup, whose chain and head come back exactly as they were; the application's role
-- never is, so whatever it sends is replaced.
CREATE FUNCTION "audit_event_chain"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog
AS $$
DECLARE
    head_seq bigint;
    head_hash varchar;
BEGIN
    IF NEW."hash" IS NOT NULL AND NEW."chainSeq" IS NOT NULL AND NEW."prevHash" IS NOT NULL
       AND pg_has_role(session_user,
                       (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'MEMBER') THEN
        RETURN NEW;
    END IF;
    SELECT h."seq", h."hash" INTO STRICT head_seq, head_hash
      FROM public."AuditChainHead" h WHERE h."id" = 1 FOR UPDATE;
    NEW."chainSeq" := head_seq + 1;
    NEW."prevHash" := head_hash;
    NEW."hash" := public.audit_event_hash(NEW);
    UPDATE public."AuditChainHead" SET "seq" = NEW."chainSeq", "hash" = NEW."hash" WHERE "id" = 1;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEvent_chain"
    BEFORE INSERT ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_chain"();

-- Append-only as before, with the archive's one exception now expressed in chain positions: a
-- DELETE passes only inside a transaction that set `kuaiji.audit_archive` to a file key naming
-- the chainSeq range (audit-archive/YYYY/MM/<firstSeq>-<lastSeq>.ndjson.gz) and
-- `kuaiji.audit_archive_before` to a cutoff at least 180 days back that the row is older than.
-- Only the owner holds DELETE at all; audit_chain_prune is how the job gets there.
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    seq_range text[];
    cutoff timestamptz;
BEGIN
    IF TG_OP = 'DELETE' THEN
        seq_range := regexp_match(
            coalesce(current_setting('kuaiji.audit_archive', true), ''),
            '^audit-archive/[0-9]{4}/[0-9]{2}/([0-9]{1,18})-([0-9]{1,18})\.ndjson\.gz$');
        cutoff := nullif(current_setting('kuaiji.audit_archive_before', true), '')::timestamptz;
        IF seq_range IS NOT NULL
           AND cutoff IS NOT NULL
           AND cutoff <= now() - interval '180 days'
           AND OLD."at" < cutoff
           AND OLD."chainSeq" BETWEEN seq_range[1]::bigint AND seq_range[2]::bigint THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION '审计日志只允许追加 / AuditEvent is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- The archive job's delete (lib/audit/retention.ts), callable by the application's role: rows
-- chainSeq first..last (named by the archive file's key) leave the table when they are the oldest
-- remaining rows of the chain, every one of them is older than `before`, and `before` is at least
-- 180 days back (网络安全法 第二十一条). The head remembers the last one's hash as the anchor the
-- remaining chain starts from, and an audit.archive row (chained like any other) records the
-- file, the range and that anchor. Returns the rows deleted: 0 when another run already took
-- this range.
CREATE FUNCTION "audit_chain_prune"(archive_key text, before timestamptz, manifest jsonb)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog
AS $$
DECLARE
    seq_range text[];
    first_seq bigint;
    last_seq bigint;
    head public."AuditChainHead";
    anchor varchar;
    deleted bigint;
BEGIN
    seq_range := regexp_match(coalesce(archive_key, ''),
        '^audit-archive/[0-9]{4}/[0-9]{2}/([0-9]{1,18})-([0-9]{1,18})\.ndjson\.gz$');
    IF seq_range IS NULL THEN
        RAISE EXCEPTION 'audit_chain_prune: % is not an archive key', archive_key;
    END IF;
    first_seq := seq_range[1]::bigint;
    last_seq := seq_range[2]::bigint;
    IF before IS NULL OR before > now() - interval '180 days' THEN
        RAISE EXCEPTION 'audit_chain_prune: the cutoff % is within 180 days', before;
    END IF;
    -- The head's lock also orders this against writers and against another run of the job.
    SELECT * INTO STRICT head FROM public."AuditChainHead" WHERE "id" = 1 FOR UPDATE;
    IF last_seq <= head."prunedSeq" THEN
        RETURN 0;
    END IF;
    IF first_seq <> head."prunedSeq" + 1 OR last_seq < first_seq OR last_seq > head."seq" THEN
        RAISE EXCEPTION 'audit_chain_prune: %-% is not the oldest part of the chain (pruned up to %)',
            first_seq, last_seq, head."prunedSeq";
    END IF;
    IF EXISTS (SELECT 1 FROM public."AuditEvent"
                WHERE "chainSeq" BETWEEN first_seq AND last_seq AND "at" >= before) THEN
        RAISE EXCEPTION 'audit_chain_prune: rows %-% are not all older than %',
            first_seq, last_seq, before;
    END IF;
    SELECT "hash" INTO anchor FROM public."AuditEvent" WHERE "chainSeq" = last_seq;
    PERFORM set_config('kuaiji.audit_archive', archive_key, true),
            set_config('kuaiji.audit_archive_before', before::text, true);
    DELETE FROM public."AuditEvent" WHERE "chainSeq" BETWEEN first_seq AND last_seq;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    PERFORM set_config('kuaiji.audit_archive', '', true),
            set_config('kuaiji.audit_archive_before', '', true);
    IF anchor IS NULL OR deleted <> last_seq - first_seq + 1 THEN
        RAISE EXCEPTION 'audit_chain_prune: rows of %-% are missing; the chain is broken, nothing pruned',
            first_seq, last_seq;
    END IF;
    UPDATE public."AuditChainHead" SET "prunedSeq" = last_seq, "prunedHash" = anchor WHERE "id" = 1;
    INSERT INTO public."AuditEvent" ("actorType", "action", "outcome", "targetType", "targetId", "details")
    VALUES ('system', 'audit.archive', 'success', 'audit-archive', first_seq || '-' || last_seq,
            coalesce(manifest, '{}'::jsonb) || jsonb_build_object(
                'deleted', deleted, 'firstSeq', first_seq::text, 'lastSeq', last_seq::text,
                'anchorHash', anchor));
    RETURN deleted;
END;
$$;

-- Who may do what, whatever roles exist: every role but the owner loses any write on the audit
-- tables (a grant made by default privileges when the init migration created them, say) and
-- keeps at most INSERT and SELECT on "AuditEvent" and SELECT on "AuditChainHead". Runs here and
-- again from `npm run db:app-role` after it grants the application's role its rights.
CREATE FUNCTION "audit_restrict_privileges"() RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
DECLARE
    g record;
BEGIN
    FOR g IN
        SELECT DISTINCT c.relname AS tbl,
               CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
          CROSS JOIN LATERAL aclexplode(c.relacl) a
         WHERE c.relname IN ('AuditEvent', 'AuditChainHead', '_prisma_migrations')
           AND a.grantee <> c.relowner
           AND a.privilege_type NOT IN ('SELECT', 'INSERT')
    LOOP
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON public.%I FROM %s',
                       g.tbl, g.grantee);
    END LOOP;
    FOR g IN
        SELECT DISTINCT c.relname AS tbl,
               CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
          CROSS JOIN LATERAL aclexplode(c.relacl) a
         WHERE c.relname IN ('AuditChainHead', '_prisma_migrations')
           AND a.grantee <> c.relowner AND a.privilege_type = 'INSERT'
    LOOP
        EXECUTE format('REVOKE INSERT ON public.%I FROM %s', g.tbl, g.grantee);
    END LOOP;
END;
$$;

SELECT "audit_restrict_privileges"();
