-- AlterTable
ALTER TABLE "Staff" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "totpEnrolledAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpLastStep" INTEGER,
ADD COLUMN     "totpSecret" TEXT;

-- CreateTable
CREATE TABLE "StaffRecoveryCode" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "codeHash" VARCHAR(64) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffRecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSignIn" (
    "id" UUID NOT NULL,
    "staffId" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "pendingSecret" TEXT,
    "factorVerifiedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),
    "userAgent" VARCHAR(400),

    CONSTRAINT "StaffSignIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffRecoveryCode_staffId_codeHash_key" ON "StaffRecoveryCode"("staffId", "codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "StaffSignIn_tokenHash_key" ON "StaffSignIn"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSignIn_staffId_idx" ON "StaffSignIn"("staffId");

-- CreateIndex
CREATE INDEX "StaffSignIn_expiresAt_idx" ON "StaffSignIn"("expiresAt");

-- AddForeignKey
ALTER TABLE "StaffRecoveryCode" ADD CONSTRAINT "StaffRecoveryCode_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSignIn" ADD CONSTRAINT "StaffSignIn_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "Staff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: staff sessions opened before the second factor existed end now; their owners
-- sign in again with the new steps (password change where still initial, TOTP enrolment).
UPDATE "AuthSession" SET "revokedAt" = CURRENT_TIMESTAMP, "revokeReason" = 'second-factor-required'
WHERE "staffId" IS NOT NULL AND "revokedAt" IS NULL;
