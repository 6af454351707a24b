-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "transferState" VARCHAR(20);

-- CreateTable
CREATE TABLE "CeCredit" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" VARCHAR(30) NOT NULL,
    "category" VARCHAR(20) NOT NULL,
    "credits" DECIMAL(5,1) NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "evidenceId" UUID,
    "reviewReason" VARCHAR(500),
    "reviewedBy" VARCHAR(64),
    "reviewedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CeCredit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CeCredit_personId_year_idx" ON "CeCredit"("personId", "year");

-- CreateIndex
CREATE INDEX "CeCredit_regionCode_state_idx" ON "CeCredit"("regionCode", "state");

-- AddForeignKey
ALTER TABLE "CeCredit" ADD CONSTRAINT "CeCredit_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CeCredit" ADD CONSTRAINT "CeCredit_evidenceId_fkey" FOREIGN KEY ("evidenceId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
