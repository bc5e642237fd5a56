import { Alert } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useErrorText } from '../../components/error-view.tsx';
import { ME_KEY } from '../auth/use-me.ts';
import { adminKeys } from './admin-queries.ts';
import type { RegionGrant, RegionUser } from './admin-types.ts';
import { refusalReason } from './form-errors.ts';
import { notifyDone } from './form-parts.tsx';
import { ConfirmDialog } from './panel-parts.tsx';

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
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const revoke = useMutation({ mutationFn: (grantId: string) => api.delete<void>(`/api/roles/${grantId}`) });
  const names = revoking && {
    role: revoking.roleText,
    name: `${revoking.user.displayName} (${revoking.user.username})`,
  };
  const close = () => {
    revoke.reset();
    onClose();
  };
  const confirm = () => {
    if (!revoking || !names) return;
    revoke.mutate(revoking.grant.id, {
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: adminKeys.users(regionId) });
        void queryClient.invalidateQueries({ queryKey: adminKeys.user(revoking.user.id) });
        void queryClient.invalidateQueries({ queryKey: ME_KEY });
        notifyDone(t('users.revoked', names));
        close();
      },
    });
  };
  const lastAdmin = refusalReason(revoke.error) === 'last-admin';
  return (
    <ConfirmDialog
      opened={revoking !== null}
      onClose={close}
      title={t('users.revokeTitle')}
      body={names ? t('users.revokeBody', names) : undefined}
      problem={
        revoke.error
          ? { text: lastAdmin ? t('users.lastAdmin') : errorText(revoke.error), color: 'red' }
          : undefined
      }
      blocked={lastAdmin}
      confirmLabel={t('users.revokeConfirm')}
      busy={revoke.isPending}
      onConfirm={confirm}
    >
      {revoking && revoking.user.roles.length === 1 && (
        <Alert color="yellow" mb="md" py="xs">
          {t('users.lastRole')}
        </Alert>
      )}
    </ConfirmDialog>
  );
};
