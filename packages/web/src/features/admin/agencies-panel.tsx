import { Anchor, Button, Loader, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { ErrorView } from '../../components/error-view.tsx';
import { adminKeys, useAgencies } from './admin-queries.ts';
import type { AgencyRecord } from './admin-types.ts';
import { type AgencyFields, agencyBody, emptyAgencyFields } from './agency-fields.ts';
import { AgencyForm } from './agency-form.tsx';
import { notifyDone } from './form-parts.tsx';
import { PanelHeader, RowButton } from './panel-parts.tsx';

/** The dialog that adds an agency to the region, then opens it (to add its units). */
const CreateAgencyDialog = ({
  regionId,
  opened,
  onClose,
}: {
  regionId: string;
  opened: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [fields, setFields] = useState<AgencyFields>(emptyAgencyFields);
  const create = useMutation({
    mutationFn: (f: AgencyFields) =>
      api.post<AgencyRecord>(`/api/regions/${regionId}/agencies`, { agency: agencyBody(f), kind: f.kind }),
    onSuccess: async (a) => {
      queryClient.setQueryData(adminKeys.agency(a.id), a);
      await queryClient.invalidateQueries({ queryKey: adminKeys.agencies(regionId) });
      notifyDone(t('agencies.created', { name: a.name }));
      setFields(emptyAgencyFields());
      create.reset();
      onClose();
      void navigate(`/admin/perangkat-daerah/${a.id}`);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('agencies.add')} size="lg">
      <AgencyForm
        mode="create"
        fields={fields}
        onChange={setFields}
        error={create.error}
        busy={create.isPending}
        onSubmit={() => create.mutate(fields)}
        onCancel={onClose}
      />
    </Modal>
  );
};

/** The region's agencies: code, name, short name, kind and head; each opens to be edited. */
export const AgenciesPanel = ({ regionId }: { regionId: string }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const agencies = useAgencies(regionId);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PanelHeader
        title={t('agencies.heading')}
        count={agencies.data && t('agencies.count', { count: agencies.data.length })}
      >
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          {t('agencies.add')}
        </Button>
      </PanelHeader>
      {agencies.isPending && <Loader aria-label={tc('state.loading')} />}
      {agencies.isError && <ErrorView error={agencies.error} onRetry={() => void agencies.refetch()} />}
      {agencies.data && agencies.data.length === 0 && <Text c="dimmed">{t('agencies.empty')}</Text>}
      {agencies.data && agencies.data.length > 0 && (
        <Table striped highlightOnHover withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={210}>{t('agency.code')}</Table.Th>
              <Table.Th>{t('agency.name')}</Table.Th>
              <Table.Th w={130}>{t('agency.shortName')}</Table.Th>
              <Table.Th w={130}>{t('agency.kind')}</Table.Th>
              <Table.Th>{t('agency.head')}</Table.Th>
              <Table.Th w={90}>
                <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {agencies.data.map((a) => (
              <Table.Tr key={a.id} data-testid="agency-row">
                <Table.Td ff="monospace" fz="sm">
                  {a.code}
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={a.id}>
                    {a.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{a.shortName ?? '—'}</Table.Td>
                <Table.Td>{t(`kinds.${a.kind}`)}</Table.Td>
                <Table.Td fz="sm">
                  {a.head ? (
                    <>
                      {a.head.position}
                      {a.head.name && (
                        <Text span c="dimmed" fz="sm">
                          {' · '}
                          {a.head.name}
                        </Text>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  <RowButton to={a.id} label={t('agencies.manage', { name: a.name })}>
                    {tc('action.edit')}
                  </RowButton>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <CreateAgencyDialog regionId={regionId} opened={adding} onClose={() => setAdding(false)} />
    </>
  );
};
