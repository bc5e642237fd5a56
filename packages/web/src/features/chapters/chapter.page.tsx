import { Alert, Anchor, Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import type { Editor } from '@tiptap/react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorView, useErrorText } from '../../components/error-view.tsx';
import { bab, type Section, useChapters } from '../plan/chapter-queries.ts';
import { usePlan } from '../plan/plan-context.ts';
import './locale.ts';
import { RichEditor } from './rich-editor.tsx';
import { useAutosave } from './use-autosave.ts';

const STATUS_COLOR = { saved: 'teal', dirty: 'gray', saving: 'blue', error: 'red', conflict: 'red' } as const;

const SectionEditor = ({
  planId,
  section,
  canEdit,
}: {
  planId: string;
  section: Section;
  canEdit: boolean;
}) => {
  const { t } = useTranslation('chapters');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const autosave = useAutosave(planId, section);
  const editor = useRef<Editor | null>(null);
  const s = autosave.state;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3}>
          {section.key} {section.title}
        </Title>
        {canEdit ? (
          <Badge
            color={STATUS_COLOR[s.kind]}
            variant="light"
            data-testid="autosave-status"
            aria-live="polite"
          >
            {s.kind === 'error' ? t('status.error', { message: errorText(s.error) }) : t(`status.${s.kind}`)}
          </Badge>
        ) : (
          <Badge variant="outline" color="gray">
            {tc('state.readOnly')}
          </Badge>
        )}
      </Group>
      {s.kind === 'error' && (
        <Alert color="red">
          <Button size="xs" variant="light" onClick={autosave.retry}>
            {t('retry')}
          </Button>
        </Alert>
      )}
      <RichEditor
        content={section.content}
        editable={canEdit}
        label={t('editorLabel', { key: section.key, title: section.title })}
        onChange={autosave.changed}
        onReady={(e) => {
          editor.current = e;
        }}
      />
      <Modal
        opened={s.kind === 'conflict'}
        onClose={() => undefined}
        withCloseButton={false}
        size="xl"
        title={t('conflictTitle')}
        centered
      >
        {s.kind === 'conflict' && (
          <Stack>
            <Text size="sm">{t('conflictBody')}</Text>
            <Text fw={600} size="sm">
              {t('theirs')}
            </Text>
            <div style={{ maxHeight: 320, overflow: 'auto' }} data-testid="their-version">
              <RichEditor
                content={s.theirs.content}
                editable={false}
                label={t('theirs')}
                onChange={() => undefined}
              />
            </div>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => autosave.keepMine(s.theirs)}>
                {t('keepMine')}
              </Button>
              <Button
                onClick={() => {
                  editor.current?.commands.setContent(s.theirs.content as object, { emitUpdate: false });
                  autosave.takeTheirs(s.theirs);
                }}
              >
                {t('useTheirs')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
};

/** One chapter (BAB) of the Renstra: its sections, each edited in place and saved as you type. */
export const ChapterPage = () => {
  const { planId, canEdit } = usePlan();
  const { chapter = '', section: sectionKey } = useParams();
  const { t } = useTranslation('chapters');
  const chapters = useChapters(planId);
  if (chapters.isPending) return <Loader m="md" />;
  if (chapters.isError) return <ErrorView error={chapters.error} onRetry={() => void chapters.refetch()} />;
  const ch = chapters.data.find((c) => String(c.number) === chapter);
  if (!ch) return <Text p="md">{t('notFound')}</Text>;
  const section = sectionKey ? ch.sections.find((s) => s.key === sectionKey) : undefined;
  return (
    <Stack p="md" gap="md" maw={980}>
      <Title order={2}>
        {bab(ch.number)} {ch.title}
      </Title>
      {!section && (
        <Stack gap={4}>
          <Text c="dimmed">{t('choose')}</Text>
          {ch.sections.map((s) => (
            <Anchor key={s.id} component={Link} to={`/rencana/${planId}/bab/${ch.number}/${s.key}`}>
              {s.key} {s.title}
            </Anchor>
          ))}
        </Stack>
      )}
      {sectionKey && !section && <Text>{t('notFound')}</Text>}
      {section && <SectionEditor key={section.id} planId={planId} section={section} canEdit={canEdit} />}
    </Stack>
  );
};
