import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanFileSchema } from '../schema/plan.schema.ts';
import { type Anchor, anchorsAllow, type EditTarget } from './anchor.ts';
import { canonicalJson } from './canonical-json.ts';
import { findingNext } from './finding-status.ts';
import { OfficialLetterSchema } from './letter.schema.ts';
import { diffPlans } from './plan-diff.ts';
import {
  editScope,
  type ReviewEvent,
  type ReviewState,
  type TransitionContext,
  transition,
} from './review-state.ts';
import { checklistOutcome, VERIFICATION_CRITERIA } from './verification.ts';

const base: TransitionContext = {
  stage: 'rancangan',
  gatedStages: ['rancangan-akhir'],
  errors: 0,
  unresolvedFindings: 0,
  hasLetter: true,
  checklistPassed: true,
  hasLegalInstrument: true,
};

describe('review states', () => {
  it.each<[ReviewState, ReviewEvent, Partial<TransitionContext>, ReviewState | RegExp]>([
    ['draft', 'submit', {}, 'submitted'],
    ['draft', 'submit', { errors: 3 }, 'submitted'],
    ['draft', 'submit', { errors: 3, stage: 'rancangan-akhir' }, /3 kesalahan validasi/],
    ['draft', 'submit', { hasLetter: false }, /surat resmi/],
    ['submitted', 'start-review', {}, 'in-review'],
    ['in-review', 'return', {}, 'returned'],
    ['submitted', 'return', {}, 'returned'],
    ['returned', 'resubmit', {}, 'resubmitted'],
    ['returned', 'submit', {}, /hanya dari draf/],
    ['resubmitted', 'start-review', {}, 'in-review'],
    ['in-review', 'verify', {}, 'verified'],
    ['in-review', 'verify', { unresolvedFindings: 2 }, /2 temuan/],
    ['in-review', 'verify', { checklistPassed: false }, /kriteria/],
    ['verified', 'advance', {}, 'draft'],
    ['verified', 'advance', { stage: 'rancangan-akhir' }, /tahap terakhir/],
    ['verified', 'enact', {}, /rancangan akhir/],
    ['verified', 'enact', { stage: 'rancangan-akhir', hasLegalInstrument: false }, /dasar hukum/],
    ['verified', 'enact', { stage: 'rancangan-akhir' }, 'ditetapkan'],
    ['verified', 'return', {}, 'returned'],
    ['ditetapkan', 'return', {}, /sudah ditetapkan/],
    ['draft', 'verify', {}, /Tidak dapat "verify"/],
  ])('%s --%s--> %s', (state, event, ctx, expected) => {
    const r = transition(state, event, { ...base, ...ctx });
    if (typeof expected === 'string') expect(r).toMatchObject({ ok: true, state: expected });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason.id).toMatch(expected);
        expect(r.reason.en.length).toBeGreaterThan(10);
      }
    }
  });

  it('advances to the next stage, and only drafts and returned plans can be edited', () => {
    expect(transition('verified', 'advance', { ...base, stage: 'rancangan-awal' })).toMatchObject({
      stage: 'rancangan',
    });
    expect(['draft', 'returned', 'submitted', 'ditetapkan'].map((s) => editScope(s as ReviewState))).toEqual([
      'all',
      'returned-items',
      'none',
      'none',
    ]);
  });

  it('never leaves ditetapkan, whatever happens', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('submit', 'start-review', 'return', 'resubmit', 'verify', 'advance', 'enact'),
        (e) => {
          expect(transition('ditetapkan', e as ReviewEvent, base).ok).toBe(false);
        },
      ),
    );
  });
});

describe('selective return', () => {
  const parents: Record<string, string | null> = { TJ1: null, 'TJ1.SS1': 'TJ1', P1: 'TJ1.SS1', K1: 'P1' };
  const parentOf = (k: string) => parents[k];
  it.each<[Anchor[], EditTarget, boolean]>([
    [[{ type: 'plan' }], { kind: 'plan' }, true],
    [[{ type: 'tree' }], { kind: 'add-node', parent: null }, true],
    [[{ type: 'tree' }], { kind: 'section', chapter: 2, section: '2.1' }, false],
    [[{ type: 'node', node: 'P1' }], { kind: 'node', node: 'K1' }, true],
    [[{ type: 'node', node: 'P1' }], { kind: 'node', node: 'TJ1.SS1' }, false],
    [[{ type: 'node', node: 'P1' }], { kind: 'add-node', parent: 'P1' }, true],
    [[{ type: 'node', node: 'P1' }], { kind: 'add-node', parent: null }, false],
    [[{ type: 'node', node: 'P1' }], { kind: 'indicator', indicator: 'x', node: 'K1' }, true],
    [[{ type: 'indicator', indicator: 'x' }], { kind: 'indicator', indicator: 'x', node: 'TJ1' }, true],
    [[{ type: 'indicator', indicator: 'x' }], { kind: 'indicator', indicator: 'y', node: 'TJ1' }, false],
    [[{ type: 'chapter', chapter: 2 }], { kind: 'section', chapter: 2, section: '2.3' }, true],
    [
      [{ type: 'section', chapter: 2, section: '2.3' }],
      { kind: 'section', chapter: 2, section: '2.1' },
      false,
    ],
    [[{ type: 'section', chapter: 2, section: '2.3' }], { kind: 'chapter-intro', chapter: 2 }, false],
    [[], { kind: 'node', node: 'TJ1' }, false],
  ])('%j allows %j: %s', (anchors, target, allowed) => {
    expect(anchorsAllow(anchors, target, parentOf)).toBe(allowed);
  });
});

describe('findings, checklist, letters', () => {
  it('moves findings through their statuses and refuses the rest', () => {
    expect(findingNext('open', 'answer')).toEqual({ ok: true, status: 'answered' });
    expect(findingNext('answered', 'accept')).toEqual({ ok: true, status: 'accepted' });
    expect(findingNext('open', 'accept').ok).toBe(false);
    expect(findingNext('resolved', 'reopen')).toEqual({ ok: true, status: 'open' });
  });

  it('passes a checklist only with every criterion, once, passing', () => {
    const all = VERIFICATION_CRITERIA.map((c) => ({ key: c.key, pass: true }));
    expect(checklistOutcome(all)).toMatchObject({ complete: true, passed: true });
    expect(checklistOutcome(all.slice(1))).toMatchObject({ complete: false, missing: ['alignment'] });
    expect(checklistOutcome([...all.slice(1), { key: 'alignment', pass: false }])).toMatchObject({
      passed: false,
      failed: ['alignment'],
    });
    expect(checklistOutcome([...all, { key: 'extra', pass: true }]).unknown).toEqual(['extra']);
  });

  it('reads a letter and refuses impossible dates and NIPs', () => {
    const letter = {
      number: '050/1234/Dpupr-Pera/2023',
      date: '2023-05-17',
      place: 'Samarinda',
      subject: 'Penyampaian Perbaikan Rancangan Renstra PD 2024–2026',
      addressee: { position: 'Kepala Bappeda Provinsi Kalimantan Timur' },
      signatory: {
        name: 'A.M. Fitra Firnanda',
        position: 'Kepala Dinas PUPR PERA',
        nip: '197001011995031001',
      },
    };
    expect(OfficialLetterSchema.parse(letter)).toMatchObject({
      nature: 'biasa',
      attachment: '–',
      addressee: { place: 'Tempat' },
    });
    expect(OfficialLetterSchema.safeParse({ ...letter, date: '2023-02-30' }).success).toBe(false);
    expect(
      OfficialLetterSchema.safeParse({ ...letter, signatory: { ...letter.signatory, nip: '123' } }).success,
    ).toBe(false);
  });
});

describe('canonical JSON', () => {
  it('is the same text whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
        expect(JSON.parse(canonicalJson(o))).toEqual(JSON.parse(JSON.stringify(o)));
      }),
    );
  });
});

describe('the diff between rounds', () => {
  const load = (f: string) =>
    PlanFileSchema.parse(
      JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../../fixtures/kaltim/${f}`), 'utf8')),
    );
  const draft = load('renstra-pupr-pera-2024-2026.draft.json');
  const revised = load('renstra-pupr-pera-2024-2026.revised.json');

  it('shows the Kaltim revision: a new tujuan and sasaran with indicators, updated baselines', () => {
    const d = diffPlans(draft, revised);
    expect(d.nodes.added.map((n) => [n.key, n.level])).toEqual([
      ['TJ2', 'tujuan'],
      ['TJ2.SS1', 'sasaran'],
    ]);
    expect(d.indicators.added.length).toBeGreaterThanOrEqual(2);
    expect(d.indicators.changed.some((c) => c.fields.some((f) => f.field === 'baseline'))).toBe(true);
    expect(d.nodes.changed.some((c) => c.fields.some((f) => f.field === 'parent'))).toBe(true);
  });

  it('finds nothing between a plan and itself, and mirrors added and removed', () => {
    expect(diffPlans(draft, draft).summary).toEqual({
      nodesAdded: 0,
      nodesRemoved: 0,
      nodesChanged: 0,
      indicatorsAdded: 0,
      indicatorsRemoved: 0,
      indicatorsChanged: 0,
      sectionsChanged: 0,
    });
    const back = diffPlans(revised, draft);
    expect(back.nodes.removed.map((n) => n.key)).toEqual(['TJ2', 'TJ2.SS1']);
  });

  it('diffs chapter text word by word', () => {
    if (draft.format !== 'selaras.renstra') throw new Error('the draft is a Renstra');
    const changed = {
      ...draft,
      chapters: draft.chapters.map((c) =>
        c.number !== 1
          ? c
          : {
              ...c,
              sections: c.sections.map((s, i) =>
                i === 0
                  ? {
                      ...s,
                      content: {
                        type: 'doc' as const,
                        content: [
                          {
                            type: 'paragraph' as const,
                            content: [{ type: 'text' as const, text: 'Teks zebrakuda sama sekali.' }],
                          },
                        ],
                      },
                    }
                  : s,
              ),
            },
      ),
    };
    const d = diffPlans(draft, changed);
    expect(d.chapters).toHaveLength(1);
    expect(d.chapters[0]).toMatchObject({ chapter: 1, section: '1.1', change: 'changed' });
    expect(d.chapters[0]?.text.some((p) => p.op === 'insert' && p.text.includes('zebrakuda'))).toBe(true);
  });
});
