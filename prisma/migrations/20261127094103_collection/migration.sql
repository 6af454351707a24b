-- CreateTable
CREATE TABLE "CollectionDraft" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "steps" JSONB NOT NULL DEFAULT '{}',
    "completedSteps" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "revision" INTEGER NOT NULL DEFAULT 0,
    "regionCode" VARCHAR(6) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CollectionDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" VARCHAR(30) NOT NULL,
    "storageKey" VARCHAR(512) NOT NULL,
    "contentType" VARCHAR(100) NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "orphanedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Archive" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "archiveNumber" VARCHAR(20) NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "currentVersion" INTEGER NOT NULL,
    "collectedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Archive_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveVersion" (
    "id" UUID NOT NULL,
    "archiveId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "channel" VARCHAR(20) NOT NULL,
    "actorType" VARCHAR(20) NOT NULL,
    "actorId" VARCHAR(64),
    "regionCode" VARCHAR(6) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changes" JSONB,

    CONSTRAINT "ArchiveVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ArchiveVersionAttachment" (
    "versionId" UUID NOT NULL,
    "role" VARCHAR(100) NOT NULL,
    "attachmentId" UUID NOT NULL,

    CONSTRAINT "ArchiveVersionAttachment_pkey" PRIMARY KEY ("versionId","role")
);

-- CreateIndex
CREATE UNIQUE INDEX "CollectionDraft_personId_key" ON "CollectionDraft"("personId");

-- CreateIndex
CREATE INDEX "CollectionDraft_regionCode_idx" ON "CollectionDraft"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_storageKey_key" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_personId_idx" ON "Attachment"("personId");

-- CreateIndex
CREATE INDEX "Attachment_orphanedAt_idx" ON "Attachment"("orphanedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Archive_personId_key" ON "Archive"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "Archive_archiveNumber_key" ON "Archive"("archiveNumber");

-- CreateIndex
CREATE INDEX "Archive_regionCode_idx" ON "Archive"("regionCode");

-- CreateIndex
CREATE INDEX "ArchiveVersion_regionCode_createdAt_idx" ON "ArchiveVersion"("regionCode", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ArchiveVersion_archiveId_version_key" ON "ArchiveVersion"("archiveId", "version");

-- CreateIndex
CREATE INDEX "ArchiveVersionAttachment_attachmentId_idx" ON "ArchiveVersionAttachment"("attachmentId");

-- AddForeignKey
ALTER TABLE "CollectionDraft" ADD CONSTRAINT "CollectionDraft_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Archive" ADD CONSTRAINT "Archive_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveVersion" ADD CONSTRAINT "ArchiveVersion_archiveId_fkey" FOREIGN KEY ("archiveId") REFERENCES "Archive"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveVersionAttachment" ADD CONSTRAINT "ArchiveVersionAttachment_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArchiveVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArchiveVersionAttachment" ADD CONSTRAINT "ArchiveVersionAttachment_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------------------------
-- Hand-written below this line.
--
-- 档案编号 sequence (lib/collection/archive-number.ts): the serial part of every archive number,
-- drawn inside the submit transaction. One sequence for the whole deployment, never reset at a
-- year's turn: a number stays unique even if two deployments' years or clocks disagree, and no
-- yearly job can forget to reset it. Sequences are not transactional, so a rolled-back submit
-- leaves a gap; archive numbers are identifiers, not a count.
-- Prisma does not model standalone sequences and leaves this one alone in later migrations.
-- ---------------------------------------------------------------------------------------------
CREATE SEQUENCE "archive_number_seq" AS BIGINT START WITH 1 INCREMENT BY 1 NO CYCLE;

-- ---------------------------------------------------------------------------------------------
-- Archive versions are immutable (issue 3: "an immutable version-1 snapshot"; issue 4: versions
-- on top, never altered): UPDATE and DELETE are refused on the versions and on their attachment
-- links, as for AuditEvent in the init migration. A change is a new version. TRUNCATE is left
-- to the table owner (test resets); production roles should not hold it.
-- ---------------------------------------------------------------------------------------------
CREATE FUNCTION "archive_version_immutable"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '档案版本不可修改 / % is immutable: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "ArchiveVersion_no_update_delete"
    BEFORE UPDATE OR DELETE ON "ArchiveVersion"
    FOR EACH ROW EXECUTE FUNCTION "archive_version_immutable"();

CREATE TRIGGER "ArchiveVersionAttachment_no_update_delete"
    BEFORE UPDATE OR DELETE ON "ArchiveVersionAttachment"
    FOR EACH ROW EXECUTE FUNCTION "archive_version_immutable"();
