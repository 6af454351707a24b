-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "failedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "TransferOut" ADD COLUMN     "refusalReason" VARCHAR(500);

-- Hand-written: no plain 证件号码 or attachment in OutboxMessage any more. A transfer.submit's
-- body is composed when it is sent, from its TransferOut (lib/transfer/outbox-bodies.ts), so
-- the stored payload is empty; a file.register names the person (personId). A delivered row's
-- payload is never read again; an undelivered file.register written before this migration
-- holds only the number, which SQL cannot turn back into the person (the blind index needs the
-- key): it ends as failed, for an operator to see, rather than keep the number in clear.
UPDATE "OutboxMessage" SET payload = '{}'::jsonb WHERE kind = 'transfer.submit';
UPDATE "OutboxMessage" SET payload = '{}'::jsonb
WHERE kind = 'file.register' AND "deliveredAt" IS NOT NULL;
UPDATE "OutboxMessage"
SET payload = '{}'::jsonb, "failedAt" = CURRENT_TIMESTAMP,
    "lastError" = 'legacy payload with a plain ID number removed; the person''s file was not registered'
WHERE kind = 'file.register' AND "deliveredAt" IS NULL AND NOT (payload ? 'personId');
