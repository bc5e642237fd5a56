import { Button, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import type { Grant, PlanSummary, PlanTree } from '../../api/types.ts';
import { useErrorText } from '../../components/error-view.tsx';

/** A plan key from the agency's code and the period: `renstra-1.03.1.04-2024-2026`. */
export const renstraKey = (agencyCode: string, start: number, end: number): string =>
  `renstra-${agencyCode.replace(/[^A-Za-z0-9.]/g, '').replace(/(\.0+)+$/, '')}-${start}-${end}`;

/**
 * Starts the agency's Renstra from a regional plan (RPD/RPJMD): same years, same nomenclature
 * version, BAB I–VIII with their sections, an empty pohon kinerja.
 */
export const CreateRenstra = ({ grant }: { grant: Grant }) => {
  const { t } = useTranslation('home');
  const errorText = useErrorText();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const plans = useQuery({
    queryKey: ['plans', grant.regionId, 'all'],
    queryFn: () => api.get<PlanSummary[]>(`/api/regions/${grant.regionId}/plans`),
  });
  const regional = (plans.data ?? []).filter((p) => p.kind === 'regional');
  const [regionalId, setRegionalId] = useState<string | null>(null);
  const chosen = regionalId ?? regional[0]?.planId ?? null;
  const rpd = useQuery({
    queryKey: ['plan', chosen, 'tree'],
    queryFn: async () => api.get<PlanTree>(`/api/plans/${chosen}/tree`),
    enabled: chosen !== null,
  });
  const [title, setTitle] = useState('');
  useEffect(() => {
    if (rpd.data)
      setTitle(
        `Rencana Strategis ${grant.agencyName ?? ''} Tahun ${rpd.data.period.startYear}–${rpd.data.period.endYear}`,
      );
  }, [rpd.data, grant.agencyName]);
  const create = useMutation({
    mutationFn: () =>
      api.post<{ planId: string }>(`/api/regions/${grant.regionId}/renstra`, {
        key: renstraKey(
          grant.agencyCode ?? grant.agencyId ?? 'pd',
          rpd.data?.period.startYear ?? 0,
          rpd.data?.period.endYear ?? 0,
        ),
        title: title.trim(),
        agencyId: grant.agencyId,
        regionalPlanId: chosen,
      }),
    onSuccess: async (r) => {
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
      void navigate(`/rencana/${r.planId}/pohon`);
    },
  });
  if (regional.length === 0) return null;
  return (
    <Stack
      w={480}
      component="form"
      aria-label={t('create')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate();
      }}
    >
      <Select
        label={t('regionalPlan')}
        value={chosen}
        onChange={setRegionalId}
        data={regional.map((p) => ({ value: p.planId, label: p.title }))}
        allowDeselect={false}
      />
      <TextInput
        label={t('title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        required
      />
      {create.error && (
        <div role="alert" style={{ color: 'var(--mantine-color-red-7)', fontSize: 14 }}>
          {create.error instanceof ApiError && create.error.issues.length > 0
            ? create.error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
            : errorText(create.error)}
        </div>
      )}
      <Button type="submit" loading={create.isPending} disabled={!rpd.data || title.trim() === ''}>
        {t('create')}
      </Button>
    </Stack>
  );
};
