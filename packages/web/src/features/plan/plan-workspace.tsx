import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBinaryTree2,
  IconChartBar,
  IconFileText,
  IconLink,
  IconTable,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, NavLink as RouterNavLink, useLocation, useParams } from 'react-router';
import { ErrorView } from '../../components/error-view.tsx';
import { canEditPlan, useMe } from '../auth/use-me.ts';
import { ReviewBanner, ReviewNavLink } from '../review/review-lock.tsx';
import { useReviewSummary } from '../review/review-queries.ts';
import { editableInState } from '../review/review-rules.ts';
import { bab, useChapters } from './chapter-queries.ts';
import './locale.ts';
import type { PlanContext } from './plan-context.ts';
import { periodYears } from './plan-context.ts';
import { usePlanTree, useValidation } from './plan-queries.ts';
import { ValidationPanel } from './validation-panel.tsx';

const FINDINGS_KEY = 'selaras.findingsPanel';

const ChapterNav = ({ planId }: { planId: string }) => {
  const { t } = useTranslation('plan');
  const chapters = useChapters(planId);
  const { pathname } = useLocation();
  const base = `/rencana/${planId}/bab`;
  return (
    <NavLink
      component="button"
      label={t('chapters')}
      leftSection={<IconFileText size={16} />}
      defaultOpened={pathname.startsWith(base)}
    >
      {(chapters.data ?? []).map((c) => (
        <NavLink
          key={c.id}
          component="button"
          label={`${bab(c.number)} ${c.title}`}
          defaultOpened={pathname.startsWith(`${base}/${c.number}`)}
          childrenOffset={12}
        >
          {c.sections.map((s) => (
            <NavLink
              key={s.id}
              component={RouterNavLink}
              to={`${base}/${c.number}/${s.key}`}
              label={`${s.key} ${s.title}`}
              styles={{ label: { fontSize: 13 } }}
            />
          ))}
        </NavLink>
      ))}
    </NavLink>
  );
};

/** The plan's frame: navigation on the left, the screen in the middle, live findings on the right. */
export const PlanWorkspace = () => {
  const { planId = '' } = useParams();
  const { t } = useTranslation('plan');
  const { t: tc } = useTranslation();
  const tree = usePlanTree(planId);
  const validation = useValidation(planId);
  const { data: user } = useMe();
  const isRenstraPlan = tree.data?.format === 'selaras.renstra';
  const review = isRenstraPlan ? tree.data?.review : undefined;
  // Renstra only: the review's counts for the navigation, and whether the stage's window is open.
  const reviewSummary = useReviewSummary(planId, isRenstraPlan);
  const windowOpen = reviewSummary.data?.windowOpen;
  // The findings panel starts open where there is room for it beside the screen (and as last left).
  const [showFindings, setShowFindingsState] = useState(
    () => (localStorage.getItem(FINDINGS_KEY) ?? (window.innerWidth >= 1400 ? 'open' : 'closed')) === 'open',
  );
  const setShowFindings = (f: (v: boolean) => boolean) =>
    setShowFindingsState((v) => {
      const next = f(v);
      localStorage.setItem(FINDINGS_KEY, next ? 'open' : 'closed');
      return next;
    });
  const context = useMemo<PlanContext | undefined>(
    () =>
      tree.data && {
        planId,
        tree: tree.data,
        // Who may edit, and whether the review lets anyone edit now (a draft in its window, or returned).
        canEdit:
          canEditPlan(user, tree.data.regionId, tree.data.agencyId) &&
          editableInState(review?.state) &&
          !(review?.state === 'draft' && windowOpen === false),
        review,
        years: periodYears(tree.data.period),
      },
    [planId, tree.data, user, review, windowOpen],
  );
  if (tree.isPending)
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  if (tree.isError || !context) return <ErrorView error={tree.error} onRetry={() => void tree.refetch()} />;
  const summary = validation.data?.summary;
  const isRenstra = context.tree.format === 'selaras.renstra';
  const link = (to: string, label: string, icon: React.ReactNode) => (
    <NavLink component={RouterNavLink} to={`/rencana/${planId}/${to}`} label={label} leftSection={icon} />
  );
  return (
    <Group gap={0} align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      <Box
        component="nav"
        aria-label={context.tree.title}
        w={250}
        style={{ borderRight: '1px solid var(--mantine-color-gray-3)' }}
      >
        <ScrollArea h="100%">
          <Stack gap={4} p="sm">
            <Text fw={600} size="sm" lineClamp={3} title={context.tree.title}>
              {context.tree.title}
            </Text>
            <Group gap={4}>
              {context.tree.stage && <Badge variant="light">{tc(`stage.${context.tree.stage}`)}</Badge>}
              {!isRenstra && (
                <Badge variant="light" color="grape">
                  {t('regional')}
                </Badge>
              )}
              {!context.canEdit && (
                <Badge variant="outline" color="gray">
                  {tc('state.readOnly')}
                </Badge>
              )}
            </Group>
          </Stack>
          {link('pohon', t('tree'), <IconBinaryTree2 size={16} />)}
          {link('indikator', t('grid'), <IconTable size={16} />)}
          {isRenstra && link('keselarasan', t('alignment'), <IconLink size={16} />)}
          {link('capaian', t('scores'), <IconChartBar size={16} />)}
          {isRenstra && <ChapterNav planId={planId} />}
          {isRenstra && (
            <ReviewNavLink
              planId={planId}
              unresolved={
                (reviewSummary.data?.findings.open ?? 0) + (reviewSummary.data?.findings.answered ?? 0)
              }
            />
          )}
        </ScrollArea>
      </Box>
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group
          justify="flex-end"
          px="sm"
          py={4}
          gap="xs"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          {!canEditPlan(user, context.tree.regionId, context.tree.agencyId) && (
            <Alert variant="transparent" p={0} color="gray" icon={null}>
              <Text size="xs">{t('readOnly')}</Text>
            </Alert>
          )}
          <Tooltip label={showFindings ? t('hideFindings') : t('showFindings')}>
            <Button
              variant={showFindings ? 'light' : 'subtle'}
              size="compact-sm"
              leftSection={<IconAlertTriangle size={14} />}
              onClick={() => setShowFindings((v) => !v)}
              aria-pressed={showFindings}
              data-testid="findings-toggle"
            >
              <Group gap={4}>
                <Badge
                  size="sm"
                  color="red"
                  variant={summary?.error ? 'filled' : 'light'}
                  data-testid="error-count"
                >
                  {summary?.error ?? '…'}
                </Badge>
                <Badge size="sm" color="yellow" variant="light">
                  {summary?.warning ?? '…'}
                </Badge>
              </Group>
            </Button>
          </Tooltip>
        </Group>
        <ReviewBanner planId={planId} review={review} windowOpen={windowOpen} />
        <Box style={{ flex: 1, minHeight: 0, overflow: 'auto', position: 'relative' }}>
          <Outlet context={context} />
        </Box>
      </Stack>
      {showFindings && (
        <Box w={340} style={{ borderLeft: '1px solid var(--mantine-color-gray-3)' }} component="aside">
          <ValidationPanel planId={planId} />
        </Box>
      )}
    </Group>
  );
};
