-- 账号申诉 fixes: the account's phone at 提交 (a decision refuses once it differs), the photos'
-- retention after the decision.
ALTER TABLE "AccountAppeal" ADD COLUMN "accountPhone" VARCHAR(20);
ALTER TABLE "AccountAppeal" ADD COLUMN "photosPurgedAt" TIMESTAMPTZ(3);
CREATE INDEX "AccountAppeal_decidedAt_idx" ON "AccountAppeal"("decidedAt");

-- Appeals awaiting review were submitted against the account's phone as it stands.
UPDATE "AccountAppeal" a SET "accountPhone" = p.phone
FROM "Person" p WHERE a."personId" = p.id AND a.state = 'pending';
