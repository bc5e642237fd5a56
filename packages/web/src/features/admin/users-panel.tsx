import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus, IconUserPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorView } from '../../components/error-view.tsx';
import { agencyLabel, useAgencies, useRegionUsers } from './admin-queries.ts';
import type { AgencyRecord, RegionGrant, RegionUser } from './admin-types.ts';
import { GrantForm } from './grant-form.tsx';
import { PanelHeader, RowButton } from './panel-parts.tsx';
import { RevokeDialog, type Revoking } from './revoke-dialog.tsx';
import { UserCreateForm } from './user-create-form.tsx';

/** One role as a badge with its agency, and a button that asks to take it away. */
const RoleBadge = ({
  user,
  grant,
  agencies,
  onRevoke,
}: {
  user: RegionUser;
  grant: RegionGrant;
  agencies: ReadonlyMap<string, AgencyRecord>;
  onRevoke: (r: Revoking) => void;
}) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const agency = grant.agencyId === null ? undefined : agencies.get(grant.agencyId);
  const roleText = `${tc(`role.${grant.role}`)}${agency ? ` · ${agencyLabel(agency)}` : ''}`;
  return (
    <Badge
      variant="light"
      color={grant.role === 'admin' ? 'grape' : 'teal'}
      tt="none"
      pr={3}
      data-testid="role-badge"
      title={agency?.name}
      rightSection={
        <ActionIcon
          size="xs"
          variant="transparent"
          color="gray"
          aria-label={t('users.revoke', { role: roleText, name: user.username })}
          onClick={() => onRevoke({ user, grant, roleText })}
        >
          <IconX size={12} />
        </ActionIcon>
      }
    >
      {roleText}
    </Badge>
  );
};

const matches = (u: RegionUser, q: string) =>
  q === '' || u.username.includes(q) || u.displayName.toLowerCase().includes(q);

/**
 * The accounts of the region, those left without a role included: create one, open one, give a
 * role, take one away.
 */
export const UsersPanel = ({ regionId }: { regionId: string }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const users = useRegionUsers(regionId);
  const agencies = useAgencies(regionId);
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<RegionUser | null>(null);
  const [revoking, setRevoking] = useState<Revoking | null>(null);
  const [query, setQuery] = useState('');
  const agencyList = agencies.data ?? [];
  const byId = new Map(agencyList.map((a) => [a.id, a]));
  const q = query.trim().toLowerCase();
  const shown = (users.data ?? []).filter((u) => matches(u, q));
  return (
    <>
      <PanelHeader
        title={t('users.heading')}
        search={{ label: t('users.search'), value: query, onChange: setQuery }}
      >
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          {t('users.add')}
        </Button>
      </PanelHeader>
      {users.isPending && <Loader aria-label={tc('state.loading')} />}
      {users.isError && <ErrorView error={users.error} onRetry={() => void users.refetch()} />}
      {agencies.isError && <ErrorView error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {users.data && users.data.length === 0 && <Text c="dimmed">{t('users.empty')}</Text>}
      {users.data && users.data.length > 0 && shown.length === 0 && <Text c="dimmed">{t('users.none')}</Text>}
      {shown.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={220}>{t('users.username')}</Table.Th>
              <Table.Th w={240}>{t('users.displayName')}</Table.Th>
              <Table.Th>{t('users.roles')}</Table.Th>
              <Table.Th w={210}>
                <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((u) => (
              <Table.Tr key={u.id} data-testid="user-row" data-username={u.username}>
                <Table.Td ff="monospace" fz="sm">
                  <Anchor component={Link} to={u.id} ff="monospace" fz="sm">
                    {u.username}
                  </Anchor>
                  {u.disabled && (
                    <Badge color="gray" size="xs" ml={6}>
                      {t('users.disabled')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{u.displayName}</Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    {u.roles.length === 0 && <Text c="dimmed">{t('users.noRoles')}</Text>}
                    {u.roles.map((g) => (
                      <RoleBadge key={g.id} user={u} grant={g} agencies={byId} onRevoke={setRevoking} />
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <RowButton
                      onClick={() => setGranting(u)}
                      label={t('users.grantTo', { name: u.username })}
                      leftSection={<IconUserPlus size={14} />}
                    >
                      {t('users.grant')}
                    </RowButton>
                    <RowButton to={u.id} label={t('users.manage', { name: u.username })}>
                      {tc('action.edit')}
                    </RowButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('users.add')} size="lg">
        {creating && (
          <UserCreateForm regionId={regionId} agencies={agencyList} onDone={() => setCreating(false)} />
        )}
      </Modal>
      <Modal
        opened={granting !== null}
        onClose={() => setGranting(null)}
        title={granting ? t('users.grantTo', { name: granting.displayName }) : ''}
        size="lg"
      >
        {granting && (
          <GrantForm
            regionId={regionId}
            user={granting}
            agencies={agencyList}
            onDone={() => setGranting(null)}
          />
        )}
      </Modal>
      <RevokeDialog regionId={regionId} revoking={revoking} onClose={() => setRevoking(null)} />
    </>
  );
};
