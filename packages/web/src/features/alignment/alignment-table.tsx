import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TargetValue, YearValues } from '../../api/types.ts';
import { useLang } from '../../i18n/index.ts';
import classes from './alignment.module.css';
import { layoutRow, rowState, targetText } from './alignment-model.ts';
import type { AlignmentRow } from './alignment-types.ts';
import { AgencyGoalView, IndicatorView, RegionalGoalView } from './goal-parts.tsx';

interface Props {
  readonly rows: readonly AlignmentRow[];
  /** Whether the regional indicators and their targets have columns (they can be hidden to save width). */
  readonly withRegional: boolean;
  readonly years: readonly number[];
  readonly planId: string;
  readonly regionalNames: ReadonlyMap<string, string>;
}

const YearCells = ({
  targets,
  years,
  span,
}: {
  targets: YearValues<TargetValue> | undefined;
  years: readonly number[];
  span: number;
}) => {
  const lang = useLang();
  return (
    <>
      {years.map((y) => (
        <Table.Td key={y} rowSpan={span} className={classes.year}>
          {targets ? targetText(targets[String(y)], lang) : ''}
        </Table.Td>
      ))}
    </>
  );
};

/** One regional goal with the agency goals aligned to it, over as many lines as either side needs. */
const RowGroup = ({
  row,
  years,
  planId,
  regionalNames,
  withRegional,
}: Omit<Props, 'rows'> & { row: AlignmentRow }) => {
  const { t } = useTranslation('alignment');
  const { span, lines } = layoutRow(row, withRegional);
  const state = rowState(row);
  const goalClass = [
    classes.sticky,
    row.regional.role === 'tujuan' ? classes.tujuan : '',
    state === 'gap' ? classes.gapGoal : '',
  ].join(' ');
  return (
    <Table.Tbody data-testid="alignment-row" data-key={row.regional.key} data-state={state}>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one row have no identity but their place
        <Table.Tr key={i}>
          {i === 0 && (
            <Table.Th scope="rowgroup" rowSpan={span} className={goalClass} fw="normal">
              <RegionalGoalView goal={row.regional} expected={row.expected} />
            </Table.Th>
          )}
          {line.regionalIndicator && (
            <>
              <Table.Td rowSpan={line.regionalIndicator.span}>
                <IndicatorView indicator={line.regionalIndicator.item} />
              </Table.Td>
              <YearCells
                targets={line.regionalIndicator.item?.targets}
                years={years}
                span={line.regionalIndicator.span}
              />
            </>
          )}
          {line.noAgency !== undefined && (
            <Table.Td
              rowSpan={line.noAgency}
              colSpan={2 + years.length}
              className={`${classes.agencyStart} ${state === 'gap' ? classes.gapCell : classes.noneCell}`}
              data-testid={state === 'gap' ? 'gap' : undefined}
            >
              <Text size="sm" fw={state === 'gap' ? 600 : 400} inherit>
                {state === 'gap' ? t('gap') : '–'}
              </Text>
            </Table.Td>
          )}
          {line.agencyGoal && (
            <Table.Td rowSpan={line.agencyGoal.span} className={classes.agencyStart}>
              {line.agencyGoal.item && <AgencyGoalView goal={line.agencyGoal.item} planId={planId} />}
            </Table.Td>
          )}
          {line.agencyIndicator && (
            <>
              <Table.Td rowSpan={line.agencyIndicator.span}>
                <IndicatorView indicator={line.agencyIndicator.item} regionalNames={regionalNames} />
              </Table.Td>
              <YearCells
                targets={line.agencyIndicator.item?.targets}
                years={years}
                span={line.agencyIndicator.span}
              />
            </>
          )}
        </Table.Tr>
      ))}
    </Table.Tbody>
  );
};

/** Tabel 4.2: regional tujuan and sasaran on the left, the agency's aligned ones on the right. */
export const AlignmentTable = ({ rows, years, planId, regionalNames, withRegional }: Props) => {
  const { t } = useTranslation('alignment');
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className={classes.scroll} tabIndex={0} aria-label={t('tableLabel')}>
      <Table
        className={classes.table}
        miw={withRegional ? 1240 : 900}
        verticalSpacing={6}
        horizontalSpacing="xs"
        data-testid="alignment-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th rowSpan={2} className={classes.sticky} w={250}>
              {t('head.regionalGoal')}
            </Table.Th>
            {withRegional && <Table.Th colSpan={1 + years.length}>{t('head.regionalMeasures')}</Table.Th>}
            <Table.Th rowSpan={2} className={classes.agencyStart} w={250}>
              {t('head.agencyGoal')}
            </Table.Th>
            <Table.Th colSpan={1 + years.length}>{t('head.agencyMeasures')}</Table.Th>
          </Table.Tr>
          <Table.Tr>
            {withRegional && (
              <>
                <Table.Th miw={180}>{t('head.indicator')}</Table.Th>
                {years.map((y) => (
                  <Table.Th key={`r${y}`} className={classes.year} w={64}>
                    {y}
                  </Table.Th>
                ))}
              </>
            )}
            <Table.Th miw={180}>{t('head.indicator')}</Table.Th>
            {years.map((y) => (
              <Table.Th key={`a${y}`} className={classes.year} w={64}>
                {y}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        {rows.map((row) => (
          <RowGroup
            key={row.regional.key}
            row={row}
            years={years}
            planId={planId}
            regionalNames={regionalNames}
            withRegional={withRegional}
          />
        ))}
      </Table>
    </section>
  );
};
