import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsJoin } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import type { TreeNode } from '../../api/types.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { registerLocale } from '../../i18n/index.ts';
import { useMe } from '../auth/use-me.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { refreshPlan, usePlanTree } from '../plan/plan-queries.ts';
import { useRegionPlans } from './review-queries.ts';
import { mayCrosscut } from './review-rules.ts';

// Its own namespace: the tree screen shows it without loading the Penelaahan screen's texts.
registerLocale('crosscutting', {
  id: {
    propose: 'Usulkan lintas sektor',
    help: 'Usulkan agar node perangkat daerah lain mendukung node ini. Perangkat daerah itu menerima atau menolaknya.',
    partnerPlan: 'Renstra perangkat daerah lain',
    partnerNode: 'Node yang mendukung',
    search: 'Pilih atau ketik untuk mencari',
    contribution: 'Bentuk dukungan',
    send: 'Kirim usulan',
    cancel: 'Batal',
    sent: 'Usulan lintas sektor terkirim',
    none: 'Tidak ada Renstra perangkat daerah lain.',
  },
  en: {
    propose: 'Propose crosscutting support',
    help: 'Propose that another agency’s node supports this node. That agency accepts or rejects it.',
    partnerPlan: 'Another agency’s Renstra',
    partnerNode: 'The supporting node',
    search: 'Choose, or type to search',
    contribution: 'How it supports this node',
    send: 'Send the proposal',
    cancel: 'Cancel',
    sent: 'Crosscutting proposal sent',
    none: 'No other agency has a Renstra.',
  },
});

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * "Usulkan lintas sektor" in the node drawer: choose another agency's Renstra and one of its
 * nodes, say how it supports this node, and send the proposal (POST /api/crosscutting).
 */
export const CrosscuttingPropose = ({ plan, node }: { plan: PlanContext; node: TreeNode }) => {
  const { t } = useTranslation('crosscutting');
  const { data: user } = useMe();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [partnerPlan, setPartnerPlan] = useState<string | null>(null);
  const [partnerNode, setPartnerNode] = useState<string | null>(null);
  const [contribution, setContribution] = useState('');
  const { regionId, agencyId } = plan.tree;
  const plans = useRegionPlans(regionId);
  const partnerTree = usePlanTree(open ? (partnerPlan ?? '') : '');
  const planOptions = useMemo(
    () =>
      (plans.data ?? [])
        .filter((p) => p.kind === 'renstra' && p.agencyId !== agencyId)
        .map((p) => ({ value: p.planId, label: p.title })),
    [plans.data, agencyId],
  );
  const nodeOptions = useMemo(
    () =>
      (partnerTree.data?.nodes ?? []).map((n) => ({
        value: n.key,
        label: `${n.key} — ${clip(n.statement)}`,
      })),
    [partnerTree.data],
  );
  const send = useMutation({
    mutationFn: () =>
      api.post('/api/crosscutting', {
        planId: plan.planId,
        nodeKey: node.key,
        partnerPlanId: partnerPlan,
        partnerNodeKey: partnerNode,
        contribution: contribution.trim(),
      }),
    onSuccess: async () => {
      await refreshPlan(queryClient, plan.planId);
      notifications.show({ message: t('sent'), color: 'teal', autoClose: 3000 });
      setOpen(false);
      setPartnerNode(null);
      setContribution('');
    },
    onError: (e) =>
      notifications.show({
        color: 'red',
        message:
          e instanceof ApiError && e.issues.length > 0
            ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
            : errorText(e),
      }),
  });
  if (!mayCrosscut(user, { regionId, agencyId }) || plan.tree.format !== 'selaras.renstra') return null;
  if (!open)
    return (
      <Button
        size="xs"
        variant="default"
        leftSection={<IconArrowsJoin size={14} />}
        onClick={() => setOpen(true)}
        w="fit-content"
      >
        {t('propose')}
      </Button>
    );
  return (
    <Stack gap="xs" data-testid="crosscutting-propose">
      <Text size="sm" c="dimmed">
        {t('help')}
      </Text>
      <Select
        label={t('partnerPlan')}
        placeholder={planOptions.length === 0 ? t('none') : t('search')}
        value={partnerPlan}
        onChange={(v) => {
          setPartnerPlan(v);
          setPartnerNode(null);
        }}
        data={planOptions}
        searchable
      />
      <Select
        label={t('partnerNode')}
        placeholder={t('search')}
        value={partnerNode}
        onChange={setPartnerNode}
        data={nodeOptions}
        searchable
        limit={80}
        disabled={partnerPlan === null}
      />
      <Textarea
        label={t('contribution')}
        value={contribution}
        onChange={(e) => setContribution(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group gap="xs">
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          {t('cancel')}
        </Button>
        <Button
          size="xs"
          loading={send.isPending}
          disabled={!partnerPlan || !partnerNode || contribution.trim() === ''}
          onClick={() => send.mutate()}
        >
          {t('send')}
        </Button>
      </Group>
    </Stack>
  );
};
