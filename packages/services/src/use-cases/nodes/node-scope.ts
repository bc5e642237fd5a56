import { findNodeRegion, findPlan, listUnits, loadNodeView, type NodeView, type PlanRow } from '@selaras/db';
import { invalidInput, notFound } from '../../app-error.ts';
import type { ServiceContext, Trx } from '../../context.ts';
import type { Scope } from '../../permissions.ts';

/** A node with its plan and permission scope. */
export interface NodeInScope {
  readonly node: NodeView;
  readonly plan: PlanRow;
  readonly scope: Scope;
}

/** Finds a node by id with its plan, or NOT_FOUND. */
export const getNodeInScope = async (
  db: ServiceContext['db'] | Trx,
  nodeId: string,
): Promise<NodeInScope> => {
  const regionId = await findNodeRegion(db, nodeId);
  const node = regionId === undefined ? undefined : await loadNodeView(db, regionId, nodeId);
  const plan = node && regionId !== undefined ? await findPlan(db, regionId, node.planId) : undefined;
  if (!node || !plan || regionId === undefined) throw notFound('node', nodeId);
  return { node, plan, scope: { regionId, agencyId: plan.agency_id } };
};

/** A node of a plan by its key (the plan-file id), or undefined. */
export const findNodeByKey = (db: Trx | ServiceContext['db'], plan: PlanRow, key: string) =>
  db
    .selectFrom('plan_node')
    .selectAll()
    .where('region_id', '=', plan.region_id)
    .where('plan_id', '=', plan.id)
    .where('node_key', '=', key)
    .executeTakeFirst();

/** The units of a plan's agency, as `unitRowId` reads them. */
export type UnitList = readonly { readonly id: string; readonly rowId: string }[];

/** The units of the plan's agency (none for a regional plan). */
export const listPlanUnits = async (trx: Trx, plan: PlanRow): Promise<UnitList> =>
  plan.agency_id === null ? [] : listUnits(trx, plan.region_id, plan.agency_id);

/**
 * The row id of a unit of the plan's agency by its key; INVALID_INPUT when it has none. `known`
 * saves reading them again when many rows are written.
 */
export const unitRowId = async (
  trx: Trx,
  plan: PlanRow,
  key: string | undefined,
  path: string,
  known?: UnitList,
): Promise<string | null> => {
  if (key === undefined) return null;
  const units = known ?? (await listPlanUnits(trx, plan));
  const found = units.find((u) => u.id === key);
  if (!found)
    throw invalidInput(`unit "${key}" is not a unit of the plan's agency`, [
      { path, message: `known units: ${units.map((u) => u.id).join(', ') || 'none'}` },
    ]);
  return found.rowId;
};
