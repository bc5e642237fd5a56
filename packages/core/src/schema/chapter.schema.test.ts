import { describe, expect, it } from 'vitest';
import {
  ChapterSchema,
  isSafeHref,
  RICH_TEXT_LIMITS,
  RichDocSchema,
  type RichNode,
} from './chapter.schema.ts';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks && { marks }) });
const link = (href: string, extra: Record<string, unknown> = {}) =>
  doc(para(text('tautan', [{ type: 'link', attrs: { href, ...extra } }])));

/** The first issue's path and message, or 'ok'. */
const check = (input: unknown): 'ok' | { path: string; message: string } => {
  const r = RichDocSchema.safeParse(input);
  if (r.success) return 'ok';
  const issue = r.error.issues[0];
  return { path: issue?.path.join('.') ?? '', message: issue?.message ?? '' };
};

const nested = (depth: number) => {
  let node: unknown = para(text('dalam'));
  // The document, depth − 2 quotes and the paragraph: `depth` nested content arrays.
  for (let i = 2; i < depth; i++) node = { type: 'blockquote', content: [node] };
  return doc(node);
};

describe('rich text', () => {
  it.each<[string, unknown]>([
    ['an empty document', { type: 'doc' }],
    ['a paragraph with marks', doc(para(text('x', [{ type: 'bold' }, { type: 'italic' }])))],
    ['text that looks like HTML (text is text)', doc(para(text('<script>alert(1)</script>')))],
    ['text with an event handler in it', doc(para(text('<img src=x onerror=alert(1)>')))],
    [
      'a heading with level and alignment',
      doc({ type: 'heading', attrs: { level: 2, textAlign: 'center' } }),
    ],
    ['TipTap’s null alignment', doc({ type: 'paragraph', attrs: { textAlign: null } })],
    [
      'an ordered list with start and type',
      doc({
        type: 'orderedList',
        attrs: { start: 3, type: 'a' },
        content: [{ type: 'listItem', content: [para(text('a'))] }],
      }),
    ],
    [
      'a table with spans and column widths',
      doc({
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              {
                type: 'tableHeader',
                attrs: { colspan: 2, rowspan: 1, colwidth: [120, 80] },
                content: [para()],
              },
              { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [para()] },
            ],
          },
        ],
      }),
    ],
    ['a generated table', doc({ type: 'generatedTable', attrs: { table: 'T-C.25' } })],
    ['a line break', doc(para(text('a'), { type: 'hardBreak' }, text('b')))],
    ['a quote with a list', doc({ type: 'blockquote', content: [{ type: 'bulletList', content: [] }] })],
    [
      'an https link as TipTap writes it',
      link('https://kaltimprov.go.id', {
        target: '_blank',
        rel: 'noopener noreferrer nofollow',
        class: null,
      }),
    ],
    ['an http link', link('http://example.org/a?b=1&c=2#d')],
    ['a mailto link', link('mailto:bappeda@kaltimprov.go.id')],
    ['an upper-case https link', link('HTTPS://EXAMPLE.ORG')],
    ['a site-relative link', link('/plans/123')],
    ['a fragment link', link('#bab-4')],
    ['text at the length limit', doc(para(text('x'.repeat(RICH_TEXT_LIMITS.maxTextLength))))],
    ['nesting at the depth limit', nested(RICH_TEXT_LIMITS.maxDepth)],
  ])('accepts %s', (_, input) => {
    expect(check(input)).toBe('ok');
  });

  it.each<[string, unknown, string, string | RegExp]>([
    ['an unknown node type (iframe)', doc({ type: 'iframe' }), 'content.0.type', /a block: paragraph/],
    ['an image', doc({ type: 'image', attrs: { src: 'x' } }), 'content.0.type', /a block/],
    ['a script node', doc({ type: 'script', text: 'alert(1)' }), 'content.0.type', /a block/],
    ['a nested document', doc({ type: 'doc', content: [] }), 'content.0.type', /a block/],
    ['text directly in the document', doc(text('x')), 'content.0.type', /a block/],
    ['a block inside a paragraph', doc(para({ type: 'table' })), 'content.0.content.0.type', /inline/],
    [
      'an onclick attribute',
      doc({ type: 'paragraph', attrs: { onclick: 'alert(1)' } }),
      'content.0.attrs',
      /onclick/,
    ],
    [
      'a style attribute',
      doc({ type: 'paragraph', attrs: { style: 'color:red' } }),
      'content.0.attrs',
      /style/,
    ],
    [
      'a class on a cell',
      doc({
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { class: 'x' } }] }],
      }),
      'content.0.content.0.content.0.attrs',
      /class/,
    ],
    [
      'attributes on a list item',
      doc({ type: 'bulletList', content: [{ type: 'listItem', attrs: { a: 1 } }] }),
      'content.0.content.0',
      /attrs/,
    ],
    ['a heading level 7', doc({ type: 'heading', attrs: { level: 7 } }), 'content.0.attrs.level', /6/],
    [
      'an unknown alignment',
      doc({ type: 'paragraph', attrs: { textAlign: 'expression(alert(1))' } }),
      'content.0.attrs.textAlign',
      /left/,
    ],
    [
      'a column width as text',
      doc({
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colwidth: ['1px'] } }] }],
      }),
      'content.0.content.0.content.0.attrs.colwidth.0',
      /number/,
    ],
    [
      'an unknown generated table',
      doc({ type: 'generatedTable', attrs: { table: '<script>' } }),
      'content.0.attrs.table',
      /T-C/,
    ],
    [
      'text in a generated table',
      doc({ type: 'generatedTable', attrs: { table: 'T-C.25' }, text: 'x' }),
      'content.0',
      /text/,
    ],
    ['an empty text node', doc(para(text(''))), 'content.0.content.0.text', /not empty/],
    [
      'text beyond the length limit',
      doc(para(text('x'.repeat(RICH_TEXT_LIMITS.maxTextLength + 1)))),
      'content.0.content.0.text',
      /at most 100000/,
    ],
    [
      'an unknown mark',
      doc(para(text('x', [{ type: 'highlight' }]))),
      'content.0.content.0.marks.0.type',
      /a mark/,
    ],
    [
      'attributes on bold',
      doc(para(text('x', [{ type: 'bold', attrs: { style: 'x' } }]))),
      'content.0.content.0.marks.0',
      /attrs/,
    ],
    [
      'a link without a target',
      doc(para(text('x', [{ type: 'link' }]))),
      'content.0.content.0.marks.0.attrs',
      /object/,
    ],
    [
      'an onmouseover on a link',
      link('https://a.b', { onmouseover: 'alert(1)' }),
      'content.0.content.0.marks.0.attrs',
      /onmouseover/,
    ],
    [
      'a link class',
      link('https://a.b', { class: 'evil' }),
      'content.0.content.0.marks.0.attrs.class',
      /null/,
    ],
    [
      'a link target frame',
      link('https://a.b', { target: 'evil' }),
      'content.0.content.0.marks.0.attrs.target',
      /_blank/,
    ],
    [
      'nesting beyond the depth limit',
      nested(RICH_TEXT_LIMITS.maxDepth + 1),
      `${'content.0.'.repeat(RICH_TEXT_LIMITS.maxDepth)}content`,
      /nested more than 50/,
    ],
    [
      'a document larger than the size limit',
      doc(...Array.from({ length: 20 }, () => para(text('x'.repeat(60_000))))),
      '',
      /larger than about 1 MB/,
    ],
    ['a document that is not a doc', { type: 'paragraph' }, 'type', /doc/],
  ])('refuses %s', (_, input, path, message) => {
    const r = check(input);
    expect(r).not.toBe('ok');
    expect(r).toMatchObject({ path, message: expect.stringMatching(message) });
  });

  it('refuses a document nested a hundred thousand levels deep without exhausting the stack', () => {
    let node: unknown = para();
    for (let i = 0; i < 100_000; i++) node = { type: 'blockquote', content: [node] };
    expect(check(doc(node))).toMatchObject({ message: expect.stringMatching(/nested more than/) });
  });

  /** Link targets that must never pass: scripts and data hidden by case, whitespace, entities and encodings. */
  const XSS_HREFS = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'javascript :alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '\u0001javascript:alert(1)',
    'java\u200bscript:alert(1)',
    '\u00a0javascript:alert(1)',
    '\u2028javascript:alert(1)',
    '\ufeffjavascript:alert(1)',
    'javascript&#58;alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '%6Aavascript:alert(1)',
    'javascript%3Aalert(1)',
    'ｊavascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'blob:https://a.b/uuid',
    'ftp://example.org',
    'tel:+6281',
    'livescript:alert(1)',
    'x-javascript:alert(1)',
    '\\\\evil.example/x',
    'evil.example',
    'foo/bar',
    '',
    `https://a.b/${'x'.repeat(RICH_TEXT_LIMITS.maxHrefLength)}`,
  ];

  it.each(XSS_HREFS)('refuses the link target %j', (href) => {
    const r = check(link(href));
    expect(r).toMatchObject({ path: 'content.0.content.0.marks.0.attrs.href' });
  });

  it('says how to fix a refused link', () => {
    expect(check(link('javascript:alert(1)'))).toMatchObject({
      message: expect.stringContaining('javascript:, data: and other schemes are refused'),
    });
  });

  it.each([
    'https://kaltimprov.go.id/path?q=1&r=2#x',
    'http://a.b',
    'Mailto:a@b.c',
    '/relative',
    '#fragment',
    '//cdn.example/x',
  ])('counts %j as a safe link target', (href) => {
    expect(isSafeHref(href)).toBe(true);
  });

  it('reads into the RichNode type unchanged', () => {
    const parsed = RichDocSchema.parse(doc(para(text('x', [{ type: 'bold' }]))));
    const first: RichNode | undefined = parsed.content[0];
    expect(first).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'x', marks: [{ type: 'bold' }] }],
    });
  });

  it('gives the path inside a chapter', () => {
    const r = ChapterSchema.safeParse({
      number: 1,
      title: 'Pendahuluan',
      intro: link('javascript:alert(1)'),
      sections: [{ key: '1.1', title: 'Latar Belakang', content: doc({ type: 'iframe' }) }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'intro.content.0.content.0.marks.0.attrs.href',
      'sections.0.content.content.0.type',
    ]);
  });
});
