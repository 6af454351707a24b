-- CreateTable
CREATE TABLE "ContentBlock" (
    "id" UUID NOT NULL,
    "key" VARCHAR(50) NOT NULL,
    "regionCode" VARCHAR(6) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContentBlock_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContentBlock_key_regionCode_key" ON "ContentBlock"("key", "regionCode");

-- The default 采集须知 (用户操作手册 2.3 第二步), under region 000000: the fallback for any
-- jurisdiction until its finance department publishes its own.
INSERT INTO "ContentBlock" ("id", "key", "regionCode", "title", "body", "updatedAt") VALUES (
  '0192f000-0000-7000-8000-000000000001',
  'collection-notice',
  '000000',
  '会计人员信息采集须知',
  E'一、会计人员信息采集是会计人员管理的基础工作。请按步骤如实填写个人信息、学历信息、工作信息、专业技术信息和奖励信息，并上传所需附件。\n二、必须上传的附件：本人近期免冠证件照（一寸照片比例，可在上传时裁剪），以及证件照片（居民身份证为人像面和国徽面，其他证件为相应的照片页和有效期页）。在校学生还须上传学生证。\n三、附件须为JPG或PNG格式的图片，每个不超过5MB，图像清晰、完整。\n四、填写过程中可随时点击“保存草稿”，退出后再次登录可从未完成的步骤继续填写。\n五、提交后系统即生成您的会计人员信息档案，无需财政部门审核；此后信息如有变化，请通过“信息变更”办理。\n六、您应对所填写信息的真实性、准确性负责。提供虚假信息的，将依法依规处理。',
  CURRENT_TIMESTAMP
);
