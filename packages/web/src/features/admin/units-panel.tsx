import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Modal,
  Paper,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyRecord, AgencyUnit } from './admin-types.ts';
import { unitTree } from './rules.ts';
import { UnitForm } from './unit-form.tsx';
import { UnitRetireDialog } from './unit-retire-dialog.tsx';

/** The agency's units as an indented tree, each with its key, kind and head; add, change or retire one. */
export const UnitsPanel = ({ agency }: { agency: AgencyRecord }) => {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  // undefined: closed; null: a new unit; a unit: that unit.
  const [editing, setEditing] = useState<AgencyUnit | null | undefined>(undefined);
  const [retiring, setRetiring] = useState<AgencyUnit | null>(null);
  const rows = unitTree(agency.units);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb={4}>
        <Title order={4}>{t('units.heading')}</Title>
        <Button leftSection={<IconPlus size={16} />} size="xs" onClick={() => setEditing(null)}>
          {t('units.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('units.hint')}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('units.empty')}</Text>
      ) : (
        <Table highlightOnHover verticalSpacing={6} aria-label={t('units.heading')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('units.name')}</Table.Th>
              <Table.Th w={190}>{t('units.id')}</Table.Th>
              <Table.Th w={120}>{t('units.kind')}</Table.Th>
              <Table.Th w={70}>
                <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ unit, depth }) => (
              <Table.Tr key={unit.id} data-testid="unit-row">
                <Table.Td>
                  <Box
                    pl={depth * 18}
                    style={depth > 0 ? { borderLeft: '2px solid var(--mantine-color-gray-3)' } : undefined}
                  >
                    <Text size="sm">{unit.name}</Text>
                    {unit.head && (
                      <Text size="xs" c="dimmed">
                        {unit.head.position}
                        {unit.head.name ? ` · ${unit.head.name}` : ''}
                      </Text>
                    )}
                  </Box>
                </Table.Td>
                <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                  {unit.id}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" size="sm" color="gray">
                    {t(`unitKinds.${unit.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={tc('action.edit')}>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => setEditing(unit)}
                        aria-label={t('units.edit', { name: unit.name })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={tc('action.delete')}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => setRetiring(unit)}
                        aria-label={t('units.retireLabel', { name: unit.name })}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {t('units.noDelete')}
      </Text>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('units.edit', { name: editing.name }) : t('units.add')}
        size="lg"
      >
        {editing !== undefined && (
          <UnitForm agency={agency} unit={editing} onDone={() => setEditing(undefined)} />
        )}
      </Modal>
      <UnitRetireDialog agency={agency} unit={retiring} onClose={() => setRetiring(null)} />
    </Paper>
  );
};
