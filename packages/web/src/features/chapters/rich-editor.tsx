import { ActionIcon, Button, Group, Menu, Popover, TextInput, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconBold,
  IconH2,
  IconH3,
  IconItalic,
  IconLink,
  IconList,
  IconListNumbers,
  IconQuote,
  IconTable,
  IconTableOptions,
  IconUnderline,
} from '@tabler/icons-react';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { type Editor, EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GENERATED_TABLES, GeneratedTable } from './generated-table.ts';
import './rich-editor.css';

/** The rich text the server accepts (see core's chapter schema): no code, images, rules or raw HTML. */
export const extensions = [
  StarterKit.configure({
    code: false,
    codeBlock: false,
    horizontalRule: false,
    heading: { levels: [2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: true,
      protocols: [],
      defaultProtocol: 'https',
      HTMLAttributes: { target: null, rel: 'noopener noreferrer' },
    },
  }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  GeneratedTable,
];

const Btn = ({
  label,
  icon,
  onClick,
  active,
  disabled,
}: {
  label: string;
  icon: React.ReactNode;
  onClick: () => void;
  active?: boolean;
  disabled?: boolean;
}) => (
  <Tooltip label={label}>
    <ActionIcon
      variant={active ? 'filled' : 'subtle'}
      aria-label={label}
      aria-pressed={active ?? false}
      onClick={onClick}
      disabled={disabled ?? false}
      size="md"
    >
      {icon}
    </ActionIcon>
  </Tooltip>
);

const LinkButton = ({ editor }: { editor: Editor }) => {
  const { t } = useTranslation('chapters');
  const [href, setHref] = useState('');
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} trapFocus position="bottom">
      <Popover.Target>
        <div>
          <Btn
            label={t('link')}
            icon={<IconLink size={16} />}
            active={editor.isActive('link')}
            onClick={() => {
              setHref(editor.getAttributes('link').href ?? '');
              setOpened((o) => !o);
            }}
          />
        </div>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const chain = editor.chain().focus().extendMarkRange('link');
            if (href.trim() === '') chain.unsetLink().run();
            else chain.setLink({ href: href.trim() }).run();
            setOpened(false);
          }}
        >
          <Group gap="xs">
            <TextInput
              size="xs"
              label={t('linkAddress')}
              placeholder="https://"
              value={href}
              onChange={(e) => setHref(e.currentTarget.value)}
            />
            <Button size="xs" type="submit" mt={20}>
              OK
            </Button>
          </Group>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
};

const Toolbar = ({ editor }: { editor: Editor }) => {
  const { t } = useTranslation('chapters');
  const c = () => editor.chain().focus();
  return (
    <Group
      gap={2}
      p={4}
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        position: 'sticky',
        top: 0,
        background: 'white',
        zIndex: 1,
      }}
      role="toolbar"
      aria-label={t('toolbar')}
    >
      <Btn
        label={t('bold')}
        icon={<IconBold size={16} />}
        active={editor.isActive('bold')}
        onClick={() => c().toggleBold().run()}
      />
      <Btn
        label={t('italic')}
        icon={<IconItalic size={16} />}
        active={editor.isActive('italic')}
        onClick={() => c().toggleItalic().run()}
      />
      <Btn
        label={t('underline')}
        icon={<IconUnderline size={16} />}
        active={editor.isActive('underline')}
        onClick={() => c().toggleUnderline().run()}
      />
      <Btn
        label={t('heading2')}
        icon={<IconH2 size={16} />}
        active={editor.isActive('heading', { level: 2 })}
        onClick={() => c().toggleHeading({ level: 2 }).run()}
      />
      <Btn
        label={t('heading3')}
        icon={<IconH3 size={16} />}
        active={editor.isActive('heading', { level: 3 })}
        onClick={() => c().toggleHeading({ level: 3 }).run()}
      />
      <Btn
        label={t('bulletList')}
        icon={<IconList size={16} />}
        active={editor.isActive('bulletList')}
        onClick={() => c().toggleBulletList().run()}
      />
      <Btn
        label={t('orderedList')}
        icon={<IconListNumbers size={16} />}
        active={editor.isActive('orderedList')}
        onClick={() => c().toggleOrderedList().run()}
      />
      <Btn
        label={t('quote')}
        icon={<IconQuote size={16} />}
        active={editor.isActive('blockquote')}
        onClick={() => c().toggleBlockquote().run()}
      />
      <LinkButton editor={editor} />
      <Menu>
        <Menu.Target>
          <div>
            <Btn label={t('table')} icon={<IconTable size={16} />} onClick={() => undefined} />
          </div>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
            {t('insertTable')}
          </Menu.Item>
          <Menu.Item disabled={!editor.isActive('table')} onClick={() => c().addRowAfter().run()}>
            {t('addRow')}
          </Menu.Item>
          <Menu.Item disabled={!editor.isActive('table')} onClick={() => c().addColumnAfter().run()}>
            {t('addColumn')}
          </Menu.Item>
          <Menu.Item disabled={!editor.isActive('table')} onClick={() => c().deleteRow().run()}>
            {t('deleteRow')}
          </Menu.Item>
          <Menu.Item disabled={!editor.isActive('table')} onClick={() => c().deleteColumn().run()}>
            {t('deleteColumn')}
          </Menu.Item>
          <Menu.Item disabled={!editor.isActive('table')} color="red" onClick={() => c().deleteTable().run()}>
            {t('deleteTable')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Menu>
        <Menu.Target>
          <div>
            <Btn
              label={t('generatedTable')}
              icon={<IconTableOptions size={16} />}
              onClick={() => undefined}
            />
          </div>
        </Menu.Target>
        <Menu.Dropdown>
          {GENERATED_TABLES.map((table) => (
            <Menu.Item
              key={table}
              onClick={() => c().insertContent({ type: 'generatedTable', attrs: { table } }).run()}
            >
              {table === 'cascading' ? t('cascadingMatrix') : `Tabel ${table}`}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      <Btn
        label={t('undo')}
        icon={<IconArrowBackUp size={16} />}
        onClick={() => c().undo().run()}
        disabled={!editor.can().undo()}
      />
      <Btn
        label={t('redo')}
        icon={<IconArrowForwardUp size={16} />}
        onClick={() => c().redo().run()}
        disabled={!editor.can().redo()}
      />
    </Group>
  );
};

/** A TipTap editor limited to what the server accepts, with a toolbar when editable. */
export const RichEditor = ({
  content,
  editable,
  label,
  onChange,
  onReady,
}: {
  content: unknown;
  editable: boolean;
  label: string;
  onChange: (json: unknown) => void;
  onReady?: (editor: Editor) => void;
}) => {
  const editor = useEditor({
    extensions,
    content: content as object,
    editable,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-label': label, class: 'rich-text', 'data-testid': 'rich-editor' } },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
    onCreate: ({ editor: e }) => onReady?.(e),
  });
  if (!editor) return null;
  return (
    <div style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
};
