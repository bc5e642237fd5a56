import type { RichDoc, RichNode } from '../../schema/chapter.schema.ts';
import { RENSTRA_CHAPTER_TEMPLATE } from '../../schema/chapter-template.ts';
import type { ValidationContext } from '../context.ts';

const hasContent = (nodes: readonly RichNode[] | undefined): boolean =>
  (nodes ?? []).some(
    (n) =>
      (n.type === 'text' && (n.text ?? '').trim() !== '') ||
      n.type === 'generatedTable' ||
      hasContent(n.content),
  );

const isEmpty = (doc: RichDoc | undefined) => !doc || !hasContent(doc.content);

const roman = (n: number) =>
  ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1] ?? String(n);

/** Chapter rules for a Renstra: every BAB and section of Permendagri 86/2017 is present and written. */
export const checkChapters = (ctx: ValidationContext): void => {
  const plan = ctx.index.plan;
  if (plan.format !== 'selaras.renstra') return;
  const chapters = new Map(plan.chapters.map((c) => [c.number, c]));
  for (const tpl of RENSTRA_CHAPTER_TEMPLATE) {
    const chapter = chapters.get(tpl.number);
    const bab = `BAB ${roman(tpl.number)}`;
    if (!chapter) {
      ctx.sink.add(
        'chapter/missing',
        `chapters/${tpl.number}`,
        { chapter: tpl.number },
        {
          id: `${bab} ${tpl.title.id} belum ada. Tambahkan bab ini beserta subbabnya.`,
          en: `${bab} ${tpl.title.en} is missing. Add the chapter and its sections.`,
        },
      );
      continue;
    }
    const sections = new Map(chapter.sections.map((s) => [s.key, s]));
    for (const s of tpl.sections) {
      const section = sections.get(s.key);
      if (!section) {
        ctx.sink.add(
          'chapter/missing',
          `chapters/${tpl.number}/sections/${s.key}`,
          { chapter: tpl.number, section: s.key },
          {
            id: `${bab} belum memuat subbab ${s.key} ${s.title.id}.`,
            en: `${bab} lacks section ${s.key} ${s.title.en}.`,
          },
        );
      } else if (isEmpty(section.content)) {
        ctx.sink.add(
          'chapter/empty-section',
          `chapters/${tpl.number}/sections/${s.key}`,
          { chapter: tpl.number, section: s.key },
          {
            id: `Subbab ${s.key} ${s.title.id} (${bab}) masih kosong.`,
            en: `Section ${s.key} ${s.title.en} (${bab}) is empty.`,
          },
        );
      }
    }
    if (
      tpl.sections.length === 0 &&
      isEmpty(chapter.intro) &&
      chapter.sections.every((s) => isEmpty(s.content))
    ) {
      ctx.sink.add(
        'chapter/empty-section',
        `chapters/${tpl.number}`,
        { chapter: tpl.number },
        {
          id: `${bab} ${tpl.title.id} masih kosong.`,
          en: `${bab} ${tpl.title.en} is empty.`,
        },
      );
    }
  }
};
