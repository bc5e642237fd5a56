import {
  Anchor,
  Badge,
  Breadcrumbs,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../../api/client.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { useMe } from '../auth/use-me.ts';
import { agencyLabel, useAgencies, useStoreUser, useUser } from './admin-queries.ts';
import type { UserAccount } from './admin-types.ts';
import { isStale } from './form-errors.ts';
import { AdminForm, FormFooter, MONO, notifyDone, useFieldErrors } from './form-parts.tsx';
import { RecordCard, StaleNotice } from './panel-parts.tsx';
import { UserPasswordCard } from './user-password-form.tsx';
import { UserStatusCard } from './user-status.tsx';

/** The account's display name, saved against the version it was read at, and its roles here. */
const AccountCard = ({ user, regionId }: { user: UserAccount; regionId: string }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const store = useStoreUser(regionId);
  const agencies = new Map((useAgencies(regionId).data ?? []).map((a) => [a.id, a]));
  const [name, setName] = useState(user.displayName);
  const save = useMutation({
    mutationFn: (displayName: string) =>
      api.patch<UserAccount>(`/api/users/${user.id}`, { displayName }, { ifMatch: user.version }),
  });
  const stale = isStale(save.error);
  const { at, general, check } = useFieldErrors(stale ? null : save.error, ['displayName']);
  const submit = () => {
    if (!check(name.trim() ? {} : { displayName: t('required') })) return;
    save.mutate(name.trim(), {
      onSuccess: (u) => {
        store(u);
        notifyDone(t('account.saved'));
      },
      onError: (e) => {
        // Someone else saved the account: take their version, keep the typed name.
        if (e instanceof ApiError && isStale(e) && e.current) store(e.current as UserAccount);
      },
    });
  };
  const roles = user.roles.filter((r) => r.regionId === regionId);
  return (
    <RecordCard title={t('account.heading')} version={user.version}>
      <AdminForm onSubmit={submit}>
        {stale && <StaleNotice title={t('account.staleTitle')}>{t('account.staleBody')}</StaleNotice>}
        <TextInput label={t('users.username')} value={user.username} readOnly styles={MONO} />
        <TextInput
          label={t('users.displayName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={at('displayName')}
        />
        <FormFooter
          problems={general}
          busy={save.isPending}
          submitLabel={tc('action.save')}
          disabled={name.trim() === user.displayName}
        />
      </AdminForm>
      <Text size="sm" fw={500} mt="md" mb={4}>
        {t('users.roles')}
      </Text>
      <Group gap={6}>
        {roles.length === 0 && <Text c="dimmed">{t('users.noRoles')}</Text>}
        {roles.map((r) => {
          const agency = r.agencyId === null ? undefined : agencies.get(r.agencyId);
          return (
            <Badge key={r.id} variant="light" color={r.role === 'admin' ? 'grape' : 'teal'} tt="none">
              {tc(`role.${r.role}`)}
              {agency ? ` · ${agencyLabel(agency)}` : ''}
            </Badge>
          );
        })}
      </Group>
      <Text size="xs" c="dimmed" mt="sm">
        {t('account.created', { date: formatDate(user.createdAt, lang) })}
      </Text>
    </RecordCard>
  );
};

/** One account of the region: its name and roles (left), its status and password (right). */
export const UserDetail = ({ regionId }: { regionId: string }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const { userId = '' } = useParams();
  const user = useUser(userId);
  const me = useMe();
  const self = me.data?.id === userId;
  return (
    <Stack gap="sm">
      <Breadcrumbs>
        <Anchor component={Link} to="/admin/pengguna" size="sm">
          {t('users.all')}
        </Anchor>
        <Text size="sm">{user.data?.username ?? '…'}</Text>
      </Breadcrumbs>
      {user.isPending && <Loader aria-label={tc('state.loading')} />}
      {user.isError && <ErrorView error={user.error} onRetry={() => void user.refetch()} />}
      {user.data && (
        <>
          <Group gap="sm" align="baseline">
            <Title order={3}>{user.data.displayName}</Title>
            <Text ff="monospace" c="dimmed" size="sm">
              {user.data.username}
            </Text>
            <Badge variant="light" color={user.data.disabled ? 'gray' : 'teal'} data-testid="user-status">
              {user.data.disabled ? t('users.disabled') : t('status.active')}
            </Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" style={{ alignItems: 'start' }}>
            <AccountCard key={user.data.id} user={user.data} regionId={regionId} />
            <Stack gap="md">
              <UserStatusCard user={user.data} self={self} regionId={regionId} />
              <UserPasswordCard key={user.data.id} user={user.data} self={self} regionId={regionId} />
            </Stack>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
};
