import { Anchor as Link, Text } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { bab, useChapters } from '../plan/chapter-queries.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { anchorLink } from './review-model.ts';
import type { Anchor } from './review-types.ts';

/** Names an anchor for people: "BAB II", "2.3 Sumber Daya …", "TJ1 — Meningkatnya …", "Persentase … (key)". */
export const useAnchorText = (plan: PlanContext) => {
  const { t } = useTranslation('review');
  const chapters = useChapters(plan.planId, plan.tree.format === 'selaras.renstra');
  const nodes = useMemo(() => new Map(plan.tree.nodes.map((n) => [n.key, n])), [plan.tree.nodes]);
  const indicators = useMemo(
    () => new Map(plan.tree.nodes.flatMap((n) => n.indicators.map((i) => [i.key, i] as const))),
    [plan.tree.nodes],
  );
  return useCallback(
    (a: Anchor): string => {
      switch (a.type) {
        case 'plan':
          return t('anchor.plan');
        case 'tree':
          return t('anchor.tree');
        case 'chapter': {
          const c = chapters.data?.find((x) => x.number === a.chapter);
          return `${bab(a.chapter)}${c ? ` ${c.title}` : ''}`;
        }
        case 'section': {
          const s = chapters.data
            ?.find((x) => x.number === a.chapter)
            ?.sections.find((x) => x.key === a.section);
          return t('anchor.sectionOf', { section: `${a.section}${s ? ` ${s.title}` : ''}` });
        }
        case 'node': {
          const n = nodes.get(a.node);
          return n ? `${a.node} — ${n.statement}` : t('anchor.missingNode', { key: a.node });
        }
        case 'indicator': {
          const i = indicators.get(a.indicator);
          return i ? `${i.name} (${a.indicator})` : t('anchor.missingIndicator', { key: a.indicator });
        }
        case 'table-row':
          return t('anchor.tableRow', { table: a.table, row: a.row });
      }
    },
    [t, chapters.data, nodes, indicators],
  );
};

/** An anchor as a link to where it points in the workspace (plain text for the whole plan). */
export const AnchorLink = ({
  plan,
  anchor,
  text,
}: {
  plan: PlanContext;
  anchor: Anchor;
  text: (a: Anchor) => string;
}) => {
  const to = anchorLink(plan.planId, anchor);
  const label = text(anchor);
  return to ? (
    <Link component={RouterLink} to={to} size="sm" fw={500} data-testid="anchor-link">
      {label}
    </Link>
  ) : (
    <Text size="sm" fw={500} span>
      {label}
    </Text>
  );
};
