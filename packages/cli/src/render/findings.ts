import type { Finding, Lang, Severity } from '@selaras/core';
import type { LoadedPlan } from '../load-plans.ts';
import { countLabel, t } from '../messages.ts';
import { type Colors, wrap } from './text.ts';

const ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** Counts findings by severity. */
export const summarise = (findings: readonly Finding[]) => ({
  error: findings.filter((f) => f.severity === 'error').length,
  warning: findings.filter((f) => f.severity === 'warning').length,
  info: findings.filter((f) => f.severity === 'info').length,
});

const paint = (c: Colors, s: Severity, text: string) =>
  s === 'error' ? c.red(text) : s === 'warning' ? c.yellow(text) : c.cyan(text);

/** Renders findings grouped by severity, each with its code, place and message in one language. */
export const renderFindings = (
  plans: readonly LoadedPlan[],
  findings: readonly Finding[],
  lang: Lang,
  c: Colors,
  columns: number,
): string => {
  const out: string[] = [c.bold(`Selaras · ${t('checkTitle', lang)}`)];
  for (const { file, plan } of plans) {
    const kind = plan.format === 'selaras.renstra' ? t('renstra', lang) : t('regionalPlan', lang);
    out.push(
      `  ${c.dim(file)}`,
      `    ${plan.title} (${kind}, ${plan.period.startYear}–${plan.period.endYear})`,
    );
  }
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push('', paint(c, severity, c.bold(`${t(severity, lang)} (${group.length})`)));
    for (const f of group) {
      out.push(
        `  ${paint(c, severity, ICON[severity])} ${c.bold(f.code)}  ${c.dim(`${f.target.plan} › ${f.path}`)}`,
      );
      out.push(...wrap(f.message[lang], columns, '    '));
    }
  }
  const s = summarise(findings);
  out.push('');
  if (findings.length === 0) out.push(c.green(t('noFindings', lang)));
  const parts = [
    countLabel(s.error, 'error', lang),
    countLabel(s.warning, 'warning', lang),
    countLabel(s.info, 'info', lang),
  ];
  out.push(
    `${t('summary', lang)}: ${s.error > 0 ? c.red(parts[0] ?? '') : c.green(parts[0] ?? '')}, ${parts[1]}, ${parts[2]}`,
  );
  return `${out.join('\n')}\n`;
};
