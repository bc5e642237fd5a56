import { mergeAttributes, Node } from '@tiptap/core';

/** The tables Selaras generates from plan data (the server accepts exactly these). */
export const GENERATED_TABLES = [
  'T-C.23',
  'T-C.24',
  'T-C.25',
  'T-C.26',
  'T-C.27',
  'T-C.28',
  'cascading',
] as const;

/**
 * A placeholder for a table generated from the plan's data (T-C.23 … T-C.28, the cascading
 * matrix): the chapter says where it goes; the document generator fills it in.
 */
export const GeneratedTable = Node.create({
  name: 'generatedTable',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return { table: { default: 'T-C.27' } };
  },
  parseHTML() {
    return [
      {
        tag: 'div[data-generated-table]',
        getAttrs: (el) => ({ table: (el as HTMLElement).dataset.generatedTable }),
      },
    ];
  },
  renderHTML({ node, HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, {
        'data-generated-table': node.attrs.table,
        class: 'generated-table',
        contenteditable: 'false',
      }),
      `▦ ${node.attrs.table === 'cascading' ? 'Matriks cascading kinerja' : `Tabel ${node.attrs.table}`} — dibuat otomatis dari data rencana / generated from the plan's data`,
    ];
  },
});
