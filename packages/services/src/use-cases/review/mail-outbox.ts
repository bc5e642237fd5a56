import { nowIso, type ServiceContext } from '../../context.ts';

/** What sends e-mail: the server gives one (SMTP through nodemailer) when it has a mail server. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

const SUBJECT: Record<string, (title: string) => string> = {
  submit: (t) => `Renstra diajukan untuk ditelaah: ${t}`,
  resubmit: (t) => `Renstra diajukan kembali: ${t}`,
  finding: (t) => `Temuan penelaahan baru: ${t}`,
  'finding.answer': (t) => `Temuan dijawab perangkat daerah: ${t}`,
  'finding.accept': (t) => `Jawaban temuan diterima: ${t}`,
  'finding.resolve': (t) => `Temuan dinyatakan selesai: ${t}`,
  'finding.reopen': (t) => `Temuan dibuka kembali: ${t}`,
  verdict: (t) => `Pendapat penelaah dicatat: ${t}`,
  meeting: (t) => `Notulen rapat penelaahan: ${t}`,
  return: (t) => `Renstra dikembalikan untuk perbaikan: ${t}`,
  verify: (t) => `Renstra terverifikasi: ${t}`,
  advance: (t) => `Renstra masuk tahap berikutnya: ${t}`,
  enact: (t) => `Renstra ditetapkan: ${t}`,
  'crosscutting.propose': (t) => `Usulan lintas sektor untuk ${t}`,
  'crosscutting.accept': (t) => `Usulan lintas sektor diterima: ${t}`,
  'crosscutting.reject': (t) => `Usulan lintas sektor ditolak: ${t}`,
};

/** The e-mail of one notification: an Indonesian subject and a link to the plan's review screen. */
export const renderNotificationMail = (
  n: { kind: string; plan_id: string | null; payload: string },
  appUrl: string | undefined,
): { subject: string; text: string } => {
  const payload = JSON.parse(n.payload) as { title?: string; text?: string };
  const title = payload.title ?? 'Selaras';
  const subject = (SUBJECT[n.kind] ?? ((t: string) => `Pemberitahuan Selaras: ${t}`))(title);
  const link =
    appUrl && n.plan_id
      ? `\n\nBuka / open: ${appUrl.replace(/\/$/, '')}/rencana/${n.plan_id}/penelaahan`
      : '';
  const detail = payload.text ? `\n\n${payload.text}` : '';
  return { subject, text: `${subject}${detail}${link}\n\n— Selaras (pesan otomatis / automatic message)` };
};

/**
 * Sends the notifications not e-mailed yet (the notification table is the outbox): to each
 * recipient with an address and an enabled account; the others are marked done without mail. A
 * notification whose sending fails stays pending and is tried again next time.
 */
export const sendPendingMail = async (
  ctx: ServiceContext,
  mailer: Mailer,
  o: { limit?: number; appUrl?: string } = {},
): Promise<{ sent: number; skipped: number; failed: number }> => {
  const rows = await ctx.db
    .selectFrom('notification')
    .innerJoin('app_user', 'app_user.id', 'notification.user_id')
    .select([
      'notification.id',
      'notification.region_id',
      'notification.kind',
      'notification.plan_id',
      'notification.payload',
      'app_user.email',
      'app_user.disabled',
    ])
    .where('notification.emailed_at', 'is', null)
    .orderBy('notification.created_at')
    .limit(o.limit ?? 100)
    .execute();
  const done: { region_id: string; id: string }[] = [];
  let sent = 0;
  let skipped = 0;
  let failed = 0;
  for (const n of rows) {
    if (!n.email || n.disabled === 1) {
      skipped += 1;
      done.push(n);
      continue;
    }
    try {
      await mailer.send({ to: n.email, ...renderNotificationMail(n, o.appUrl) });
      sent += 1;
      done.push(n);
    } catch {
      failed += 1;
    }
  }
  const at = nowIso(ctx);
  for (const n of done)
    await ctx.db
      .updateTable('notification')
      .set({ emailed_at: at })
      .where('region_id', '=', n.region_id)
      .where('id', '=', n.id)
      .execute();
  return { sent, skipped, failed };
};
