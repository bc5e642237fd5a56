import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/index.ts';
import { collapseEqual, formatValue, splitField } from './review-model.ts';
import type { FieldChange, SectionChange } from './review-types.ts';

/** One added or removed item: a green plus or a red minus, its key and its text. */
export const AddedRemoved = ({
  kind,
  code,
  text,
  detail,
  testId,
}: {
  kind: 'added' | 'removed';
  code: string;
  text: string;
  detail?: string | undefined;
  testId: string;
}) => (
  <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={testId} data-key={code}>
    <Badge size="sm" color={kind === 'added' ? 'teal' : 'red'} variant="light" w={28} px={0}>
      {kind === 'added' ? '+' : '−'}
    </Badge>
    <Text size="sm" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
      {code}
    </Text>
    <Text size="sm" {...(kind === 'removed' && { td: 'line-through', c: 'red.8' })}>
      {text}
      {detail ? (
        <Text span size="xs" c="dimmed">
          {' '}
          · {detail}
        </Text>
      ) : null}
    </Text>
  </Group>
);

/** Field-by-field changes: targets and pagu per year, values in the reader's number format. */
export const FieldChanges = ({ fields }: { fields: readonly FieldChange[] }) => {
  const { t } = useTranslation('review');
  const lang = useLang();
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">{t('diff.field')}</Table.Th>
          <Table.Th>{t('diff.before')}</Table.Th>
          <Table.Th>{t('diff.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((f) => {
          const { name, year } = splitField(f.field);
          return (
            <Table.Tr key={f.field} data-testid="field-change" data-field={f.field}>
              <Table.Td>{t(`field.${name}`, { defaultValue: name, year })}</Table.Td>
              <Table.Td className="tabular" c="red.8">
                {formatValue(f.field, f.before, lang)}
              </Table.Td>
              <Table.Td className="tabular" c="teal.8">
                {formatValue(f.field, f.after, lang)}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
};

/** A section's text with inserted words in green and deleted words struck through in red. */
export const TextDiff = ({ change }: { change: SectionChange }) => {
  const { t } = useTranslation('review');
  return (
    <Paper withBorder p="sm" data-testid="section-change" data-section={change.section ?? ''}>
      <Stack gap={6}>
        <Group gap="xs">
          <Text fw={600} size="sm">
            {change.section ? `${change.section} ${change.title}` : t('diff.intro', { title: change.title })}
          </Text>
          <Badge
            size="sm"
            variant="light"
            color={change.change === 'added' ? 'teal' : change.change === 'removed' ? 'red' : 'blue'}
          >
            {t(`diff.${change.change}`)}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}>
          {collapseEqual(change.text).map((p, i) =>
            p.op === 'insert' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts are in a fixed order
              <ins key={i} className="diff-ins" data-testid="text-insert">
                {p.text}
              </ins>
            ) : p.op === 'delete' ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts are in a fixed order
              <del key={i} className="diff-del" data-testid="text-delete">
                {p.text}
              </del>
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts are in a fixed order
              <span key={i} className={p.elided ? 'diff-elided' : undefined}>
                {p.text}
              </span>
            ),
          )}
        </Text>
      </Stack>
    </Paper>
  );
};
