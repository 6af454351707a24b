-- CreateTable
CREATE TABLE "FinanceOfficeContact" (
    "id" UUID NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "officeName" VARCHAR(100) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "address" VARCHAR(200) NOT NULL,
    "hours" VARCHAR(100) NOT NULL DEFAULT '',
    "updatedBy" UUID,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FinanceOfficeContact_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FinanceOfficeContact_regionCode_key" ON "FinanceOfficeContact"("regionCode");