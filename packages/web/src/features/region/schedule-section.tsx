import { ActionIcon, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { ErrorView, useErrorText } from '../../components/error-view.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { useMe } from '../auth/use-me.ts';
import { maySchedule } from '../review/review-rules.ts';
import { type ReviewWindow, STAGES } from '../review/review-types.ts';
import { regionKeys } from './region-queries.ts';
import { type WindowFields, WindowForm } from './window-form.tsx';

const windowsKey = (regionId: string) => ['region', regionId, 'windows'] as const;

type WindowOp =
  | { kind: 'create'; fields: WindowFields }
  | { kind: 'update'; window: ReviewWindow; fields: WindowFields }
  | { kind: 'delete'; window: ReviewWindow };

const body = (f: WindowFields) => ({
  stage: f.stage,
  opensOn: f.opensOn,
  closesOn: f.closesOn,
  ...(f.note.trim() && { note: f.note.trim() }),
});

/** Whether a window is open now, yet to open, or closed (from the server's `open` and the dates). */
export const windowStatus = (w: ReviewWindow, today: string): 'open' | 'upcoming' | 'closed' =>
  w.open ? 'open' : w.opensOn > today ? 'upcoming' : 'closed';

const STATUS_COLOR = { open: 'teal', upcoming: 'blue', closed: 'gray' } as const;

/**
 * Jadwal: Bappeda's windows per stage. While a stage has windows, agencies edit and submit their
 * drafts of that stage only inside an open one. Verifiers and admins open, change and remove them.
 */
export const ScheduleSection = ({ regionId }: { regionId: string }) => {
  const { t } = useTranslation('region');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const { data: user } = useMe();
  const canEdit = maySchedule(user, regionId);
  const [editing, setEditing] = useState<ReviewWindow | 'new' | null>(null);
  const [removing, setRemoving] = useState<ReviewWindow | null>(null);
  const windows = useQuery({
    queryKey: windowsKey(regionId),
    queryFn: () => api.get<ReviewWindow[]>(`/api/regions/${regionId}/windows`),
  });
  const op = useMutation({
    mutationFn: (o: WindowOp) => {
      if (o.kind === 'create') return api.post(`/api/regions/${regionId}/windows`, body(o.fields));
      if (o.kind === 'update')
        return api.patch(`/api/windows/${o.window.id}`, body(o.fields), { ifMatch: o.window.version });
      return api.delete(`/api/windows/${o.window.id}`, { ifMatch: o.window.version });
    },
    onSuccess: (_r, o) => {
      notifications.show({ message: t(`schedule.done.${o.kind}`), color: 'teal', autoClose: 2500 });
      setEditing(null);
      setRemoving(null);
    },
    onError: (e) =>
      notifications.show({
        color: 'red',
        message:
          e instanceof ApiError && e.issues.length > 0
            ? e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
            : errorText(e),
      }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: windowsKey(regionId) });
      // Lateness and what agencies may edit follow the windows.
      void queryClient.invalidateQueries({ queryKey: regionKeys.overview(regionId) });
      void queryClient.invalidateQueries({ queryKey: ['plan'] });
    },
  });
  const today = new Date().toISOString().slice(0, 10);
  const rows = [...(windows.data ?? [])].sort(
    (a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.opensOn.localeCompare(b.opensOn),
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby="schedule-title" data-testid="schedule">
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={4} id="schedule-title">
            {t('schedule.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('schedule.help')}
          </Text>
        </Stack>
        {canEdit && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            {t('schedule.new')}
          </Button>
        )}
      </Group>
      {windows.isError && <ErrorView error={windows.error} onRetry={() => void windows.refetch()} />}
      {windows.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('schedule.none')}
        </Text>
      )}
      {rows.length > 0 && (
        <Table withTableBorder verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('schedule.stage')}</Table.Th>
              <Table.Th>{t('schedule.opensOn')}</Table.Th>
              <Table.Th>{t('schedule.closesOn')}</Table.Th>
              <Table.Th>{t('schedule.note')}</Table.Th>
              <Table.Th>{t('schedule.status')}</Table.Th>
              {canEdit && <Table.Th w={90} aria-label={t('schedule.actions')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((w) => {
              const status = windowStatus(w, today);
              return (
                <Table.Tr key={w.id} data-testid="window-row">
                  <Table.Td>{tc(`stage.${w.stage}`)}</Table.Td>
                  <Table.Td className="tabular">{formatDate(w.opensOn, lang)}</Table.Td>
                  <Table.Td className="tabular">{formatDate(w.closesOn, lang)}</Table.Td>
                  <Table.Td>{w.note ?? ''}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={STATUS_COLOR[status]}>
                      {t(`schedule.state.${status}`)}
                    </Badge>
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('schedule.editOne', { stage: tc(`stage.${w.stage}`) })}
                          onClick={() => setEditing(w)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('schedule.removeOne', { stage: tc(`stage.${w.stage}`) })}
                          onClick={() => setRemoving(w)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <WindowForm
        current={editing === 'new' ? null : editing}
        opened={editing !== null}
        busy={op.isPending}
        onClose={() => setEditing(null)}
        onSave={(fields) =>
          op.mutate(
            editing === 'new' || editing === null
              ? { kind: 'create', fields }
              : { kind: 'update', window: editing, fields },
          )
        }
      />
      <Modal
        closeButtonProps={{ 'aria-label': tc('action.close') }}
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('schedule.removeTitle')}
      >
        <Stack>
          <Text size="sm">
            {removing &&
              t('schedule.removeBody', {
                stage: tc(`stage.${removing.stage}`),
                from: formatDate(removing.opensOn, lang),
                to: formatDate(removing.closesOn, lang),
              })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {tc('action.cancel')}
            </Button>
            <Button
              color="red"
              loading={op.isPending}
              onClick={() => removing && op.mutate({ kind: 'delete', window: removing })}
            >
              {tc('action.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
};
