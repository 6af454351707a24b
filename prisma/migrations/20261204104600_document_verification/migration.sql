-- CreateTable
CREATE TABLE "DocumentVerification" (
    "id" UUID NOT NULL,
    "codeHash" VARCHAR(64) NOT NULL,
    "personId" UUID NOT NULL,
    "kind" VARCHAR(20) NOT NULL,
    "archiveId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "ceYear" INTEGER,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DocumentVerification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVerification_codeHash_key" ON "DocumentVerification"("codeHash");

-- CreateIndex
CREATE INDEX "DocumentVerification_personId_issuedAt_idx" ON "DocumentVerification"("personId", "issuedAt");

-- AddForeignKey
ALTER TABLE "DocumentVerification" ADD CONSTRAINT "DocumentVerification_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVerification" ADD CONSTRAINT "DocumentVerification_archiveId_version_fkey" FOREIGN KEY ("archiveId", "version") REFERENCES "ArchiveVersion"("archiveId", "version") ON DELETE RESTRICT ON UPDATE CASCADE;