import type { MeetingRecord, Person } from './review-types.ts';

export interface PersonFields {
  name: string;
  position: string;
  institution: string;
}

export interface DiscussionFields {
  /** The BAB number as text, '' for general points (cascading, …). */
  chapter: string;
  topic: string;
  reviewer: string;
  comment: string;
  response: string;
}

export interface ActionFields {
  text: string;
  findings: string[];
  personInCharge: string;
  due: string;
}

export interface ConclusionFields {
  text: string;
  actions: ActionFields[];
}

/** The meeting form's fields, all as typed. */
export interface MeetingFields {
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  chair: PersonFields;
  minuteTaker: PersonFields;
  attendees: PersonFields[];
  agenda: string[];
  discussion: DiscussionFields[];
  conclusions: ConclusionFields[];
  agreementNumber: string;
  agreementPoints: string[];
}

export const emptyPerson = (institution = ''): PersonFields => ({ name: '', position: '', institution });
export const emptyDiscussion = (): DiscussionFields => ({
  chapter: '',
  topic: '',
  reviewer: '',
  comment: '',
  response: '',
});
export const emptyAction = (): ActionFields => ({ text: '', findings: [], personInCharge: '', due: '' });
export const emptyConclusion = (): ConclusionFields => ({ text: '', actions: [emptyAction()] });

/** A new meeting record: the plan's review meeting today, with a row for each institution present. */
export const newMeeting = (c: { planTitle: string; agencyName: string; today: string }): MeetingFields => ({
  title: `Rapat Penelaahan ${c.planTitle.replace(/^Rencana Strategis/, 'Rancangan Renstra')}`,
  date: c.today,
  startTime: '09:00',
  endTime: '12:00',
  place: '',
  chair: emptyPerson('Bappeda'),
  minuteTaker: emptyPerson('Bappeda'),
  attendees: [emptyPerson('Bappeda'), emptyPerson('Inspektorat'), emptyPerson(c.agencyName)],
  agenda: ['Pembahasan hasil penelaahan rancangan Renstra'],
  discussion: [emptyDiscussion()],
  conclusions: [emptyConclusion()],
  agreementNumber: '',
  agreementPoints: [''],
});

const opt = <K extends string>(key: K, v: string) =>
  (v.trim() ? { [key]: v.trim() } : {}) as Partial<Record<K, string>>;

const person = (p: PersonFields): Person => ({
  name: p.name.trim(),
  ...opt('position', p.position),
  ...opt('institution', p.institution),
});

const filled = (s: string) => s.trim() !== '';

/** The record as the API takes it: trimmed, empty rows left out. */
export const meetingRecord = (f: MeetingFields): MeetingRecord => ({
  title: f.title.trim(),
  date: f.date,
  ...opt('startTime', f.startTime),
  ...opt('endTime', f.endTime),
  place: f.place.trim(),
  chair: person(f.chair),
  ...(filled(f.minuteTaker.name) && { minuteTaker: person(f.minuteTaker) }),
  attendees: f.attendees.filter((p) => filled(p.name)).map(person),
  agenda: f.agenda.map((a) => a.trim()).filter(filled),
  discussion: f.discussion
    .filter((d) => filled(d.topic))
    .map((d) => ({
      ...(d.chapter !== '' && { chapter: Number(d.chapter) }),
      topic: d.topic.trim(),
      ...opt('reviewer', d.reviewer),
      comment: d.comment.trim(),
      response: d.response.trim(),
    })),
  conclusions: f.conclusions
    .filter((c) => filled(c.text))
    .map((c) => ({
      text: c.text.trim(),
      actions: c.actions
        .filter((a) => filled(a.text))
        .map((a) => ({
          text: a.text.trim(),
          findings: [...a.findings],
          ...opt('personInCharge', a.personInCharge),
          ...(a.due && { due: a.due }),
        })),
    })),
  ...(filled(f.agreementNumber) && {
    agreement: {
      number: f.agreementNumber.trim(),
      points: f.agreementPoints.map((p) => p.trim()).filter(filled),
    },
  }),
});

const personFields = (p: Person | undefined, institution = ''): PersonFields => ({
  name: p?.name ?? '',
  position: p?.position ?? '',
  institution: p?.institution ?? institution,
});

/** A stored record back into the form. */
export const meetingFields = (r: MeetingRecord): MeetingFields => ({
  title: r.title,
  date: r.date,
  startTime: r.startTime ?? '',
  endTime: r.endTime ?? '',
  place: r.place,
  chair: personFields(r.chair),
  minuteTaker: personFields(r.minuteTaker, 'Bappeda'),
  attendees: r.attendees.map((p) => personFields(p)),
  agenda: [...r.agenda],
  discussion: r.discussion.map((d) => ({
    chapter: d.chapter === undefined ? '' : String(d.chapter),
    topic: d.topic,
    reviewer: d.reviewer ?? '',
    comment: d.comment,
    response: d.response,
  })),
  conclusions: r.conclusions.map((c) => ({
    text: c.text,
    actions: c.actions.map((a) => ({
      text: a.text,
      findings: [...a.findings],
      personInCharge: a.personInCharge ?? '',
      due: a.due ?? '',
    })),
  })),
  agreementNumber: r.agreement?.number ?? '',
  agreementPoints: r.agreement ? [...r.agreement.points] : [''],
});

/** The fields that must be filled (title, date, place, the chair's name) or are malformed (times). */
export const meetingProblems = (f: MeetingFields): string[] => {
  const out: string[] = [];
  if (!filled(f.title)) out.push('title');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) out.push('date');
  if (!filled(f.place)) out.push('place');
  if (!filled(f.chair.name)) out.push('chair');
  for (const k of ['startTime', 'endTime'] as const)
    if (f[k] !== '' && !/^\d{2}:\d{2}$/.test(f[k])) out.push(k);
  return out;
};

/** People grouped by institution, in the order the institutions first appear. */
export const byInstitution = (people: readonly Person[], other: string): [string, Person[]][] => {
  const groups = new Map<string, Person[]>();
  for (const p of people) {
    const k = p.institution?.trim() || other;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return [...groups];
};
