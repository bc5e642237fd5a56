import { Alert, Button, Paper, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { useStoreUser } from './admin-queries.ts';
import type { UserAccount, UserCardProps } from './admin-types.ts';
import { fieldErrors, isStale, refusalReason } from './form-errors.ts';
import { notifyDone } from './form-parts.tsx';
import { ConfirmDialog } from './panel-parts.tsx';

/** Why the status could not change, in words: the server's refusal where it concerns `disabled`. */
const useStatusProblem = () => {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  return (error: unknown): string | undefined => {
    if (!error) return undefined;
    const atField = fieldErrors(error).disabled;
    if (atField) return t('status.self');
    if (refusalReason(error) === 'last-admin') return t('status.lastAdmin');
    if (isStale(error)) return t('status.stale');
    return errorText(error);
  };
};

/**
 * Whether the account may sign in. Disabling (after a confirmation) ends its sessions at once;
 * the server refuses it for your own account and for a region's last admin, and says so here.
 */
export const UserStatusCard = ({ user, self, regionId }: UserCardProps) => {
  const { t } = useTranslation('admin');
  const store = useStoreUser(regionId);
  const problemOf = useStatusProblem();
  const [confirming, setConfirming] = useState(false);
  const change = useMutation({
    mutationFn: (disabled: boolean) =>
      api.patch<UserAccount>(`/api/users/${user.id}`, { disabled }, { ifMatch: user.version }),
  });
  const disabling = !user.disabled;
  const names = { name: `${user.displayName} (${user.username})` };
  const confirm = () =>
    change.mutate(disabling, {
      onSuccess: (u) => {
        store(u);
        notifyDone(t(disabling ? 'status.disabledDone' : 'status.enabledDone', names));
        setConfirming(false);
      },
      onError: (e) => {
        if (e instanceof ApiError && isStale(e) && e.current) store(e.current as UserAccount);
        setConfirming(false);
      },
    });
  const problem = problemOf(change.error);
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('status.heading')}
      </Title>
      <Text size="sm" mb="sm">
        {user.disabled ? t('status.disabledText') : t('status.activeText')}
      </Text>
      <Button
        variant="light"
        color={disabling ? 'red' : 'teal'}
        leftSection={disabling ? <IconLock size={16} /> : <IconLockOpen size={16} />}
        onClick={() => {
          change.reset();
          setConfirming(true);
        }}
        disabled={self && disabling}
      >
        {disabling ? t('status.disable') : t('status.enable')}
      </Button>
      {self && disabling && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('status.self')}
        </Text>
      )}
      {problem && (
        <Alert color="red" role="alert" py="xs" mt="sm" data-testid="status-problem">
          {problem}
        </Alert>
      )}
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={disabling ? t('status.disableTitle') : t('status.enableTitle')}
        body={t(disabling ? 'status.disableBody' : 'status.enableBody', names)}
        confirmLabel={disabling ? t('status.disable') : t('status.enable')}
        confirmColor={disabling ? 'red' : 'teal'}
        busy={change.isPending}
        onConfirm={confirm}
      />
    </Paper>
  );
};
