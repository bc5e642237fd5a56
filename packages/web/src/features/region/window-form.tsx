import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ReviewWindow, STAGES, type Stage } from '../review/review-types.ts';

export interface WindowFields {
  stage: Stage;
  opensOn: string;
  closesOn: string;
  note: string;
}

/** The problems of a window's fields: dates missing, or closing before it opens. */
export const windowProblems = (f: WindowFields): ('opensOn' | 'closesOn')[] => {
  const out: ('opensOn' | 'closesOn')[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.opensOn)) out.push('opensOn');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.closesOn) || (f.opensOn && f.closesOn < f.opensOn)) out.push('closesOn');
  return out;
};

/** Open a window for a stage, or change one: the stage, its dates and a note. */
export const WindowForm = ({
  current,
  opened,
  busy,
  onClose,
  onSave,
}: {
  current: ReviewWindow | null;
  opened: boolean;
  busy: boolean;
  onClose: () => void;
  onSave: (f: WindowFields) => void;
}) => {
  const { t } = useTranslation('region');
  const { t: tc } = useTranslation();
  const [f, setF] = useState<WindowFields>({ stage: 'rancangan', opensOn: '', closesOn: '', note: '' });
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (opened)
      setF(
        current
          ? {
              stage: current.stage,
              opensOn: current.opensOn,
              closesOn: current.closesOn,
              note: current.note ?? '',
            }
          : { stage: 'rancangan', opensOn: '', closesOn: '', note: '' },
      );
    setShown(false);
  }, [opened, current]);
  const problems = shown ? windowProblems(f) : [];
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      title={current ? t('schedule.edit') : t('schedule.new')}
    >
      <Stack gap="sm">
        <Select
          label={t('schedule.stage')}
          value={f.stage}
          onChange={(v) => v && setF({ ...f, stage: v as Stage })}
          data={STAGES.map((s) => ({ value: s, label: tc(`stage.${s}`) }))}
          allowDeselect={false}
        />
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label={t('schedule.opensOn')}
            value={f.opensOn}
            onChange={(e) => setF({ ...f, opensOn: e.currentTarget.value })}
            required
            error={problems.includes('opensOn') ? t('schedule.dateRequired') : undefined}
          />
          <TextInput
            type="date"
            label={t('schedule.closesOn')}
            value={f.closesOn}
            onChange={(e) => setF({ ...f, closesOn: e.currentTarget.value })}
            required
            error={problems.includes('closesOn') ? t('schedule.closesAfter') : undefined}
          />
        </SimpleGrid>
        <Textarea
          label={t('schedule.note')}
          value={f.note}
          onChange={(e) => setF({ ...f, note: e.currentTarget.value })}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tc('action.cancel')}
          </Button>
          <Button
            loading={busy}
            onClick={() => {
              setShown(true);
              if (windowProblems(f).length === 0) onSave(f);
            }}
          >
            {tc('action.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
};
