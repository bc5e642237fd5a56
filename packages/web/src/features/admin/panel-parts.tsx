import {
  Alert,
  Badge,
  Button,
  Group,
  type MantineColor,
  Modal,
  Paper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The pieces the administration panels share: a panel's title row with search, a row's button, a
 * record's card with its version, the notice that someone else saved first, and the dialog that
 * asks before taking something away.
 */

/** A panel's title row: its heading, an optional count, an optional search box, and its actions. */
export const PanelHeader = ({
  title,
  count,
  search,
  children,
}: {
  title: string;
  count?: string | undefined;
  search?: { label: string; value: string; onChange: (v: string) => void } | undefined;
  children?: ReactNode;
}) => (
  <Group justify="space-between" mb="sm">
    <Group gap="sm">
      <Title order={3}>{title}</Title>
      {count !== undefined && (
        <Badge variant="light" color="gray">
          {count}
        </Badge>
      )}
    </Group>
    <Group gap="sm">
      {search && (
        <TextInput
          aria-label={search.label}
          placeholder={search.label}
          leftSection={<IconSearch size={14} />}
          value={search.value}
          onChange={(e) => search.onChange(e.currentTarget.value)}
          w={260}
        />
      )}
      {children}
    </Group>
  </Group>
);

/** A small button of a table row; `label` names the row for screen readers ("Ubah unit Seksi A"). */
export const RowButton = ({
  label,
  children,
  onClick,
  to,
  color,
  leftSection,
}: {
  label: string;
  children: ReactNode;
  onClick?: () => void;
  to?: string;
  color?: MantineColor;
  leftSection?: ReactNode;
}) => {
  const look = {
    variant: 'subtle',
    size: 'compact-sm',
    'aria-label': label,
    leftSection,
    ...(color !== undefined && { color }),
  } as const;
  return to !== undefined ? (
    <Button component={Link} to={to} {...look}>
      {children}
    </Button>
  ) : (
    <Button onClick={onClick} {...look}>
      {children}
    </Button>
  );
};

/** A record's card: its title with the version it was read at, then the form. */
export const RecordCard = ({
  title,
  version,
  children,
}: {
  title: string;
  version: number;
  children: ReactNode;
}) => {
  const { t } = useTranslation('admin');
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        <Badge variant="light" color="gray">
          {t('agency.version', { version })}
        </Badge>
      </Group>
      {children}
    </Paper>
  );
};

/** Someone else saved first: what was loaded, and that the user's input is kept. */
export const StaleNotice = ({ title, children }: { title: string; children: ReactNode }) => (
  <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
    {children}
  </Alert>
);

/**
 * Asks before a write that takes something away (a role, a unit, an account's access). The
 * server's refusal, when there is one, shows in the dialog; `blocked` keeps the button off then.
 */
export const ConfirmDialog = ({
  opened,
  title,
  body,
  problem,
  confirmLabel,
  confirmColor = 'red',
  busy,
  blocked = false,
  onConfirm,
  onClose,
  children,
}: {
  opened: boolean;
  title: string;
  body: string | undefined;
  problem?: { text: string; color: MantineColor } | undefined;
  confirmLabel: string;
  confirmColor?: MantineColor;
  busy: boolean;
  blocked?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      {body && <Text mb="md">{body}</Text>}
      {children}
      {problem && (
        <Alert color={problem.color} role="alert" mb="md" py="xs" data-testid="confirm-problem">
          {problem.text}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} data-autofocus>
          {t('action.cancel')}
        </Button>
        <Button color={confirmColor} onClick={onConfirm} loading={busy} disabled={blocked}>
          {confirmLabel}
        </Button>
      </Group>
    </Modal>
  );
};
