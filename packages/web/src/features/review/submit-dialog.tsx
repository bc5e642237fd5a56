import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { Region } from '../../api/types.ts';
import { useMe } from '../auth/use-me.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { useValidation } from '../plan/plan-queries.ts';
import { LetterForm } from './letter-form.tsx';
import { defaultLetter, fieldOfPath, type LetterFields, letterBody, letterProblems } from './letter-model.ts';
import { todayIso } from './review-model.ts';
import { useReviewWrite, useRounds } from './review-queries.ts';
import type { ReviewSummary } from './review-types.ts';

interface AgencyRecord {
  readonly name: string;
  readonly shortName?: string;
  readonly head?: { readonly name?: string; readonly position?: string };
}

/** The letter form prefilled from the region, the agency's head and the agency's last letter. */
const usePrefill = (plan: PlanContext, summary: ReviewSummary, opened: boolean): LetterFields | null => {
  const { data: user } = useMe();
  const { regionId, agencyId } = plan.tree;
  const region = useQuery({
    queryKey: ['region', regionId],
    queryFn: () => api.get<Region & { capital?: string }>(`/api/regions/${regionId}`),
    enabled: opened,
  });
  const agency = useQuery({
    queryKey: ['agency', agencyId],
    queryFn: () => api.get<AgencyRecord>(`/api/agencies/${agencyId}`),
    enabled: opened && agencyId !== null,
  });
  const rounds = useRounds(plan.planId);
  const ready = !region.isPending && (agencyId === null || !agency.isPending) && !rounds.isPending;
  return useMemo(() => {
    if (!ready) return null;
    const previous = (rounds.data ?? [])
      .flatMap((r) => r.letters)
      .filter((l) => l.kind === 'submission' || l.kind === 'resubmission')
      .at(-1)?.letter;
    const regionName = region.data?.name ?? user?.roles[0]?.regionName ?? '';
    return defaultLetter({
      regionName,
      capital: region.data?.capital,
      agencyName: agency.data?.shortName ?? plan.tree.agency?.shortName ?? plan.tree.agency?.name ?? '',
      headName: agency.data?.head?.name ?? user?.displayName,
      headPosition: agency.data?.head?.position,
      planTitle: plan.tree.title,
      stage: summary.stage,
      resubmit: summary.state === 'returned',
      today: todayIso(),
      previous,
    });
  }, [ready, rounds.data, region.data, agency.data, user, plan.tree, summary.stage, summary.state]);
};

/** Ajukan / Ajukan kembali: the agency head sends the plan to Bappeda with an official letter. */
export const SubmitDialog = ({
  plan,
  summary,
  opened,
  onClose,
}: {
  plan: PlanContext;
  summary: ReviewSummary;
  opened: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const resubmit = summary.state === 'returned';
  const prefill = usePrefill(plan, summary, opened);
  const validation = useValidation(plan.planId);
  const [fields, setFields] = useState<LetterFields | null>(null);
  const [problems, setProblems] = useState<ReadonlySet<keyof LetterFields>>(new Set());
  useEffect(() => {
    if (opened && prefill && fields === null) setFields(prefill);
    if (!opened) {
      setFields(null);
      setProblems(new Set());
    }
  }, [opened, prefill, fields]);
  const send = useReviewWrite(
    plan.planId,
    (f: LetterFields) =>
      api.post(`/api/plans/${plan.planId}/submit`, { letter: letterBody(f) }, { ifMatch: summary.etag }),
    t(resubmit ? 'done.resubmit' : 'done.submit'),
  );
  const errors = validation.data?.summary.error ?? 0;
  const submit = () => {
    if (!fields) return;
    const p = letterProblems(fields);
    setProblems(new Set(p));
    if (p.length > 0) return;
    send.mutate(fields, {
      onSuccess: onClose,
      onError: (e) => {
        if (e instanceof ApiError)
          setProblems(new Set(e.issues.map((i) => fieldOfPath(i.path)).filter((f) => f !== undefined)));
      },
    });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t(resubmit ? 'actions.resubmit' : 'actions.submit')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('submit.intro')}</Text>
        {errors > 0 && (
          <Alert color={summary.gated ? 'red' : 'yellow'} p="xs">
            {t(summary.gated ? 'submit.gatedErrors' : 'submit.errorsTravel', { count: errors })}
          </Alert>
        )}
        {fields ? (
          <LetterForm value={fields} onChange={setFields} problems={problems} />
        ) : (
          <Text c="dimmed">{tc('state.loading')}</Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('action.cancel')}
          </Button>
          <Button onClick={submit} loading={send.isPending} disabled={!fields}>
            {t(resubmit ? 'submit.sendAgain' : 'submit.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
