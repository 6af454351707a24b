import type { CeThresholds, Fraction } from "@/lib/jurisdiction/ce-thresholds";

// 常见问题 of the 帮助 page: what people ask the finance departments most (the user's manual,
// docs' domain notes "What users stumble on"), each answered as this platform does it and linked
// to the page that does it. Plain data built on the server from the jurisdiction's settings, so
// the words (广东省内（除深圳）, the yearly credits) are this deployment's; the page hands it to
// the browser for the search (faq-search.ts).

export interface FaqLink {
  href: string;
  label: string;
}

export interface FaqItem {
  /** Stable anchor: /help#<id>. */
  id: string;
  question: string;
  /** Paragraphs. */
  answer: string[];
  /** The pages that do what the answer describes. */
  links: FaqLink[];
  /** Other words people search with ("验证码收不到", "改手机"). */
  keywords?: string[];
}

export interface FaqGroup {
  id: string;
  title: string;
  items: FaqItem[];
}

export interface FaqContext {
  /** Where people work who must register, e.g. "广东省内（除深圳）". */
  workArea: string;
  /** Parts of the region that run their own platform, e.g. ["深圳市"]. */
  excludedNames: readonly string[];
  ce: CeThresholds;
}

/** The "#contacts" section of the 帮助 page: every finance office, the visitor's own first. */
export const CONTACTS_ANCHOR = "contacts";
const CONTACTS: FaqLink = { href: `/help#${CONTACTS_ANCHOR}`, label: "财政部门联系方式" };

const CHINESE_SHARES: Record<string, string> = { "2/3": "三分之二", "1/2": "二分之一" };
const share = (f: Fraction) =>
  CHINESE_SHARES[`${f.numerator}/${f.denominator}`] ?? `${f.numerator}/${f.denominator}`;

/** "每年不少于90学分，其中公需科目不少于30学分、专业科目不少于60学分". */
export function ceRequirement(ce: CeThresholds): string {
  const parts = [`每年不少于${ce.minTotal}学分`];
  const split = [
    ce.minPublic > 0 && `公需科目不少于${ce.minPublic}学分`,
    ce.minProfessional > 0 && `专业科目不少于${ce.minProfessional}学分`,
  ].filter(Boolean);
  if (split.length > 0) parts.push(`其中${split.join("、")}`);
  if (ce.minProfessionalShare) {
    parts.push(`专业科目一般不少于当年所得学分的${share(ce.minProfessionalShare)}`);
  }
  return parts.join("，");
}

function registration(ctx: FaqContext): FaqItem[] {
  return [
    {
      id: "who-registers",
      question: "哪些人需要进行信息采集？",
      answer: [
        `在${ctx.workArea}从事会计工作的人员，以及持有会计专业技术资格证书的人员，应当注册并完成信息采集；两者都不是的，无须采集。`,
        "注册时页面会先问这两个问题，按实际情况选择即可。",
      ],
      links: [{ href: "/register", label: "用户注册" }],
      keywords: ["要不要采集", "采集对象", "注册"],
    },
    {
      id: "id-registered",
      question: "注册时提示“该证件号码已注册”怎么办？",
      answer: [
        "如果是您本人以前注册过，请用“找回密码”以注册时的手机号码重新设置密码后登录。",
        "如果不是您本人注册的（证件号码被他人注册），请提交“账号申诉”：验证您本人的手机号码，上传证件照片和手持证件照片，由账号所在地财政部门核实后将账号改绑到您的手机号码，再用“找回密码”设置新密码。提交后可随时查询申诉进度。",
      ],
      links: [
        { href: "/forgot-password", label: "找回密码" },
        { href: "/appeal", label: "账号申诉" },
        { href: "/appeal/status", label: "查询申诉进度" },
      ],
      keywords: ["已注册", "被注册", "被占用", "申诉", "冒用"],
    },
    {
      id: "sms-code",
      question: "收不到短信验证码怎么办？",
      answer: [
        "请核对手机号码是否填写正确，手机是否停机、信号是否正常，并查看手机的骚扰拦截或垃圾短信。验证码5分钟内有效，以最后收到的一条为准。",
        "没有收到时，等页面上的倒计时结束后可以重新获取；同一手机号码每小时最多获取5次、每天最多10次，超过后请第二天再试。",
      ],
      links: [],
      keywords: ["验证码", "短信", "收不到"],
    },
    {
      id: "one-phone",
      question: "一个手机号码可以注册几个账号？",
      answer: [
        "一个手机号码只能注册一个账号。家人共用手机号码的，请其中一人改用本人的手机号码注册。",
      ],
      links: [{ href: "/register", label: "用户注册" }],
      keywords: ["手机号已被使用", "手机号被占用"],
    },
    {
      id: "forgot-password",
      question: "忘记密码怎么办？",
      answer: [
        "在登录页点击“找回密码”，输入证件号码和注册时的手机号码，通过短信验证后设置新密码。",
        "注册时的手机号码已停用、收不到短信的，可以提交“账号申诉”改绑到新的手机号码，或携带本人证件到所在地财政部门办理。",
      ],
      links: [
        { href: "/forgot-password", label: "找回密码" },
        { href: "/appeal", label: "账号申诉" },
        CONTACTS,
      ],
      keywords: ["密码忘了", "重置密码", "登录不了"],
    },
    {
      id: "locked",
      question: "密码输错多次，账号被锁定了怎么办？",
      answer: [
        "密码连续输错达到次数后，账号会暂时锁定，页面会显示可以再次登录的时间。请到时再试，或用“找回密码”重新设置密码。",
      ],
      links: [{ href: "/forgot-password", label: "找回密码" }],
      keywords: ["锁定", "密码错误"],
    },
    {
      id: "change-phone",
      question: "手机号码换了，怎么修改？",
      answer: [
        "还能登录的：在个人中心“账户安全”中选择“更换手机号”，输入登录密码和新手机号码，验证码发送到新手机号码，验证后即完成更换。",
        "既不能登录、原手机号码也已停用的：请提交“账号申诉”，由所在地财政部门核实后改绑。",
      ],
      links: [
        { href: "/account/security/phone", label: "更换手机号" },
        { href: "/appeal", label: "账号申诉" },
      ],
      keywords: ["手机号变更", "换手机", "改手机号"],
    },
    {
      id: "wrong-identity",
      question: "注册时姓名或证件号码填错了怎么办？",
      answer: [
        "姓名和证件信息（证件类型、证件号码、性别、国籍/地区）以注册时的证件为准，本人不能在平台上修改。请携带本人证件联系所属地区财政部门更正。",
      ],
      links: [CONTACTS],
      keywords: ["姓名错误", "证件号码错误", "更正", "生僻字"],
    },
  ];
}

function collection(ctx: FaqContext): FaqItem[] {
  const elsewhere = ctx.excludedNames.join("、");
  const items: FaqItem[] = [
    {
      id: "collection-deadline",
      question: "信息采集有截止时间吗？",
      answer: [
        "信息采集随时可以在平台上办理，没有统一的截止日期。新从事会计工作或新取得会计专业技术资格的，请及时注册并完成采集；所在地财政部门另有通知的，以通知为准。",
        "信息采集不必一次填完：填过的步骤会保存，可以“保存草稿”，下次登录后接着填写。",
      ],
      links: [
        { href: "/account/collection", label: "信息采集" },
        { href: "/notices", label: "通知公告" },
      ],
      keywords: ["期限", "什么时候", "草稿"],
    },
    {
      id: "collection-materials",
      question: "信息采集需要准备哪些材料？",
      answer: [
        "必须上传的只有本人免冠证件照（头像）和身份证件照片（居民身份证为人像面和国徽面）；在校学生还需上传学生证。",
        "学历、工作、专业技术资格、高端会计人才和奖励信息按实际情况填写；没有的部分（如没有非全日制教育、不是高端会计人才、没有奖励）可以不填。",
      ],
      links: [{ href: "/account/collection", label: "信息采集" }],
      keywords: ["照片", "附件", "上传", "头像", "身份证"],
    },
    {
      id: "region-choice",
      question: "“所属行政区划”应该怎么选？",
      answer: [
        "在会计岗位或非会计岗位工作的，选择单位所在地；待业的，选择户口所在地或居住证所在地；在校生选择学校所在地。",
        "所属行政区划决定由哪个地区的财政部门为您办理学分认定等业务。",
      ],
      links: [{ href: "/account/collection", label: "信息采集" }],
      keywords: ["行政区划", "地区", "所在地"],
    },
    {
      id: "collected",
      question: "“信息已采集”是什么意思？提交后还要审核吗？",
      answer: [
        "信息采集提交后无需财政部门审核，系统自动生成会计人员信息档案。个人中心显示“信息已采集”，就表示已经完成。",
        "您可以在“我的档案”中查看档案，并下载带核验码的PDF；以后信息有变化，通过“信息变更”修改。",
      ],
      links: [
        { href: "/account", label: "个人中心" },
        { href: "/account/archive", label: "我的档案" },
      ],
      keywords: ["已采集", "审核", "状态", "完成"],
    },
  ];
  if (elsewhere) {
    items.push({
      id: "collected-elsewhere",
      question: `已经在${elsewhere}办理过信息采集，现在来这里工作怎么办？`,
      answer: [
        `${elsewhere}有自己的会计人员信息服务平台。请先在那里申请调出，审核通过后，到本平台“省外调入”办理调入，再完成信息采集。`,
      ],
      links: [{ href: "/transfer-in", label: "省外调入" }],
      keywords: elsewhere.split("、"),
    });
  }
  return items;
}

function change(): FaqItem[] {
  return [
    {
      id: "what-changes",
      question: "哪些信息可以变更？变更要审核吗？",
      answer: [
        "除证件类型、证件号码、性别和国籍/地区外，其他信息都可以在“信息变更”中修改：选择信息项，点击“变更信息”，修改后保存。",
        "变更保存后立即生效，不需要审核，每次保存都会生成新的档案版本，可在“变更记录”中查看。不能变更的信息如需更正，请联系所属地区财政部门。",
      ],
      links: [
        { href: "/account/change", label: "信息变更" },
        { href: "/account/change/history", label: "变更记录" },
        CONTACTS,
      ],
      keywords: ["修改信息", "变更", "工作单位", "学历"],
    },
    {
      id: "region-locked",
      question: "为什么不能修改所属行政区划？",
      answer: [
        "有在途未完成的继续教育记录（待认定的学分申报、学习中的课程）时，所属行政区划不能修改：等财政部门认定、不予认定，或您撤回申报后再改。",
        "申请调出期间（审核中或等待调入地接收时），“信息变更”和“继续教育”只能查看。",
      ],
      links: [
        { href: "/account/ce", label: "继续教育" },
        { href: "/account/transfer", label: "人员调转" },
      ],
      keywords: ["行政区划", "改不了", "灰色", "不能修改"],
    },
  ];
}

function continuingEducation(ctx: FaqContext): FaqItem[] {
  return [
    {
      id: "ce-credits",
      question: "继续教育每年要多少学分？",
      answer: [
        `${ceRequirement(ctx.ce)}（${ctx.ce.basis}）。学分按自然年度计算，当年有效，不能结转到以后年度，请在12月31日前完成。`,
        "“继续教育”页面按年度显示应修学分、已得学分和完成情况，以及您应从哪一年起参加继续教育。",
      ],
      links: [{ href: "/account/ce", label: "继续教育" }],
      keywords: ["学分", "公需科目", "专业科目", "多少分", "截止"],
    },
    {
      id: "ce-claim",
      question: "考试、会议、学历教育或论文的学分怎么申报？由谁认定？",
      answer: [
        "在“继续教育”中点击“申报学分”，选择学分来源，填写相关信息并上传证明材料。申报提交后为“待认定”，由您所属地区的财政部门认定后计入当年学分；认定前可以撤回。",
        "培训机构的课程学分由财政部门登记或导入，不需要本人申报。",
      ],
      links: [
        { href: "/account/ce/claim", label: "申报学分" },
        { href: "/account/ce", label: "继续教育" },
      ],
      keywords: ["申报", "认定", "证明材料", "待认定", "不予认定"],
    },
  ];
}

function transfer(): FaqItem[] {
  return [
    {
      id: "transfer-out",
      question: "调到外省（区、市）工作，怎么办理调出？",
      answer: [
        "在个人中心“人员调转”中申请调出：选择调入地，填写调出理由，上传调入地的工作证明（待业人员请先咨询调入地财政部门，按其要求上传调转证明；jpeg/jpg 格式，每张不超过2M）。",
        "系统1—2个工作日自动完成审核，审核通过后请到调入地的会计人员信息服务平台申请调入；调入地接收前可以撤回。申请调出后，“信息变更”和“继续教育”只能查看。",
      ],
      links: [{ href: "/account/transfer", label: "人员调转" }],
      keywords: ["调出", "跨省调转", "外省", "调转"],
    },
    {
      id: "transfer-in",
      question: "从外省调来工作，怎么办理调入？",
      answer: [
        "须先在调出地的平台办理调出且审核通过。然后在本平台“省外调入”填写姓名、证件号码、手机号码和短信验证码，选择调入地（与调出申请中填写的一致），确认调入。",
        "系统1—2个工作日自动完成审核，审核通过后请登录本平台完成信息采集。",
      ],
      links: [{ href: "/transfer-in", label: "省外调入" }],
      keywords: ["调入", "跨省调转", "外省"],
    },
  ];
}

function reviewsAndContact(): FaqItem[] {
  return [
    {
      id: "who-reviews",
      question: "哪些业务要财政部门审核？由谁审核？",
      answer: [
        "信息采集和信息变更：不需要审核，提交或保存后即生效。",
        "学分申报：由您所属地区的财政部门认定。账号申诉：由账号所在地财政部门核实。",
        "跨省调出和省外调入：系统在1—2个工作日内自动审核，结果在“人员调转”或调入页面查看。",
      ],
      links: [
        { href: "/account/ce", label: "继续教育" },
        { href: "/appeal/status", label: "查询申诉进度" },
        { href: "/account/transfer", label: "人员调转" },
      ],
      keywords: ["审核", "多久", "进度"],
    },
    {
      id: "contact-office",
      question: "怎样联系所在地的财政部门？",
      answer: [
        "本页“财政部门联系方式”列出各市、县（区）财政部门的电话、地址和办公时间；登录后，您所属地区的财政部门排在最前面。也可以拨打页面底部的咨询电话。",
      ],
      links: [CONTACTS],
      keywords: ["电话", "地址", "联系方式", "财政局"],
    },
    {
      id: "verify-archive",
      question: "单位要核实我的会计人员信息档案，怎么办？",
      answer: [
        "在“我的档案”下载档案PDF（继续教育页面可打开各年度的学分证明并下载PDF），文件上有核验码和二维码。单位在本平台“档案核验”输入核验码，即可核实文件的真实性和当前状态。",
      ],
      links: [
        { href: "/account/archive", label: "我的档案" },
        { href: "/verify", label: "档案核验" },
      ],
      keywords: ["核验", "证明", "PDF", "打印", "学分证明"],
    },
  ];
}

export function faqGroups(ctx: FaqContext): FaqGroup[] {
  return [
    { id: "faq-account", title: "注册、登录与账号", items: registration(ctx) },
    { id: "faq-collection", title: "信息采集", items: collection(ctx) },
    { id: "faq-change", title: "信息变更", items: change() },
    { id: "faq-ce", title: "继续教育", items: continuingEducation(ctx) },
    { id: "faq-transfer", title: "跨省调转", items: transfer() },
    { id: "faq-contact", title: "审核与联系", items: reviewsAndContact() },
  ];
}
