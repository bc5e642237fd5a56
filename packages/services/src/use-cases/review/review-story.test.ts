import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VERIFICATION_CRITERIA } from '@selaras/core';
import { testDatabaseKinds } from '@selaras/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppError } from '../../app-error.ts';
import { createTestServices, type TestServices } from '../../testing/index.ts';
import { listPlanChapters, updateSectionContent } from '../chapters/chapters.ts';
import { addIndicator, updateIndicators } from '../indicators/edit-indicator.ts';
import { addNode } from '../nodes/edit-node.ts';
import { moveNode } from '../nodes/restructure-node.ts';
import { getPlanTreeJson } from '../plans/plan-tree.ts';
import { getPlan, getPlanValidation, listRegionPlans } from '../plans/read-plan.ts';
import { decideCrosscutting, listCrosscutting, proposeCrosscutting } from './crosscutting.ts';
import { advancePlan, enactPlan, recordVerdict, returnPlan, verifyPlan } from './decisions.ts';
import { actOnFinding, createFinding, listFindings } from './findings.ts';
import { listNotifications } from './inbox.ts';
import {
  amendPlan,
  createMeeting,
  diffRounds,
  getReviewSummary,
  getSnapshot,
  listRounds,
  planTimeline,
} from './records.ts';
import { submitPlan } from './submit.ts';

const postgresUrl = inject('postgresUrl');

const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
};

const revised = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../../../../fixtures/kaltim/renstra-pupr-pera-2024-2026.revised.json'),
    'utf8',
  ),
) as {
  nodes: {
    id: string;
    parent: string | null;
    indicators: { id: string; baseline?: unknown; targets?: unknown }[];
  }[];
};

const letter = (date: string, subject: string) => ({
  number: `050/${date.slice(5, 7)}${date.slice(8)}/Dpupr-Pera/2023`,
  date,
  place: 'Samarinda',
  nature: 'penting' as const,
  attachment: '1 (satu) berkas',
  subject,
  addressee: { position: 'Kepala Bappeda Provinsi Kalimantan Timur', place: 'Samarinda' },
  signatory: { name: 'A.M. Fitra Firnanda', position: 'Kepala Dinas PUPR PERA Provinsi Kalimantan Timur' },
  copies: ['Inspektur Daerah Provinsi Kalimantan Timur'],
});

const allPass = VERIFICATION_CRITERIA.map((c) => ({ key: c.key, pass: true }));

describe.each(testDatabaseKinds(postgresUrl))('the Kaltim review story on %s', (kind) => {
  let t: TestServices;
  let planId = '';
  const etag = async () => (await getPlan(t.ctx, await t.actor('admin'), planId)).etag;
  const nodeId = async (key: string) =>
    (
      await t.handle.db
        .selectFrom('plan_node')
        .select('id')
        .where('plan_id', '=', planId)
        .where('node_key', '=', key)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
    const plans = await listRegionPlans(t.ctx, await t.actor('admin'), t.regionId);
    planId = plans.find((p) => p.key === 'kaltim-pupr-pera-renstra-2024-2026')?.planId ?? '';
  });
  afterAll(() => t.close());

  it('replays submission, findings, meeting, selective return, revision, resubmission, diff, verification and penetapan', async () => {
    const kadis = await t.actor('pupr.kadis');
    const editor = await t.actor('pupr.editor');
    const reviewer = await t.actor('bappeda.reviewer');
    const verifier = await t.actor('bappeda.verifier');
    const inspektorat = await t.actor('inspektorat');

    // 1. Only the head submits; the draft (12 errors, stage rancangan: not gated) goes with a letter.
    expect(
      await codeOf(
        submitPlan(
          t.ctx,
          editor,
          planId,
          { letter: letter('2023-05-02', 'Penyampaian Rancangan Renstra') },
          await etag(),
        ),
      ),
    ).toBe('FORBIDDEN');
    const first = await submitPlan(
      t.ctx,
      kadis,
      planId,
      { letter: letter('2023-05-02', 'Penyampaian Rancangan Renstra PD 2024–2026') },
      await etag(),
    );
    expect(first).toMatchObject({ state: 'submitted', round: 1, findings: { error: 12 } });
    expect(first.snapshot.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      await codeOf(
        addNode(t.ctx, editor, planId, { id: 'X', parent: null, level: 'tujuan', statement: 'x' }),
      ),
    ).toBe('LOCKED');

    // 2. Bappeda and the Inspektorat record findings; only reviewers may.
    const anchorTree = { type: 'tree' as const };
    expect(
      await codeOf(
        createFinding(t.ctx, editor, planId, { anchor: anchorTree, category: 'substansi', text: 'x' }),
      ),
    ).toBe('FORBIDDEN');
    const outside = await createFinding(t.ctx, reviewer, planId, {
      anchor: anchorTree,
      category: 'keselarasan',
      severity: 'major',
      text: 'Tambahkan satu tujuan dan satu sasaran beserta indikatornya untuk kegiatan non-prioritas yang berada di luar formula IKLI.',
    });
    const data = await createFinding(t.ctx, reviewer, planId, {
      anchor: { type: 'chapter', chapter: 2 },
      category: 'data',
      text: 'Perbarui data: baseline masih tahun 2021.',
      recommendation: 'Gunakan data 2022.',
    });
    const ir = await createFinding(t.ctx, inspektorat, planId, {
      anchor: { type: 'indicator', indicator: 'sk_rehab_irigasi_permukaan' },
      category: 'indikator',
      text: 'Target 2026 belum diisi.',
    });
    expect((await listFindings(t.ctx, editor, planId)).map((f) => [f.institution, f.status])).toEqual([
      ['bappeda', 'open'],
      ['bappeda', 'open'],
      ['inspektorat', 'open'],
    ]);
    await recordVerdict(t.ctx, inspektorat, planId, { verdict: 'revise', note: 'Lengkapi target.' });

    // 3. The meeting of 12 May 2023 records its conclusions, linked to the findings.
    await createMeeting(t.ctx, reviewer, planId, {
      title: 'Rapat Verifikasi Rancangan Renstra Perangkat Daerah 2024–2026',
      date: '2023-05-12',
      place: 'Balikpapan',
      chair: {
        name: 'Baihaqi Hazami',
        position: 'Kabid Infrastruktur dan Kewilayahan',
        institution: 'Bappeda',
      },
      attendees: [
        { name: 'A.M. Fitra Firnanda', institution: 'Dinas PUPR PERA' },
        { name: 'Auditor', institution: 'Inspektorat' },
      ],
      conclusions: [
        {
          text: 'Perbarui data',
          actions: [
            {
              text: 'Perbarui baseline ke 2022',
              findings: [data.id],
              personInCharge: 'Sekretariat',
              due: '2023-05-17',
            },
          ],
        },
        {
          text: 'Tambah 1 tujuan dan 1 sasaran di luar IKLI',
          actions: [{ text: 'Susun TJ2', findings: [outside.id] }],
        },
      ],
      agreement: {
        number: '050/BA-01/Bappeda/2023',
        points: ['Rancangan Renstra diperbaiki dan disampaikan kembali dengan surat resmi.'],
      },
    });

    // 4. Bappeda returns it: only the items of open findings unlock.
    const returned = await returnPlan(
      t.ctx,
      reviewer,
      planId,
      { note: 'Perbaiki sesuai temuan.' },
      await etag(),
    );
    expect(returned.state).toBe('returned');
    expect(returned.unlocked).toEqual([
      anchorTree,
      { type: 'chapter', chapter: 2 },
      { type: 'indicator', indicator: 'sk_rehab_irigasi_permukaan' },
    ]);

    // 5. The agency edits only what was returned: the tree, BAB II; not BAB I.
    const { chapters } = await listPlanChapters(t.ctx, editor, planId);
    const s11 = chapters.find((c) => c.number === 1)?.sections[0];
    const s22 = chapters.find((c) => c.number === 2)?.sections[1];
    const text = (s: string) => ({
      content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: s }] }] },
    });
    expect(await codeOf(updateSectionContent(t.ctx, editor, s11?.id ?? '', text('x'), s11?.version))).toBe(
      'LOCKED',
    );
    await updateSectionContent(
      t.ctx,
      editor,
      s22?.id ?? '',
      text('Data diperbarui dengan realisasi 2022.'),
      s22?.version,
    );
    for (const key of ['TJ2', 'TJ2.SS1']) {
      const n = revised.nodes.find((x) => x.id === key) as (typeof revised.nodes)[number];
      const { indicators, ...fields } = n;
      await addNode(t.ctx, editor, planId, fields);
      for (const ind of indicators) await addIndicator(t.ctx, editor, await nodeId(key), ind);
    }
    for (const key of ['P-1.03.01', 'P-1.03.08', 'P-1.04.06']) {
      const id = await nodeId(key);
      const v = (
        await t.handle.db
          .selectFrom('plan_node')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version;
      await moveNode(t.ctx, editor, id, { parent: 'TJ2.SS1' }, v);
    }
    const draftInds = await t.handle.db
      .selectFrom('indicator')
      .select(['id', 'indicator_key', 'version'])
      .where('plan_id', '=', planId)
      .execute();
    const changes = revised.nodes
      .flatMap((n) => n.indicators)
      .flatMap((ind) => {
        const row = draftInds.find((r) => r.indicator_key === ind.id);
        return row && !['sakip_dinas', 'ikm_dinas', 'tl_rekomendasi'].includes(ind.id)
          ? [
              {
                id: row.id,
                version: row.version,
                patch: { ...(ind.baseline ? { baseline: ind.baseline } : {}), targets: ind.targets },
              },
            ]
          : [];
      });
    await updateIndicators(t.ctx, editor, planId, { changes });
    expect(
      (await getPlanValidation(t.ctx, editor, planId)).findings.filter((f) => f.severity === 'error'),
    ).toEqual([]);

    // 6. The agency answers each finding, and the head resubmits with the letter of 17 May 2023.
    for (const f of [outside, data, ir])
      await actOnFinding(t.ctx, editor, f.id, { text: 'Sudah diperbaiki.' }, f.version, 'agency');
    const second = await submitPlan(
      t.ctx,
      kadis,
      planId,
      { letter: letter('2023-05-17', 'Penyampaian Perbaikan Rancangan Renstra PD 2024–2026') },
      await etag(),
    );
    expect(second).toMatchObject({ state: 'resubmitted', round: 2, findings: { error: 0 } });

    // 7. The diff between the rounds shows the new tujuan, sasaran and indicators.
    const { diff } = await diffRounds(t.ctx, reviewer, planId, 1, 2);
    expect(diff.nodes.added.map((n) => n.key).sort()).toEqual(['TJ2', 'TJ2.SS1']);
    expect(diff.indicators.added.map((i) => i.key).sort()).toEqual([
      'ikm_dinas',
      'sakip_dinas',
      'tl_rekomendasi',
    ]);
    expect(diff.nodes.changed.map((c) => c.node.key).sort()).toEqual(['P-1.03.01', 'P-1.03.08', 'P-1.04.06']);
    expect(diff.chapters.map((c) => c.section)).toEqual(['2.2']);

    // 8. Verification needs every finding settled and every criterion passed; only the verifier verifies.
    expect(await codeOf(verifyPlan(t.ctx, verifier, planId, { checklist: allPass }, await etag()))).toBe(
      'CONFLICT',
    );
    for (const f of await listFindings(t.ctx, reviewer, planId))
      await actOnFinding(
        t.ctx,
        f.institution === 'inspektorat' ? inspektorat : reviewer,
        f.id,
        { action: 'accept' },
        f.version,
      );
    expect(await codeOf(verifyPlan(t.ctx, reviewer, planId, { checklist: allPass }, await etag()))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(verifyPlan(t.ctx, verifier, planId, { checklist: allPass.slice(1) }, await etag())),
    ).toBe('INVALID_INPUT');
    expect((await verifyPlan(t.ctx, verifier, planId, { checklist: allPass }, await etag())).state).toBe(
      'verified',
    );

    // 9. The rancangan akhir: submitted again (gated: no errors), verified, then set by Pergub.
    expect(
      await codeOf(
        enactPlan(
          t.ctx,
          verifier,
          planId,
          { instrument: { kind: 'Peraturan Gubernur', number: '30', date: '2023-06-30' } },
          await etag(),
        ),
      ),
    ).toBe('CONFLICT');
    expect((await advancePlan(t.ctx, kadis, planId, await etag())).stage).toBe('rancangan-akhir');
    const third = await submitPlan(
      t.ctx,
      kadis,
      planId,
      { letter: letter('2023-06-05', 'Penyampaian Rancangan Akhir Renstra PD 2024–2026') },
      await etag(),
    );
    expect(third).toMatchObject({ state: 'submitted', round: 3 });
    await verifyPlan(t.ctx, verifier, planId, { checklist: allPass }, await etag());
    const set = await enactPlan(
      t.ctx,
      verifier,
      planId,
      { instrument: { kind: 'Peraturan Gubernur', number: '30 Tahun 2023', date: '2023-06-30' } },
      await etag(),
    );
    expect(set).toMatchObject({
      state: 'ditetapkan',
      stage: 'ditetapkan',
      enactment: { number: '30 Tahun 2023' },
    });
    expect(
      await codeOf(
        addNode(t.ctx, editor, planId, { id: 'Y', parent: null, level: 'tujuan', statement: 'y' }),
      ),
    ).toBe('LOCKED');

    // 10. Everything is on the record: rounds with intact snapshots, the timeline, the inbox.
    const rounds = await listRounds(t.ctx, editor, planId);
    expect(rounds.map((r) => [r.round, r.stage, r.intact])).toEqual([
      [1, 'rancangan', true],
      [2, 'rancangan', true],
      [3, 'rancangan-akhir', true],
      [4, 'ditetapkan', true],
    ]);
    expect(rounds[1]?.letters[0]?.letter).toMatchObject({ date: '2023-05-17' });
    const kinds = (await planTimeline(t.ctx, editor, planId)).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'submit',
        'start-review',
        'finding',
        'meeting',
        'return',
        'resubmit',
        'verify',
        'advance',
        'enact',
      ]),
    );
    expect((await listNotifications(t.ctx, editor)).items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['finding', 'return', 'verify', 'enact']),
    );
    expect((await listNotifications(t.ctx, reviewer)).items.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['submit', 'resubmit']),
    );

    // 11. An amendment starts a new version; the set plan stays as it was.
    const amended = await amendPlan(t.ctx, editor, planId, {});
    expect(amended.created).toBe(true);
    const next = await getPlan(t.ctx, editor, amended.planId);
    expect(next.plan.title).toMatch(/\(Perubahan\)$/);
    expect(
      await codeOf(
        addNode(t.ctx, editor, amended.planId, {
          id: 'TJ3',
          parent: null,
          level: 'tujuan',
          statement: 'Tujuan baru perubahan',
        }),
      ),
    ).toBe('ok');
  });

  it('keeps snapshots immutable, and detects one altered behind its back', async () => {
    const snapshot = await t.handle.db
      .selectFrom('plan_snapshot')
      .select(['id', 'round'])
      .where('plan_id', '=', planId)
      .orderBy('round')
      .executeTakeFirstOrThrow();
    await expect(
      t.handle.db.updateTable('plan_snapshot').set({ content: '{}' }).where('id', '=', snapshot.id).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.handle.db.deleteFrom('plan_snapshot').where('id', '=', snapshot.id).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(
      t.handle.db.deleteFrom('official_letter').where('plan_id', '=', planId).execute(),
    ).rejects.toThrow(/immutable/);
    // Someone with database access switches the guard off and edits the stored plan.
    if (kind === 'sqlite') await sql`DROP TRIGGER plan_snapshot_no_update`.execute(t.handle.db);
    else await sql`ALTER TABLE plan_snapshot DISABLE TRIGGER plan_snapshot_immutable`.execute(t.handle.db);
    await sql`UPDATE plan_snapshot SET content = replace(content, 'Dinas PUPR PERA', 'Dinas Lain') WHERE id = ${snapshot.id}`.execute(
      t.handle.db,
    );
    const viewer = await t.actor('viewer');
    expect((await listRounds(t.ctx, viewer, planId))[0]?.intact).toBe(false);
    await expect(getSnapshot(t.ctx, viewer, planId, snapshot.round)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('counts a crosscutting link only once the partner agency accepts it', async () => {
    const plans = await listRegionPlans(t.ctx, await t.actor('admin'), t.regionId);
    const dinkes = plans.find((p) => p.key === 'kaltim-dinkes-renstra-2024-2026')?.planId ?? '';
    const dinkesRoot = (
      await t.handle.db
        .selectFrom('plan_node')
        .select('node_key')
        .where('plan_id', '=', dinkes)
        .where('parent_id', 'is', null)
        .executeTakeFirstOrThrow()
    ).node_key;
    const amended = plans.find(
      (p) => p.key !== 'kaltim-pupr-pera-renstra-2024-2026' && p.kind === 'renstra' && p.planId !== dinkes,
    );
    const target = amended?.planId ?? planId;
    const proposal = await proposeCrosscutting(t.ctx, await t.actor('dinkes.editor'), {
      planId: dinkes,
      nodeKey: dinkesRoot,
      partnerPlanId: target,
      partnerNodeKey: 'TJ1',
      contribution: 'Air minum dan sanitasi layak untuk derajat kesehatan',
    });
    const tree = async (id: string) =>
      JSON.parse((await getPlanTreeJson(t.ctx, await t.actor('viewer'), id)).json.toString()) as {
        nodes: { key: string; crosscuttingLinks: unknown[] }[];
      };
    expect((await tree(dinkes)).nodes.find((n) => n.key === dinkesRoot)?.crosscuttingLinks).toEqual([]);
    expect(
      await codeOf(
        decideCrosscutting(
          t.ctx,
          await t.actor('dinkes.editor'),
          proposal.id,
          { decision: 'accept' },
          proposal.version,
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        decideCrosscutting(
          t.ctx,
          await t.actor('pupr.editor'),
          proposal.id,
          { decision: 'reject' },
          proposal.version,
        ),
      ),
    ).toBe('INVALID_INPUT');
    await decideCrosscutting(
      t.ctx,
      await t.actor('pupr.editor'),
      proposal.id,
      { decision: 'accept' },
      proposal.version,
    );
    expect((await tree(dinkes)).nodes.find((n) => n.key === dinkesRoot)?.crosscuttingLinks).toMatchObject([
      { direction: 'receives', nodeKey: 'TJ1' },
    ]);
    expect((await tree(target)).nodes.find((n) => n.key === 'TJ1')?.crosscuttingLinks).toMatchObject([
      { direction: 'contributes', nodeKey: dinkesRoot },
    ]);
    expect((await listCrosscutting(t.ctx, await t.actor('viewer'), dinkes))[0]).toMatchObject({
      state: 'accepted',
      direction: 'outgoing',
    });
  });
});
