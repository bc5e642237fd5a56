import type { IndicatorView } from '@selaras/db';

/** An indicator as the API returns it: plan-file fields with `key`, row ids and the version for If-Match. */
export const presentIndicator = (
  v: IndicatorView,
): { id: string; key: string; nodeId: string; planId: string; version: number } & Record<string, unknown> => {
  const { id: key, ...fields } = JSON.parse(JSON.stringify(v.indicator)) as Record<string, unknown>;
  return {
    ...fields,
    id: v.rowId,
    key: key as string,
    nodeId: v.nodeId,
    planId: v.planId,
    version: v.version,
  };
};
