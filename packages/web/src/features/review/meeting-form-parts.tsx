import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  type ConclusionFields,
  type DiscussionFields,
  emptyAction,
  emptyConclusion,
  emptyDiscussion,
  emptyPerson,
  type PersonFields,
} from './meeting-model.ts';

const replace = <T,>(list: readonly T[], i: number, v: T): T[] => list.map((x, j) => (j === i ? v : x));
const without = <T,>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

const Remove = ({ label, onClick }: { label: string; onClick: () => void }) => (
  <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} mt={4}>
    <IconTrash size={16} />
  </ActionIcon>
);

/** A person's name, position and institution, labelled with what they are (chair, attendee 2, …). */
export const PersonInputs = ({
  who,
  value,
  onChange,
  required,
}: {
  who: string;
  value: PersonFields;
  onChange: (p: PersonFields) => void;
  required?: boolean;
}) => {
  const { t } = useTranslation('review');
  return (
    <>
      <TextInput
        label={t('meeting.personName', { who })}
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
        required={required ?? false}
      />
      <TextInput
        label={t('meeting.personPosition', { who })}
        value={value.position}
        onChange={(e) => onChange({ ...value, position: e.currentTarget.value })}
      />
      <TextInput
        label={t('meeting.personInstitution', { who })}
        value={value.institution}
        onChange={(e) => onChange({ ...value, institution: e.currentTarget.value })}
      />
    </>
  );
};

/** The attendees, one row each (name, position, institution). */
export const AttendeeRows = ({
  value,
  onChange,
}: {
  value: PersonFields[];
  onChange: (v: PersonFields[]) => void;
}) => {
  const { t } = useTranslation('review');
  return (
    <Fieldset legend={t('meeting.attendees')} p="sm">
      <Stack gap="xs">
        {value.map((p, i) => {
          const who = t('meeting.attendee', { n: i + 1 });
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
              <SimpleGrid cols={3} spacing="xs" style={{ flex: 1 }}>
                <PersonInputs who={who} value={p} onChange={(np) => onChange(replace(value, i, np))} />
              </SimpleGrid>
              <Remove
                label={t('form.removeItem', { item: who })}
                onClick={() => onChange(without(value, i))}
              />
            </Group>
          );
        })}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, emptyPerson(value.at(-1)?.institution ?? '')])}
        >
          {t('meeting.addAttendee')}
        </Button>
      </Stack>
    </Fieldset>
  );
};

/** The discussion per BAB: topic, reviewer, the reviewer's comment and the agency's response. */
export const DiscussionRows = ({
  value,
  onChange,
  chapters,
}: {
  value: DiscussionFields[];
  onChange: (v: DiscussionFields[]) => void;
  chapters: readonly { value: string; label: string }[];
}) => {
  const { t } = useTranslation('review');
  return (
    <Fieldset legend={t('meeting.discussion')} p="sm">
      <Stack gap="xs">
        {value.map((d, i) => {
          const n = i + 1;
          const set = (patch: Partial<DiscussionFields>) => onChange(replace(value, i, { ...d, ...patch }));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <Paper key={i} withBorder p="xs">
              <Group gap="xs" align="flex-start" wrap="nowrap">
                <Stack gap="xs" style={{ flex: 1 }}>
                  <SimpleGrid cols={3} spacing="xs">
                    <Select
                      label={t('meeting.chapter', { n })}
                      value={d.chapter}
                      onChange={(v) => set({ chapter: v ?? '' })}
                      data={[{ value: '', label: t('meeting.general') }, ...chapters]}
                      allowDeselect={false}
                    />
                    <TextInput
                      label={t('meeting.topic', { n })}
                      value={d.topic}
                      onChange={(e) => set({ topic: e.currentTarget.value })}
                    />
                    <TextInput
                      label={t('meeting.reviewer', { n })}
                      value={d.reviewer}
                      onChange={(e) => set({ reviewer: e.currentTarget.value })}
                    />
                  </SimpleGrid>
                  <SimpleGrid cols={2} spacing="xs">
                    <Textarea
                      label={t('meeting.comment', { n })}
                      value={d.comment}
                      onChange={(e) => set({ comment: e.currentTarget.value })}
                      autosize
                      minRows={2}
                    />
                    <Textarea
                      label={t('meeting.response', { n })}
                      value={d.response}
                      onChange={(e) => set({ response: e.currentTarget.value })}
                      autosize
                      minRows={2}
                    />
                  </SimpleGrid>
                </Stack>
                <Remove
                  label={t('form.removeItem', { item: t('meeting.topic', { n }) })}
                  onClick={() => onChange(without(value, i))}
                />
              </Group>
            </Paper>
          );
        })}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, emptyDiscussion()])}
        >
          {t('meeting.addDiscussion')}
        </Button>
      </Stack>
    </Fieldset>
  );
};

/** The conclusions, each with its follow-up actions (linked findings, person in charge, due date). */
export const ConclusionRows = ({
  value,
  onChange,
  findings,
}: {
  value: ConclusionFields[];
  onChange: (v: ConclusionFields[]) => void;
  findings: readonly { value: string; label: string }[];
}) => {
  const { t } = useTranslation('review');
  return (
    <Fieldset legend={t('meeting.conclusions')} p="sm">
      <Stack gap="xs">
        {value.map((c, i) => {
          const n = i + 1;
          const set = (patch: Partial<ConclusionFields>) => onChange(replace(value, i, { ...c, ...patch }));
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <Paper key={i} withBorder p="xs">
              <Stack gap="xs">
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <Textarea
                    label={t('meeting.conclusion', { n })}
                    value={c.text}
                    onChange={(e) => set({ text: e.currentTarget.value })}
                    autosize
                    minRows={1}
                    style={{ flex: 1 }}
                  />
                  <Remove
                    label={t('form.removeItem', { item: t('meeting.conclusion', { n }) })}
                    onClick={() => onChange(without(value, i))}
                  />
                </Group>
                {c.actions.map((a, j) => {
                  const m = `${n}.${j + 1}`;
                  const setA = (patch: Partial<typeof a>) =>
                    set({ actions: replace(c.actions, j, { ...a, ...patch }) });
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
                    <Group key={j} gap="xs" align="flex-start" wrap="nowrap" pl="md">
                      <SimpleGrid cols={4} spacing="xs" style={{ flex: 1 }}>
                        <TextInput
                          label={t('meeting.action', { n: m })}
                          value={a.text}
                          onChange={(e) => setA({ text: e.currentTarget.value })}
                        />
                        <MultiSelect
                          label={t('meeting.actionFindings', { n: m })}
                          value={a.findings}
                          onChange={(v) => setA({ findings: v })}
                          data={[...findings]}
                          searchable
                          placeholder={findings.length === 0 ? t('meeting.noFindings') : undefined}
                        />
                        <TextInput
                          label={t('meeting.pic', { n: m })}
                          value={a.personInCharge}
                          onChange={(e) => setA({ personInCharge: e.currentTarget.value })}
                        />
                        <TextInput
                          type="date"
                          label={t('meeting.due', { n: m })}
                          value={a.due}
                          onChange={(e) => setA({ due: e.currentTarget.value })}
                        />
                      </SimpleGrid>
                      <Remove
                        label={t('form.removeItem', { item: t('meeting.action', { n: m }) })}
                        onClick={() => set({ actions: without(c.actions, j) })}
                      />
                    </Group>
                  );
                })}
                <Button
                  variant="subtle"
                  size="compact-sm"
                  w="fit-content"
                  ml="md"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => set({ actions: [...c.actions, emptyAction()] })}
                >
                  {t('meeting.addAction')}
                </Button>
              </Stack>
            </Paper>
          );
        })}
        <Button
          variant="subtle"
          size="compact-sm"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...value, emptyConclusion()])}
        >
          {t('meeting.addConclusion')}
        </Button>
      </Stack>
    </Fieldset>
  );
};
