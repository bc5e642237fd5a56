import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { ME_KEY } from '../auth/use-me.ts';
import { adminKeys } from './admin-queries.ts';
import type { RegionGrant, RegionUser } from './admin-types.ts';

/** A role about to be taken away, with how to name it. */
export interface Revoking {
  readonly user: RegionUser;
  readonly grant: RegionGrant;
  readonly roleText: string;
}

/** Asks before taking a role away, then does it. */
export const RevokeDialog = ({
  regionId,
  revoking,
  onClose,
}: {
  regionId: string;
  revoking: Revoking | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const revoke = useMutation({ mutationFn: (grantId: string) => api.delete<void>(`/api/roles/${grantId}`) });
  const names = revoking && {
    role: revoking.roleText,
    name: `${revoking.user.displayName} (${revoking.user.username})`,
  };
  const confirm = () => {
    if (!revoking || !names) return;
    revoke.mutate(revoking.grant.id, {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: adminKeys.users(regionId) });
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        notifications.show({ message: t('users.revoked', names), color: 'teal', autoClose: 3000 });
        onClose();
      },
      onError: (e) => {
        notifications.show({
          color: 'red',
          message: e instanceof ApiError && e.code === 'CONFLICT' ? t('users.lastAdmin') : errorText(e),
        });
        onClose();
      },
    });
  };
  return (
    <Modal opened={revoking !== null} onClose={onClose} title={t('users.revokeTitle')}>
      {names && <Text mb="md">{t('users.revokeBody', names)}</Text>}
      {revoking && revoking.user.roles.length === 1 && (
        <Alert color="yellow" mb="md" py="xs">
          {t('users.lastRole')}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {tc('action.cancel')}
        </Button>
        <Button color="red" onClick={confirm} loading={revoke.isPending}>
          {t('users.revokeConfirm')}
        </Button>
      </Group>
    </Modal>
  );
};
