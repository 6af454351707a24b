import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { writeAudit, type RequestContext } from "@/lib/audit/audit";
import { maskPhone } from "@/lib/phone/mobile";
import type { FieldResult } from "./password-service";
import { reauthenticate } from "./reauthenticate";
import { PHONE_TAKEN } from "./register-service";
import type { SessionPerson } from "./session-service";
import { verifySmsCode } from "./sms-code-service";

type PhoneField = "password" | "newPhone" | "smsCode";

/** 更换手机号: the password again and a code sent to the new number. */
export async function changePhone(
  db: Db,
  ctx: RequestContext,
  session: SessionPerson,
  input: { password: string; newPhone: string; smsCode: string },
  now = new Date(),
): Promise<FieldResult<PhoneField>> {
  const check = await reauthenticate(db, ctx, session, input.password, "auth.phone-change", now);
  if (!check.ok) return { ok: false, field: "password", message: check.message };
  const person = await db.person.findUniqueOrThrow({
    where: { id: session.personId },
    select: { phone: true },
  });
  const audit = {
    actorType: "person" as const,
    actorId: session.personId,
    action: "auth.phone-change" as const,
    regionCode: session.regionCode,
  };
  if (input.newPhone === person.phone)
    return { ok: false, field: "newPhone", message: "新手机号码与当前手机号码相同" };
  try {
    return await db.$transaction(async (tx) => {
      const code = await verifySmsCode(
        tx,
        { phone: input.newPhone, purpose: "change-phone", code: input.smsCode },
        now,
      );
      if (!code.ok) return { ok: false as const, field: "smsCode" as const, message: code.message };
      await tx.person.update({ where: { id: session.personId }, data: { phone: input.newPhone } });
      await writeAudit(tx, ctx, {
        ...audit,
        outcome: "success",
        details: { from: maskPhone(person.phone), to: maskPhone(input.newPhone) },
      });
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, field: "newPhone", message: PHONE_TAKEN };
    }
    throw error;
  }
}
