// The steps of a finance staff sign-in after the password, as one pure rule (client-safe: the
// login pages name the paths). What a sign-in still needs follows from the account and from what
// this sign-in has already proved, never from which page the browser says it is on.

export type SignInStep = "second-factor" | "change-password" | "enrol" | "done";

export interface SignInFacts {
  /** An initial or operator-reset password, not yet replaced by the staff member's own. */
  mustChangePassword: boolean;
  /** A TOTP secret is enrolled. */
  enrolled: boolean;
  /** This sign-in has passed the second factor (a code, a recovery code, or enrolment's). */
  factorVerified: boolean;
}

/**
 * The next step. An enrolled account proves its second factor first, so a leaked or reset
 * password alone cannot even choose the new password; an account without one changes the
 * initial password, then enrols (enrolment's first code is its second factor).
 */
export function nextSignInStep(f: SignInFacts): SignInStep {
  if (f.enrolled && !f.factorVerified) return "second-factor";
  if (f.mustChangePassword) return "change-password";
  if (!f.enrolled) return "enrol";
  return "done"; // enrolled, hence (first rule) verified
}

/** Where each step is taken in the browser (app/[locale]/console/login/*). */
export const SIGN_IN_STEP_PATHS: Record<SignInStep, string> = {
  "second-factor": "/console/login/verify",
  "change-password": "/console/login/password",
  enrol: "/console/login/enrol",
  done: "/console/login/finish",
};

/** A step's page, carrying the console page to go to afterwards. */
export function signInStepPath(step: SignInStep, next: string): string {
  return `${SIGN_IN_STEP_PATHS[step]}?next=${encodeURIComponent(next)}`;
}
