-- Issue 12, 3: the mask plus the full birth date in clear gave the 证件号码 back (4401**********123X
-- and 1990-03-07 left one to three numbers). The person keeps only the birth year in clear (what
-- statistics and the search need); the full date is read from the encrypted number. Masks now
-- show the first 4 and the last 2 of 18+ characters (lib/identity/mask.ts: with region, year and
-- gender known about 3,300 numbers remain) — characters the old mask showed too, so every stored
-- mask is narrowed here in SQL, without decrypting: the person's, the search projection's, the
-- hub's, an 账号申诉's, and those inside archive versions and hub files.

-- AlterTable: the year first, from the date, then the date goes.
ALTER TABLE "Person" ADD COLUMN "birthYear" SMALLINT;
UPDATE "Person" SET "birthYear" = extract(year FROM "birthDate")::smallint
  WHERE "birthDate" IS NOT NULL;
ALTER TABLE "Person" DROP COLUMN "birthDate";

-- The new mask of a stored (old) mask: 18+ characters hide the 3rd and 4th from the end; a
-- stored value under 5 characters (none is valid) hides everything. Lengths 5–17 are unchanged.
CREATE FUNCTION "mask_narrowed_20261204"(masked text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN char_length(masked) >= 18
      THEN overlay(masked PLACING '**' FROM char_length(masked) - 3 FOR 2)
    WHEN char_length(masked) < 5 THEN repeat('*', char_length(masked))
    ELSE masked
  END
$$;

-- A snapshot's registration facts: the mask narrowed, the birth date replaced by its year.
CREATE FUNCTION "snapshot_person_narrowed_20261204"(person jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT (person - 'birthDate') || jsonb_build_object(
    'idNumberMasked', "mask_narrowed_20261204"(person->>'idNumberMasked'),
    'birthYear', CASE WHEN person->>'birthDate' ~ '^\d{4}-'
                      THEN substr(person->>'birthDate', 1, 4)::int END)
$$;

UPDATE "Person" SET "idNumberMasked" = "mask_narrowed_20261204"("idNumberMasked");
UPDATE "PersonSearch" SET "idNumberMasked" = "mask_narrowed_20261204"("idNumberMasked");
UPDATE "HubTransfer" SET "idNumberMasked" = "mask_narrowed_20261204"("idNumberMasked");
UPDATE "AccountAppeal" SET "idNumberMasked" = "mask_narrowed_20261204"("idNumberMasked");
UPDATE "HubTransfer"
  SET file = jsonb_set(file, '{snapshot,person}',
                       "snapshot_person_narrowed_20261204"(file #> '{snapshot,person}'))
  WHERE jsonb_typeof(file #> '{snapshot,person}') = 'object';

-- Archive versions are immutable (migration collection); this redaction is the one rewrite they
-- get, by the migration's owner role inside this migration's transaction: the trigger is off only
-- while the statements below run. What a version records does not change — the date is still in
-- the encrypted number, and the mask and the year read as before.
ALTER TABLE "ArchiveVersion" DISABLE TRIGGER "ArchiveVersion_no_update_delete";
UPDATE "ArchiveVersion"
  SET snapshot = jsonb_set(snapshot, '{person}',
                           "snapshot_person_narrowed_20261204"(snapshot->'person'))
  WHERE jsonb_typeof(snapshot->'person') = 'object';
-- A field change of the 证件号码 (none is expected: the number is immutable) holds masks too.
UPDATE "ArchiveVersion" v
  SET changes = (
    SELECT jsonb_agg(
             CASE WHEN e->>'path' = 'person.idNumberMasked'
                  THEN e || jsonb_build_object(
                         'before', "mask_narrowed_20261204"(e->>'before'),
                         'after', "mask_narrowed_20261204"(e->>'after'))
                  ELSE e END
             ORDER BY o)
    FROM jsonb_array_elements(v.changes) WITH ORDINALITY AS t(e, o))
  WHERE jsonb_typeof(v.changes) = 'array'
    AND v.changes @> '[{"path": "person.idNumberMasked"}]';
ALTER TABLE "ArchiveVersion" ENABLE TRIGGER "ArchiveVersion_no_update_delete";

DROP FUNCTION "snapshot_person_narrowed_20261204"(jsonb);
DROP FUNCTION "mask_narrowed_20261204"(text);
