// The application's database role: what `npm run db:app-role` grants (and the PostgreSQL test
// runs, tests/support/test-db.ts). The platform runs as this role (DATABASE_URL); migrations,
// backup, restore and the bulk seed run as the schema's owner (DATABASE_MIGRATION_URL).
//
// It may read and write the platform's tables, use their sequences, and create pg-boss's schema
// (CREATE on the database: pg-boss issues CREATE SCHEMA IF NOT EXISTS at every start). On the
// audit log it may only INSERT and SELECT, read the chain's head and run the archive job's
// pruning function — the migration's audit_restrict_privileges() takes everything else back, from
// every role but the owner. Not being the owner, it cannot ALTER the table or disable its
// triggers. Tables later migrations create reach it through the owner's default privileges.
import pg from "pg";

export class AppRoleError extends Error {
  override name = "AppRoleError";
}

export interface AppRoleOptions {
  /** set (or change) its password; a new role without one can log in only where pg_hba trusts it */
  password?: string;
}

/** Creates the role if missing and grants it exactly the application's rights, as the owner. */
export async function grantAppRole(
  ownerUrl: string,
  role: string,
  options: AppRoleOptions = {},
): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "kuaiji-app-role" });
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query("BEGIN");
    await ensureRole(client, role, options.password);
    const r = client.escapeIdentifier(role);
    const [{ owner, database }] = (
      await client.query<{ owner: string; database: string }>(
        "SELECT current_user AS owner, current_database() AS database",
      )
    ).rows as [{ owner: string; database: string }];
    const o = client.escapeIdentifier(owner);
    await client.query(`
      GRANT CONNECT, TEMPORARY, CREATE ON DATABASE ${client.escapeIdentifier(database)} TO ${r};
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ${r};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${o} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${o} GRANT USAGE, SELECT ON SEQUENCES TO ${r};
      ALTER DEFAULT PRIVILEGES FOR ROLE ${o} GRANT USAGE ON SCHEMAS TO ${r};
      SELECT public.audit_restrict_privileges();
    `);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The role, created if missing; refused when it could act as the owner or bypass the rules. */
async function ensureRole(client: pg.Client, role: string, password?: string): Promise<void> {
  const found = (
    await client.query<{ risky: boolean }>(
      `SELECT rolsuper OR rolbypassrls OR rolcreaterole OR pg_has_role(rolname, current_user, 'MEMBER')
              OR rolname = current_user AS risky
         FROM pg_roles WHERE rolname = $1`,
      [role],
    )
  ).rows[0];
  const r = client.escapeIdentifier(role);
  const secret = password === undefined ? "" : ` PASSWORD ${client.escapeLiteral(password)}`;
  if (!found) {
    await client.query(`CREATE ROLE ${r} LOGIN${secret}`);
    return;
  }
  if (found.risky) {
    throw new AppRoleError(
      `角色 ${role} 是超级用户、可建角色、是表的所有者或其成员，不能作为应用角色。/ Role ${role} is a superuser, may create roles, or is (a member of) the owner: it cannot be the application's role.`,
    );
  }
  if (secret) await client.query(`ALTER ROLE ${r}${secret}`);
}
