import type { NodeView } from '@selaras/db';

/**
 * A node as the API returns it: its plan-file fields, with `key` (its id in the plan file) and
 * `parentKey`, the row ids `id` and `parentId` used in URLs, and the `version` to send back in
 * If-Match.
 */
export const presentNode = (
  v: NodeView,
): {
  id: string;
  key: string;
  planId: string;
  parentId: string | null;
  parentKey: string | null;
  version: number;
  indicatorIds: string[];
} & Record<string, unknown> => {
  const {
    id: key,
    parent: parentKey,
    ...fields
  } = JSON.parse(JSON.stringify(v.node)) as Record<string, unknown>;
  return {
    ...fields,
    id: v.rowId,
    key: key as string,
    planId: v.planId,
    parentId: v.parentRowId,
    parentKey: parentKey as string | null,
    version: v.version,
    indicatorIds: v.indicators.map((i) => i.rowId),
  };
};
