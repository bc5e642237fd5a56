import { notifications } from '@mantine/notifications';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { PlanSummary, PlanTree, TreeNode } from '../../api/types.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { usePlanTree, useRefreshPlan } from '../plan/plan-queries.ts';

/** A node write the tree screen makes; each refreshes the plan (tree, findings, scores) afterwards. */
export type TreeOp =
  | { readonly kind: 'add'; readonly draft: Record<string, unknown> }
  | { readonly kind: 'update'; readonly node: TreeNode; readonly patch: Record<string, unknown> }
  | { readonly kind: 'move'; readonly node: TreeNode; readonly parent: string | null }
  | { readonly kind: 'clone'; readonly node: TreeNode }
  | { readonly kind: 'delete'; readonly node: TreeNode }
  | { readonly kind: 'addIndicator'; readonly node: TreeNode; readonly draft: Record<string, unknown> };

const send = (planId: string, op: TreeOp): Promise<unknown> => {
  switch (op.kind) {
    case 'add':
      return api.post(`/api/plans/${planId}/nodes`, op.draft);
    case 'update':
      return api.patch(`/api/nodes/${op.node.id}`, op.patch, { ifMatch: op.node.version });
    case 'move':
      return api.post(`/api/nodes/${op.node.id}/move`, { parent: op.parent }, { ifMatch: op.node.version });
    case 'clone':
      return api.post(`/api/nodes/${op.node.id}/clone`, { parent: op.node.parentKey });
    case 'delete':
      return api.delete(`/api/nodes/${op.node.id}`, { ifMatch: op.node.version });
    case 'addIndicator':
      return api.post(`/api/nodes/${op.node.id}/indicators`, op.draft);
  }
};

/**
 * Runs node writes. A conflict (someone else changed the node) reloads the plan and says so:
 * the user's input is kept where it was typed, and nothing is overwritten silently.
 */
export const useTreeOps = (planId: string) => {
  const { t } = useTranslation('tree');
  const errorText = useErrorText();
  const refresh = useRefreshPlan(planId);
  return useMutation({
    mutationFn: (op: TreeOp) => send(planId, op),
    onSuccess: async (_r, op) => {
      await refresh();
      notifications.show({ message: t(`done.${op.kind}`), color: 'teal', autoClose: 2500 });
    },
    onError: async (e) => {
      const conflict = e instanceof ApiError && e.code === 'CONFLICT';
      if (conflict) await refresh();
      notifications.show({
        title: conflict ? t('conflictTitle') : undefined,
        message:
          e instanceof ApiError && e.issues.length > 0
            ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
            : conflict
              ? t('conflictBody')
              : errorText(e),
        color: 'red',
        autoClose: conflict ? false : 8000,
      });
    },
  });
};

/** The regional plan (RPD/RPJMD) a Renstra derives from, for alignment choices. */
export const useRegionalTree = (tree: PlanTree) => {
  const plans = useQuery({
    queryKey: ['plans', tree.regionId, 'all'],
    queryFn: () => api.get<PlanSummary[]>(`/api/regions/${tree.regionId}/plans`),
    enabled: tree.regionalPlan !== undefined,
  });
  const regional = plans.data?.find((p) => p.kind === 'regional' && p.key === tree.regionalPlan?.id);
  const regionalTree = usePlanTree(regional?.planId ?? '');
  return regional ? regionalTree.data : undefined;
};
