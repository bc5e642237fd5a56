import { Alert, Button, Fieldset, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { bab, useChapters } from '../plan/chapter-queries.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { ListInput } from './form-bits.tsx';
import { AttendeeRows, ConclusionRows, DiscussionRows, PersonInputs } from './meeting-form-parts.tsx';
import {
  type MeetingFields,
  meetingFields,
  meetingProblems,
  meetingRecord,
  newMeeting,
} from './meeting-model.ts';
import { todayIso } from './review-model.ts';
import { useReviewWrite } from './review-queries.ts';
import type { Meeting, ReviewFinding } from './review-types.ts';

const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * The notulen and berita acara of a review meeting: when, where, who chaired and took the minutes,
 * who attended, the agenda, the discussion per BAB, the conclusions with their follow-up actions
 * (linked to findings), and the agreed points. New, or a change of a recorded one.
 */
export const MeetingForm = ({
  plan,
  findings,
  meeting,
  opened,
  onClose,
}: {
  plan: PlanContext;
  findings: readonly ReviewFinding[];
  meeting: Meeting | null;
  opened: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation('review');
  const { t: tc } = useTranslation();
  const chapters = useChapters(plan.planId);
  const [f, setF] = useState<MeetingFields | null>(null);
  const [problems, setProblems] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!opened) {
      setF(null);
      setProblems(new Set());
      return;
    }
    setF(
      (cur) =>
        cur ??
        (meeting
          ? meetingFields(meeting.record)
          : newMeeting({
              planTitle: plan.tree.title,
              agencyName: plan.tree.agency?.shortName ?? plan.tree.agency?.name ?? '',
              today: todayIso(),
            })),
    );
  }, [opened, meeting, plan.tree]);
  const chapterOptions = useMemo(
    () => (chapters.data ?? []).map((c) => ({ value: String(c.number), label: bab(c.number) })),
    [chapters.data],
  );
  const findingOptions = useMemo(
    () => findings.map((x, i) => ({ value: x.id, label: `#${i + 1} ${clip(x.text)}` })),
    [findings],
  );
  const save = useReviewWrite(
    plan.planId,
    (fields: MeetingFields) =>
      meeting
        ? api.put(`/api/meetings/${meeting.id}`, meetingRecord(fields), { ifMatch: meeting.version })
        : api.post(`/api/plans/${plan.planId}/meetings`, meetingRecord(fields)),
    t('done.meeting'),
  );
  const set = <K extends keyof MeetingFields>(k: K, v: MeetingFields[K]) =>
    setF((s) => (s ? { ...s, [k]: v } : s));
  const err = (k: string) => (problems.has(k) ? t('letter.required') : undefined);
  const submit = () => {
    if (!f) return;
    const p = meetingProblems(f);
    setProblems(new Set(p));
    if (p.length === 0) save.mutate(f, { onSuccess: onClose });
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': tc('action.close') }}
      opened={opened}
      onClose={onClose}
      size={1040}
      title={meeting ? t('meeting.edit') : t('meeting.new')}
    >
      {f && (
        <Stack gap="sm">
          <Fieldset legend={t('meeting.general')} p="sm">
            <Stack gap="xs">
              <TextInput
                label={t('meeting.title')}
                value={f.title}
                onChange={(e) => set('title', e.currentTarget.value)}
                required
                error={err('title')}
              />
              <SimpleGrid cols={4} spacing="xs">
                <TextInput
                  type="date"
                  label={t('meeting.date')}
                  value={f.date}
                  onChange={(e) => set('date', e.currentTarget.value)}
                  required
                  error={err('date')}
                />
                <TextInput
                  type="time"
                  label={t('meeting.startTime')}
                  value={f.startTime}
                  onChange={(e) => set('startTime', e.currentTarget.value)}
                  error={err('startTime')}
                />
                <TextInput
                  type="time"
                  label={t('meeting.endTime')}
                  value={f.endTime}
                  onChange={(e) => set('endTime', e.currentTarget.value)}
                  error={err('endTime')}
                />
                <TextInput
                  label={t('meeting.place')}
                  value={f.place}
                  onChange={(e) => set('place', e.currentTarget.value)}
                  required
                  error={err('place')}
                />
              </SimpleGrid>
              <SimpleGrid cols={3} spacing="xs">
                <PersonInputs
                  who={t('meeting.chair')}
                  value={f.chair}
                  onChange={(p) => set('chair', p)}
                  required
                />
              </SimpleGrid>
              <SimpleGrid cols={3} spacing="xs">
                <PersonInputs
                  who={t('meeting.minuteTaker')}
                  value={f.minuteTaker}
                  onChange={(p) => set('minuteTaker', p)}
                />
              </SimpleGrid>
            </Stack>
          </Fieldset>
          <AttendeeRows value={f.attendees} onChange={(v) => set('attendees', v)} />
          <ListInput
            label={t('meeting.agenda')}
            itemLabel={t('meeting.agendaItem')}
            values={f.agenda}
            onChange={(v) => set('agenda', v)}
            addLabel={t('meeting.addAgenda')}
          />
          <DiscussionRows
            value={f.discussion}
            onChange={(v) => set('discussion', v)}
            chapters={chapterOptions}
          />
          <ConclusionRows
            value={f.conclusions}
            onChange={(v) => set('conclusions', v)}
            findings={findingOptions}
          />
          <Fieldset legend={t('meeting.agreement')} p="sm">
            <Stack gap="xs">
              <TextInput
                label={t('meeting.agreementNumber')}
                value={f.agreementNumber}
                onChange={(e) => set('agreementNumber', e.currentTarget.value)}
              />
              <ListInput
                label={t('meeting.agreementPoints')}
                itemLabel={t('meeting.agreementPoint')}
                values={f.agreementPoints}
                onChange={(v) => set('agreementPoints', v)}
                addLabel={t('meeting.addPoint')}
              />
            </Stack>
          </Fieldset>
          {problems.size > 0 && (
            <Alert color="red" p="xs">
              {tc('error.invalid')} {[...problems].map((p) => t(`meeting.${p}`)).join(', ')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('action.cancel')}
            </Button>
            <Button onClick={submit} loading={save.isPending}>
              {tc('action.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
};
