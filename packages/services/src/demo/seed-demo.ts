import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanFileSchema } from '@selaras/core';
import { findRegionByCode } from '@selaras/db';
import { z } from 'zod';
import { createUser } from '../accounts/users.ts';
import type { ServiceContext } from '../context.ts';
import { ROLES } from '../permissions.ts';
import { createRegion } from '../use-cases/organisation/regions.ts';
import { importPlan } from '../use-cases/plans/import-plan.ts';

const ManifestSchema = z.strictObject({
  description: z.string().optional(),
  plans: z.array(z.string()).min(1),
  agencyKinds: z.record(z.string(), z.enum(['dinas', 'bappeda', 'inspektorat', 'other'])).default({}),
  users: z.array(
    z.strictObject({
      username: z.string(),
      displayName: z.string(),
      roles: z.array(z.strictObject({ role: z.enum(ROLES), agency: z.string().optional() })),
    }),
  ),
});

/** An account made by the demo, with its password (shown once, in demo mode only). */
export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly roles: string;
}

const SYSTEM = { kind: 'system', reason: 'demo seeding' } as const;

/**
 * Loads a demo into an empty database from a manifest (`fixtures/kaltim/demo.json`): the region,
 * its plans in order (the regional plan first), agency kinds, and one account per role. Passwords
 * are random unless `password` is given. Returns the accounts; does nothing when the region exists.
 */
export const seedDemo = async (
  ctx: ServiceContext,
  dir: string,
  password?: string,
): Promise<{ regionId: string; accounts: DemoAccount[] } | undefined> => {
  const manifest = ManifestSchema.parse(JSON.parse(readFileSync(join(dir, 'demo.json'), 'utf8')));
  const files = manifest.plans.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
  const first = PlanFileSchema.parse(files[0]);
  if (await findRegionByCode(ctx.db, first.region.code)) return undefined;
  const region = await createRegion(ctx, SYSTEM, first.region);
  for (const file of files) await importPlan(ctx, SYSTEM, { regionId: region.id, file });
  for (const [code, kind] of Object.entries(manifest.agencyKinds)) {
    await ctx.db
      .updateTable('agency')
      .set({ kind })
      .where('region_id', '=', region.id)
      .where('code', '=', code)
      .execute();
  }
  const agencies = new Map(
    (
      await ctx.db
        .selectFrom('agency')
        .select(['id', 'code', 'name', 'short_name'])
        .where('region_id', '=', region.id)
        .execute()
    ).map((a) => [a.code, { id: a.id, name: a.short_name ?? a.name }]),
  );
  const accounts: DemoAccount[] = [];
  for (const u of manifest.users) {
    const pw = password ?? `demo-${randomBytes(6).toString('base64url')}`;
    await createUser(ctx, SYSTEM, region.id, {
      username: u.username,
      displayName: u.displayName,
      password: pw,
      roles: u.roles.map((r) => ({
        role: r.role,
        agencyId: r.agency === undefined ? null : (agencies.get(r.agency)?.id ?? null),
      })),
    });
    const roles = u.roles.map((r) => {
      const agency = r.agency === undefined ? undefined : agencies.get(r.agency)?.name;
      return agency ? `${r.role} · ${agency}` : r.role;
    });
    accounts.push({ username: u.username, password: pw, roles: roles.join(', ') });
  }
  return { regionId: region.id, accounts };
};
