import { Loader, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { ME_KEY } from '../auth/use-me.ts';
import { adminKeys, useRegion } from './admin-queries.ts';
import type { RegionRecord } from './admin-types.ts';
import { isStale } from './form-errors.ts';
import { AdminForm, FormFooter, MONO, notifyDone, useFieldErrors } from './form-parts.tsx';
import { RecordCard, StaleNotice } from './panel-parts.tsx';
import { PeriodsCard } from './periods-card.tsx';

/**
 * The region's name and capital, saved against the version they were read at. When someone else
 * saved first, their version is loaded and the typed values stay, for the admin to save again.
 */
const RegionCard = ({ region }: { region: RegionRecord }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(region.name);
  const [capital, setCapital] = useState(region.capital ?? '');
  const save = useMutation({
    mutationFn: (body: { name: string; capital: string | null }) =>
      api.patch<RegionRecord>(`/api/regions/${region.id}`, body, { ifMatch: region.version }),
  });
  const stale = isStale(save.error);
  const { at, general, check } = useFieldErrors(stale ? null : save.error, ['name', 'capital']);
  const changed = name.trim() !== region.name || capital.trim() !== (region.capital ?? '');
  const submit = () => {
    if (!check(name.trim() ? {} : { name: t('required') })) return;
    save.mutate(
      { name: name.trim(), capital: capital.trim() || null },
      {
        onSuccess: (r) => {
          queryClient.setQueryData(adminKeys.region(r.id), r);
          // The page title and the menus name the region from the caller's roles.
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
          notifyDone(t('region.saved'));
        },
        onError: (e) => {
          if (e instanceof ApiError && isStale(e) && e.current)
            queryClient.setQueryData(adminKeys.region(region.id), e.current as RegionRecord);
        },
      },
    );
  };
  return (
    <RecordCard title={t('region.record')} version={region.version}>
      <AdminForm onSubmit={submit}>
        {stale && (
          <StaleNotice title={t('agency.conflictTitle')}>
            {t('region.staleBody', { name: region.name, capital: region.capital ?? '—' })}
          </StaleNotice>
        )}
        <SimpleGrid cols={2}>
          <TextInput label={t('region.code')} value={region.code} readOnly styles={MONO} />
          <TextInput label={t('region.kind')} value={t(`region.kinds.${region.kind}`)} readOnly />
        </SimpleGrid>
        <TextInput
          label={t('region.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={at('name')}
        />
        <TextInput
          label={t('region.capital')}
          description={t('region.capitalHint')}
          value={capital}
          onChange={(e) => setCapital(e.currentTarget.value)}
          error={at('capital')}
        />
        <FormFooter
          problems={general}
          busy={save.isPending}
          submitLabel={tc('action.save')}
          disabled={!changed}
        />
      </AdminForm>
    </RecordCard>
  );
};

/** The Wilayah tab: the region's record (left) and its planning periods (right). */
export const RegionPanel = ({ regionId }: { regionId: string }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const region = useRegion(regionId);
  return (
    <>
      <Title order={3} mb="xs">
        {t('region.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('region.hint')}
      </Text>
      {region.isPending && <Loader aria-label={tc('state.loading')} />}
      {region.isError && <ErrorView error={region.error} onRetry={() => void region.refetch()} />}
      {region.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          <RegionCard key={region.data.id} region={region.data} />
          <PeriodsCard regionId={regionId} />
        </SimpleGrid>
      )}
    </>
  );
};
