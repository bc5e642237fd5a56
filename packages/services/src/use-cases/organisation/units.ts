import { type AgencyRow, findAgency } from '@selaras/db';
import { AppError, conflict, notFound } from '../../app-error.ts';
import { recordAudit } from '../../audit.ts';
import { requireVersion } from '../../concurrency.ts';
import { inTransaction, nowIso, type ServiceContext, type Trx } from '../../context.ts';
import { type Actor, authorize } from '../../permissions.ts';
import { presentAgency } from './agencies.ts';

/** The agency of an id, with its units, inside a transaction. */
export const findAgencyById = async (trx: Trx, agencyId: string): Promise<AgencyRow | undefined> => {
  const regionId = (
    await trx.selectFrom('agency').select('region_id').where('id', '=', agencyId).executeTakeFirst()
  )?.region_id;
  return regionId === undefined ? undefined : findAgency(trx, regionId, agencyId);
};

const countWhere = async (
  trx: Trx,
  table: 'plan_node' | 'indicator' | 'org_unit',
  column: 'owner_unit_id' | 'responsible_unit_id' | 'parent_id',
  regionId: string,
  unitRowId: string,
): Promise<number> =>
  Number(
    (
      await trx
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('region_id', '=', regionId)
        .where(column, '=', unitRowId)
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Retires a unit of an agency (by its key): admins and the agency's head, with the agency's version
 * (If-Match). Only a unit nothing points at can go: a unit with units under it, or one that nodes
 * (as owner) or indicators (as responsible unit) name, is a CONFLICT with the counts. Answers the
 * retired key and the agency's new version.
 */
export const retireUnit = async (
  ctx: ServiceContext,
  actor: Actor | undefined,
  agencyId: string,
  unitKey: string,
  expectedVersion: number | undefined,
) =>
  inTransaction(ctx, async (trx) => {
    const agency = await findAgencyById(trx, agencyId);
    if (!agency) throw notFound('agency', agencyId);
    const { regionId } = agency;
    const who = authorize(actor, 'unit.write', { regionId, agencyId });
    const row = await trx
      .selectFrom('org_unit')
      .selectAll()
      .where('region_id', '=', regionId)
      .where('agency_id', '=', agencyId)
      .where('unit_key', '=', unitKey)
      .executeTakeFirst();
    if (!row) throw notFound('unit', unitKey);
    requireVersion(agency, expectedVersion, 'agency', presentAgency(agency));
    const units = await countWhere(trx, 'org_unit', 'parent_id', regionId, row.id);
    if (units > 0)
      throw new AppError(
        'CONFLICT',
        `unit "${unitKey}" has ${units} unit(s) under it; retire them or give them another parent first`,
        { reason: 'unit-has-units', units },
      );
    const nodes = await countWhere(trx, 'plan_node', 'owner_unit_id', regionId, row.id);
    const indicators = await countWhere(trx, 'indicator', 'responsible_unit_id', regionId, row.id);
    if (nodes + indicators > 0)
      throw new AppError(
        'CONFLICT',
        `unit "${unitKey}" is still used by ${nodes} node(s) and ${indicators} indicator(s) of plans; give them another unit first`,
        { reason: 'unit-in-use', nodes, indicators },
      );
    const before = agency.agency.units.find((u) => u.id === unitKey);
    await trx.deleteFrom('org_unit').where('region_id', '=', regionId).where('id', '=', row.id).execute();
    const r = await trx
      .updateTable('agency')
      .set({ version: agency.version + 1, updated_at: nowIso(ctx) })
      .where('region_id', '=', regionId)
      .where('id', '=', agencyId)
      .where('version', '=', agency.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('agency', presentAgency(agency));
    await recordAudit(trx, ctx, who, {
      regionId,
      action: 'unit.retire',
      entityType: 'unit',
      entityId: row.id,
      before: before ?? { id: unitKey },
    });
    return { id: unitKey, rowId: row.id, agencyVersion: agency.version + 1 };
  });
