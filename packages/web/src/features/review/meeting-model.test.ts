import { describe, expect, it } from 'vitest';
import { byInstitution, meetingFields, meetingProblems, meetingRecord, newMeeting } from './meeting-model.ts';

const fresh = () =>
  newMeeting({
    planTitle: 'Rencana Strategis Dinas PUPR PERA Tahun 2024–2026',
    agencyName: 'Dinas PUPR PERA',
    today: '2023-05-12',
  });

describe('meeting records', () => {
  it('starts a meeting with a row per institution and asks for place and chair', () => {
    const f = fresh();
    expect(f.title).toBe('Rapat Penelaahan Rancangan Renstra Dinas PUPR PERA Tahun 2024–2026');
    expect(f.attendees.map((a) => a.institution)).toEqual(['Bappeda', 'Inspektorat', 'Dinas PUPR PERA']);
    expect(meetingProblems(f)).toEqual(['place', 'chair']);
  });
  it('leaves empty rows out of the record and reads it back', () => {
    const f = fresh();
    f.place = 'Balikpapan';
    f.chair = { name: 'Baihaqi Hazami', position: 'Kabid', institution: 'Bappeda' };
    f.attendees[2] = { name: 'A.M. Fitra Firnanda', position: '', institution: 'Dinas PUPR PERA' };
    f.discussion = [{ chapter: '2', topic: 'Data', reviewer: '', comment: 'Perbarui', response: 'Ya' }];
    f.conclusions = [
      {
        text: 'Perbarui data',
        actions: [
          { text: 'Baseline 2022', findings: ['f1'], personInCharge: 'Sekretariat', due: '2023-05-17' },
        ],
      },
      { text: ' ', actions: [] },
    ];
    f.agreementNumber = '050/BA-01/Bappeda/2023';
    f.agreementPoints = ['Diperbaiki', ''];
    const r = meetingRecord(f);
    expect(r.attendees).toEqual([{ name: 'A.M. Fitra Firnanda', institution: 'Dinas PUPR PERA' }]);
    expect(r).not.toHaveProperty('minuteTaker');
    expect(r.discussion).toEqual([{ chapter: 2, topic: 'Data', comment: 'Perbarui', response: 'Ya' }]);
    expect(r.conclusions).toHaveLength(1);
    expect(r.agreement).toEqual({ number: '050/BA-01/Bappeda/2023', points: ['Diperbaiki'] });
    expect(meetingRecord(meetingFields(r))).toEqual(r);
  });
  it('groups people by institution in order of appearance', () => {
    expect(
      byInstitution(
        [{ name: 'a', institution: 'Bappeda' }, { name: 'b' }, { name: 'c', institution: 'Bappeda' }],
        'Lainnya',
      ).map(([k, ps]) => [k, ps.map((p) => p.name)]),
    ).toEqual([
      ['Bappeda', ['a', 'c']],
      ['Lainnya', ['b']],
    ]);
  });
});
