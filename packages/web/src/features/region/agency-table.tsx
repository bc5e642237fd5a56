import { Anchor, Badge, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { FindingCounts, KindBadge, ReviewState } from './plan-badges.tsx';
import classes from './region.module.css';
import { type AgencyRow, agencyLabel, type Sort, type SortKey } from './region-model.ts';

const SortHeader = ({
  column,
  label,
  sort,
  onSort,
  ...rest
}: {
  column: SortKey;
  label: string;
  sort: Sort;
  onSort: (key: SortKey) => void;
  w?: number;
}) => {
  const { t } = useTranslation('region');
  const active = sort.key === column;
  const Icon = !active ? IconSelector : sort.dir === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'} {...rest}>
      <UnstyledButton
        className={classes.sortButton}
        onClick={() => onSort(column)}
        title={t('sortBy', { column: label })}
      >
        {label}
        <Icon size={14} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  );
};

/** Up and down arrows move between the rows that open a plan. */
const moveFocus = (from: HTMLElement, step: 1 | -1) => {
  let el = step === 1 ? from.nextElementSibling : from.previousElementSibling;
  while (el && !el.hasAttribute('tabindex'))
    el = step === 1 ? el.nextElementSibling : el.previousElementSibling;
  if (el instanceof HTMLElement) el.focus();
};

const PlanRow = ({ row }: { row: AgencyRow }) => {
  const { t } = useTranslation('region');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { agency, plan } = row;
  const to = plan ? `/rencana/${plan.planId}` : undefined;
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.target !== e.currentTarget) return;
    if (to && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      void navigate(to);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveFocus(e.currentTarget, e.key === 'ArrowDown' ? 1 : -1);
    }
  };
  const onClick = (e: MouseEvent<HTMLTableRowElement>) => {
    if (!to || (e.target as HTMLElement).closest('a')) return;
    void navigate(to);
  };
  return (
    <Table.Tr
      className={`${classes.row} ${plan ? '' : classes.planless}`}
      data-testid="agency-row"
      data-agency={agencyLabel(agency)}
      {...(to && { tabIndex: 0, onClick, title: t('openPlan', { title: plan?.title }) })}
      onKeyDown={onKeyDown}
    >
      <Table.Td>
        <Text size="xs" ff="monospace" c="dimmed">
          {agency.code}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm" fw={600}>
              {agencyLabel(agency)}
            </Text>
            <KindBadge kind={agency.kind} />
          </Group>
          {agency.shortName && (
            <Text size="xs" c="dimmed" lineClamp={1} title={agency.name}>
              {agency.name}
            </Text>
          )}
        </Stack>
      </Table.Td>
      {plan ? (
        <>
          <Table.Td>
            <Anchor component={Link} to={`/rencana/${plan.planId}`} size="sm" tabIndex={-1}>
              {plan.title}
            </Anchor>
          </Table.Td>
          <Table.Td>
            {plan.stage ? (
              <Badge variant="light" size="sm">
                {tc(`stage.${plan.stage}`, { defaultValue: plan.stage })}
              </Badge>
            ) : (
              <Text c="dimmed">–</Text>
            )}
          </Table.Td>
          <Table.Td>
            <FindingCounts findings={plan.findings} />
          </Table.Td>
          <Table.Td>
            <ReviewState plan={plan} />
          </Table.Td>
          <Table.Td>
            <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
              {formatDate(plan.updatedAt, lang)}
            </Text>
          </Table.Td>
        </>
      ) : (
        <Table.Td colSpan={5}>
          <Text size="sm" c="dimmed" fs="italic" data-testid="no-plan">
            {t('noPlan')}
          </Text>
        </Table.Td>
      )}
    </Table.Tr>
  );
};

/** Every agency with its Renstra; rows that have one open it by click, Enter or Space. */
export const AgencyTable = ({
  rows,
  sort,
  onSort,
}: {
  rows: readonly AgencyRow[];
  sort: Sort;
  onSort: (key: SortKey) => void;
}) => {
  const { t } = useTranslation('region');
  return (
    <Table.ScrollContainer minWidth={1000} type="native">
      <Table highlightOnHover verticalSpacing="xs" data-testid="agency-table">
        <Table.Thead>
          <Table.Tr>
            <SortHeader column="code" label={t('col.code')} sort={sort} onSort={onSort} w={175} />
            <SortHeader column="name" label={t('col.name')} sort={sort} onSort={onSort} w={270} />
            <Table.Th>{t('col.plan')}</Table.Th>
            <Table.Th w={130}>{t('col.stage')}</Table.Th>
            <SortHeader column="errors" label={t('col.findings')} sort={sort} onSort={onSort} w={110} />
            <Table.Th w={170}>{t('col.review')}</Table.Th>
            <SortHeader column="updated" label={t('col.updated')} sort={sort} onSort={onSort} w={140} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <PlanRow key={r.id} row={r} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
