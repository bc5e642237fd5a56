import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import type { PlanTree, Validation } from '../../api/types.ts';

/** Query keys of one plan's data; every write to the plan refreshes them. */
export const planKeys = {
  all: (planId: string) => ['plan', planId] as const,
  tree: (planId: string) => ['plan', planId, 'tree'] as const,
  validation: (planId: string) => ['plan', planId, 'validation'] as const,
  scores: (planId: string, year: number) => ['plan', planId, 'scores', year] as const,
  chapters: (planId: string) => ['plan', planId, 'chapters'] as const,
  alignment: (planId: string) => ['plan', planId, 'alignment'] as const,
};

/** The plan's tree with its entity tag (the tag changes with every change inside the plan). */
export const usePlanTree = (planId: string) =>
  useQuery({
    queryKey: planKeys.tree(planId),
    queryFn: async () => {
      const r = await request<PlanTree>('GET', `/api/plans/${planId}/tree`);
      return { ...r.data, etag: r.etag ?? '' };
    },
    enabled: planId !== '',
  });

/** The plan's findings against the rules and its regional plan. */
export const useValidation = (planId: string) =>
  useQuery({
    queryKey: planKeys.validation(planId),
    queryFn: async () => (await request<Validation>('GET', `/api/plans/${planId}/validation`)).data,
  });

/** After a write: everything derived from the plan is refetched (tree, findings, scores, tables). */
export const refreshPlan = (queryClient: QueryClient, planId: string) =>
  queryClient.invalidateQueries({ queryKey: planKeys.all(planId) });

export const useRefreshPlan = (planId: string) => {
  const queryClient = useQueryClient();
  return () => refreshPlan(queryClient, planId);
};
