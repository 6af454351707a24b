-- AlterTable
ALTER TABLE "Person" DROP COLUMN "failedLogins",
DROP COLUMN "lockedUntil";

-- AlterTable
ALTER TABLE "SmsCode" ADD COLUMN     "delivered" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "idNumberIndex" VARCHAR(64) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("idNumberIndex")
);

-- CreateIndex
CREATE INDEX "LoginThrottle_updatedAt_idx" ON "LoginThrottle"("updatedAt");
