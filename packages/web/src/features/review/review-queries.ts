import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client.ts';
import type { PlanSummary } from '../../api/types.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { planKeys, refreshPlan } from '../plan/plan-queries.ts';
import type {
  CrosscuttingRequest,
  Meeting,
  PlanDiffAnswer,
  ReviewFinding,
  ReviewSummary,
  Round,
  TimelineEvent,
} from './review-types.ts';

/** Query keys of a plan's review data, under the plan's keys so every write to the plan refreshes them. */
export const reviewKeys = {
  summary: (planId: string) => [...planKeys.all(planId), 'review'] as const,
  findings: (planId: string) => [...planKeys.all(planId), 'review-findings'] as const,
  meetings: (planId: string) => [...planKeys.all(planId), 'meetings'] as const,
  rounds: (planId: string) => [...planKeys.all(planId), 'rounds'] as const,
  timeline: (planId: string) => [...planKeys.all(planId), 'timeline'] as const,
  diff: (planId: string, from: number, to: number | null) =>
    [...planKeys.all(planId), 'diff', from, to] as const,
  crosscutting: (planId: string) => [...planKeys.all(planId), 'crosscutting'] as const,
  regionPlans: (regionId: string) => ['plans', regionId, 'all'] as const,
};

/** Where a Renstra is in review (state, stage, round, unlocked items, counts, verdicts, window). */
export const useReviewSummary = (planId: string, enabled = true) =>
  useQuery({
    queryKey: reviewKeys.summary(planId),
    queryFn: () => api.get<ReviewSummary>(`/api/plans/${planId}/review`),
    enabled: enabled && planId !== '',
  });

export const useReviewFindings = (planId: string, enabled = true) =>
  useQuery({
    queryKey: reviewKeys.findings(planId),
    queryFn: () => api.get<ReviewFinding[]>(`/api/plans/${planId}/findings`),
    enabled,
  });

export const useMeetings = (planId: string) =>
  useQuery({
    queryKey: reviewKeys.meetings(planId),
    queryFn: () => api.get<Meeting[]>(`/api/plans/${planId}/meetings`),
  });

export const useRounds = (planId: string, enabled = true) =>
  useQuery({
    queryKey: reviewKeys.rounds(planId),
    queryFn: () => api.get<Round[]>(`/api/plans/${planId}/rounds`),
    enabled,
  });

export const useTimeline = (planId: string) =>
  useQuery({
    queryKey: reviewKeys.timeline(planId),
    queryFn: () => api.get<TimelineEvent[]>(`/api/plans/${planId}/timeline`),
  });

/** What changed from round `from` to round `to` (null: to the plan as it is now). */
export const useDiff = (planId: string, from: number | null, to: number | null) =>
  useQuery({
    queryKey: reviewKeys.diff(planId, from ?? 0, to),
    queryFn: () =>
      api.get<PlanDiffAnswer>(`/api/plans/${planId}/diff`, {
        query: { from: from ?? 1, ...(to !== null && { to }) },
      }),
    enabled: from !== null,
    placeholderData: keepPreviousData,
  });

export const useCrosscutting = (planId: string) =>
  useQuery({
    queryKey: reviewKeys.crosscutting(planId),
    queryFn: () => api.get<CrosscuttingRequest[]>(`/api/plans/${planId}/crosscutting`),
  });

/** Every plan of the region (for names of partner plans and the crosscutting choice). */
export const useRegionPlans = (regionId: string) =>
  useQuery({
    queryKey: reviewKeys.regionPlans(regionId),
    queryFn: () => api.get<PlanSummary[]>(`/api/regions/${regionId}/plans`, { query: { limit: 500 } }),
    staleTime: 60_000,
  });

/**
 * A review write: runs it, refreshes everything of the plan (and the inbox), says it is done, or
 * shows the server's refusal (with its field problems).
 */
export const useReviewWrite = <V, R = unknown>(
  planId: string,
  fn: (v: V) => Promise<R>,
  done?: string | ((r: R, v: V) => string),
) => {
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (r, v) => {
      await refreshPlan(queryClient, planId);
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      const message = typeof done === 'function' ? done(r, v) : done;
      if (message) notifications.show({ message, color: 'teal', autoClose: 3000 });
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.code === 'CONFLICT') await refreshPlan(queryClient, planId);
      notifications.show({
        color: 'red',
        autoClose: 10_000,
        message:
          e instanceof ApiError && e.issues.length > 0
            ? `${errorText(e)} ${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`
            : errorText(e),
      });
    },
  });
};
