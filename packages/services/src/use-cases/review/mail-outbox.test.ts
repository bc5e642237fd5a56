import { testDatabaseKinds } from '@selaras/db/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestServices, type TestServices } from '../../testing/index.ts';
import { getPlan, listRegionPlans } from '../plans/read-plan.ts';
import { type Mailer, renderNotificationMail, sendPendingMail } from './mail-outbox.ts';
import { submitPlan } from './submit.ts';

const postgresUrl = inject('postgresUrl');

describe.each(testDatabaseKinds(postgresUrl))('the mail outbox on %s', (kind) => {
  let t: TestServices;
  beforeAll(async () => {
    t = await createTestServices(kind, postgresUrl);
  });
  afterAll(() => t.close());

  it('mails each notification once to those with an address, and retries what failed', async () => {
    const admin = await t.actor('admin');
    const plan = (await listRegionPlans(t.ctx, admin, t.regionId)).find(
      (p) => p.key === 'kaltim-pupr-pera-renstra-2024-2026',
    );
    await t.handle.db
      .updateTable('app_user')
      .set({ email: 'penelaah@bappeda.kaltimprov.go.id' })
      .where('username', '=', 'bappeda.reviewer')
      .execute();
    await t.handle.db
      .updateTable('app_user')
      .set({ email: 'verifikator@bappeda.kaltimprov.go.id' })
      .where('username', '=', 'bappeda.verifier')
      .execute();
    await submitPlan(
      t.ctx,
      await t.actor('pupr.kadis'),
      plan?.planId ?? '',
      {
        letter: {
          number: '050/1/2023',
          date: '2023-05-02',
          place: 'Samarinda',
          subject: 'Penyampaian Rancangan Renstra',
          addressee: { position: 'Kepala Bappeda' },
          signatory: { name: 'Kepala Dinas', position: 'Kepala Dinas PUPR PERA' },
        },
      },
      (await getPlan(t.ctx, admin, plan?.planId ?? '')).etag,
    );
    const outbox: { to: string; subject: string; text: string }[] = [];
    const flaky: Mailer = {
      send: async (m) => {
        if (m.to.startsWith('verifikator')) throw new Error('mailbox full');
        outbox.push(m);
      },
    };
    const first = await sendPendingMail(t.ctx, flaky, { appUrl: 'https://selaras.kaltimprov.go.id' });
    expect(first).toMatchObject({ sent: 1, failed: 1 });
    expect(first.skipped).toBeGreaterThanOrEqual(1);
    expect(outbox[0]).toMatchObject({
      to: 'penelaah@bappeda.kaltimprov.go.id',
      subject: expect.stringContaining('Renstra diajukan untuk ditelaah'),
    });
    expect(outbox[0]?.text).toContain(`https://selaras.kaltimprov.go.id/rencana/${plan?.planId}/penelaahan`);
    const retry = await sendPendingMail(t.ctx, { send: async (m) => void outbox.push(m) });
    expect(retry).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(await sendPendingMail(t.ctx, { send: async (m) => void outbox.push(m) })).toEqual({
      sent: 0,
      skipped: 0,
      failed: 0,
    });
    expect(outbox.map((m) => m.to)).toEqual([
      'penelaah@bappeda.kaltimprov.go.id',
      'verifikator@bappeda.kaltimprov.go.id',
    ]);
  });

  it('writes a sensible mail for any kind of event', () => {
    const m = renderNotificationMail(
      { kind: 'unknown', plan_id: null, payload: '{"title":"Renstra X"}' },
      undefined,
    );
    expect(m.subject).toBe('Pemberitahuan Selaras: Renstra X');
    expect(m.text).not.toContain('rencana/');
  });
});
