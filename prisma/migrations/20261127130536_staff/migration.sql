-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN     "staffId" UUID,
ALTER COLUMN "personId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "Staff" (
    "id" UUID NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "regionCode" VARCHAR(6) NOT NULL,
    "roles" TEXT[],
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Staff_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Staff_username_key" ON "Staff"("username");

-- CreateIndex
CREATE INDEX "Staff_regionCode_idx" ON "Staff"("regionCode");

-- CreateIndex
CREATE INDEX "AuthSession_staffId_idx" ON "AuthSession"("staffId");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: a session belongs to exactly one kind of user, so a staff session id can never be
-- read as an accountant's and the other way round.
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_one_owner"
  CHECK (("personId" IS NULL) <> ("staffId" IS NULL));
