-- ---------------------------------------------------------------------------------------------
-- Hand-written: the audit chain is linked at COMMIT, not at the insert.
--
-- Until now a BEFORE INSERT trigger locked the one row of "AuditChainHead" at a transaction's
-- first audit row and held it until the transaction ended. A transaction that wrote an audit row
-- and then waited for a row lock (SELECT … FOR UPDATE on a Person, an UPDATE) deadlocked with one
-- that held that row and then wrote its audit row — PostgreSQL aborted one (系统繁忙) — and every
-- audited transaction was serialised from its first audit row on, its other work included.
--
-- Now the insert only lands the row, its link ("chainSeq", "prevHash", "hash") NULL. A constraint
-- trigger, DEFERRABLE INITIALLY DEFERRED, fires for each such row when its transaction commits —
-- after every statement of the transaction, so after every row lock it takes — and links it under
-- the head's row lock: the next number, the previous hash, the row's hash. Deferred row triggers
-- fire in the order their events were queued, so a transaction's rows are linked in the order it
-- inserted them. The head's lock is held from the first link to the end of the commit, and the
-- next committing transaction reads the head only after that: "chainSeq" stays dense, gapless and
-- in commit order, and one transaction's rows stay together. A transaction that rolls back never
-- touches the head. Inside an open transaction its own new rows are unlinked (no one else sees
-- them); every committed row is linked.
--
-- The link is filled in with an UPDATE, the only one "AuditEvent_no_update_delete" lets through:
-- made by the owner (the SECURITY DEFINER link function), announced by a transaction-local setting
-- naming the row (set and cleared around that one statement), of a row whose link is still empty,
-- to exactly the head's next position, previous hash and the row's own hash, every other column
-- unchanged. The application's role holds no UPDATE on "AuditEvent" at all, so setting the
-- setting itself gets it nothing; an owner who forges it can at most fill an unlinked row with
-- the link it would have got, without moving the head — and that transaction's commit then fails.
--
-- Restore (a member of the owner role loading rows whose link is filled in) is unchanged: such a
-- row keeps its link and is not queued for linking. The trigger that links keeps the old trigger's
-- name, "AuditEvent_chain": switching it off still means "rows without a place in the chain".
-- ---------------------------------------------------------------------------------------------

DROP TRIGGER "AuditEvent_chain" ON "AuditEvent";
DROP FUNCTION "audit_event_chain"();

-- A new row: its link is cleared, unless a member of the table's owner role (a restore of a
-- verified backup) sends a complete one; the application's role never is, so what it sends goes.
CREATE FUNCTION "audit_event_arrival"() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
BEGIN
    IF NEW."hash" IS NOT NULL AND NEW."chainSeq" IS NOT NULL AND NEW."prevHash" IS NOT NULL
       AND pg_has_role(session_user,
                       (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'MEMBER') THEN
        RETURN NEW;
    END IF;
    NEW."chainSeq" := NULL;
    NEW."prevHash" := NULL;
    NEW."hash" := NULL;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "AuditEvent_chain_arrival"
    BEFORE INSERT ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "audit_event_arrival"();

-- At commit, for each unlinked row in insertion order: the head's lock, the link, the head moved.
CREATE FUNCTION "audit_event_link"() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog
AS $$
DECLARE
    head public."AuditChainHead";
    r public."AuditEvent";
    linked bigint;
BEGIN
    SELECT * INTO STRICT head FROM public."AuditChainHead" WHERE "id" = 1 FOR UPDATE;
    r := NEW;
    r."chainSeq" := head."seq" + 1;
    r."prevHash" := head."hash";
    r."hash" := public.audit_event_hash(r);
    PERFORM set_config('kuaiji.audit_chain_link', NEW."id"::text, true);
    UPDATE public."AuditEvent"
       SET "chainSeq" = r."chainSeq", "prevHash" = r."prevHash", "hash" = r."hash"
     WHERE "id" = NEW."id" AND "chainSeq" IS NULL;
    GET DIAGNOSTICS linked = ROW_COUNT;
    PERFORM set_config('kuaiji.audit_chain_link', '', true);
    IF linked <> 1 THEN
        RAISE EXCEPTION 'audit_event_link: row % changed or vanished before it was linked', NEW."id";
    END IF;
    UPDATE public."AuditChainHead" SET "seq" = r."chainSeq", "hash" = r."hash" WHERE "id" = 1;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER "AuditEvent_chain"
    AFTER INSERT ON "AuditEvent"
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW
    WHEN (NEW."chainSeq" IS NULL)
    EXECUTE FUNCTION "audit_event_link"();

-- Append-only as before (the archive's DELETE exception unchanged), with the link's fill-in as the
-- one UPDATE: every condition below must hold, the setting alone proves nothing (anyone may set a
-- custom setting); current_user is the owner only inside the owner's SECURITY DEFINER functions
-- (or for the owner itself, who could switch this trigger off anyway).
CREATE OR REPLACE FUNCTION "audit_event_append_only"() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog
AS $$
DECLARE
    seq_range text[];
    cutoff timestamptz;
    head public."AuditChainHead";
BEGIN
    IF TG_OP = 'UPDATE'
       AND current_setting('kuaiji.audit_chain_link', true) = OLD."id"::text
       AND (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID)
           = (SELECT a.oid FROM pg_roles a WHERE a.rolname = current_user)
       AND OLD."chainSeq" IS NULL AND OLD."prevHash" IS NULL AND OLD."hash" IS NULL
       AND to_jsonb(NEW) - '{chainSeq,prevHash,hash}'::text[]
           = to_jsonb(OLD) - '{chainSeq,prevHash,hash}'::text[] THEN
        SELECT * INTO STRICT head FROM public."AuditChainHead" WHERE "id" = 1;
        IF NEW."chainSeq" = head."seq" + 1 AND NEW."prevHash" = head."hash"
           AND NEW."hash" = public.audit_event_hash(NEW) THEN
            RETURN NEW;
        END IF;
    END IF;
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
