import { Box, Group, Text, ThemeIcon } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { stepOf } from './review-model.ts';
import { REVIEW_STATES, type ReviewState } from './review-types.ts';

/**
 * The review states as a row of steps (draft → … → ditetapkan): those passed ticked, the current
 * one marked (and named to screen readers as the current step). Not interactive.
 */
export const StateSteps = ({ state }: { state: ReviewState }) => {
  const { t } = useTranslation('review');
  const current = stepOf(state);
  const color = state === 'returned' ? 'orange' : 'teal';
  return (
    <Box component="ol" aria-label={t('header.stateSteps')} m={0} p={0} style={{ listStyle: 'none' }}>
      <Group gap={6} wrap="nowrap">
        {REVIEW_STATES.map((s, i) => {
          // The last state is an end: once set, every step is done.
          const done = i < current || state === 'ditetapkan';
          const now = i === current && !done;
          return (
            <Group
              key={s}
              component="li"
              gap={6}
              wrap="nowrap"
              aria-current={now ? 'step' : undefined}
              data-testid="state-step"
              data-state={s}
              style={{ flex: i < REVIEW_STATES.length - 1 ? 1 : undefined }}
            >
              <ThemeIcon
                size={22}
                radius="xl"
                color={done || now ? color : 'gray'}
                variant={done ? 'filled' : now ? 'outline' : 'light'}
              >
                {done ? (
                  <IconCheck size={14} />
                ) : (
                  <Text size="xs" fw={700} span>
                    {i + 1}
                  </Text>
                )}
              </ThemeIcon>
              <Text
                size="xs"
                fw={now ? 700 : 500}
                {...(!done && !now && { c: 'dimmed' })}
                style={{ whiteSpace: 'nowrap' }}
              >
                {t(`step.${s}`)}
              </Text>
              {i < REVIEW_STATES.length - 1 && (
                <Box
                  aria-hidden
                  style={{
                    flex: 1,
                    minWidth: 8,
                    height: 2,
                    background: done ? `var(--mantine-color-${color}-6)` : 'var(--mantine-color-gray-3)',
                  }}
                />
              )}
            </Group>
          );
        })}
      </Group>
    </Box>
  );
};
