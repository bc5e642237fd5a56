import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { useLang } from '../../i18n/index.ts';
import { formatDate } from '../../lib/format.ts';
import { formatDateTime } from '../review/review-model.ts';
import { type Inbox, type InboxItem, notificationLink, notificationMessage } from './inbox-model.ts';
import './locale.ts';

const INBOX_KEY = ['notifications'] as const;

/** The caller's inbox, read again every 30 seconds. */
const useInbox = () =>
  useQuery({
    queryKey: INBOX_KEY,
    queryFn: () => api.get<Inbox>('/api/notifications'),
    refetchInterval: 30_000,
  });

const Item = ({ item, onOpen }: { item: InboxItem; onOpen: (item: InboxItem) => void }) => {
  const { t } = useTranslation('inbox');
  const lang = useLang();
  const { key, params } = notificationMessage(item);
  const sentence = t(`kind.${key}`, {
    ...params,
    institution: params.institution ? t(`institution.${params.institution}`) : '',
    verdict: params.verdict ? t(`verdict.${params.verdict}`) : '',
    date: params.date ? formatDate(params.date, lang) : '',
    defaultValue: item.kind,
  });
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      p="xs"
      style={{
        borderRadius: 4,
        background: item.read ? undefined : 'var(--mantine-color-teal-0)',
      }}
      data-testid="notification"
      data-kind={item.kind}
      data-read={String(item.read)}
    >
      <Stack gap={2}>
        <Text size="sm" fw={item.read ? 400 : 600}>
          {sentence}
          {!item.read && <span className="visually-hidden"> ({t('unread')})</span>}
        </Text>
        {item.planTitle && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {item.planTitle}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {formatDateTime(item.at, lang)}
        </Text>
      </Stack>
    </UnstyledButton>
  );
};

/** The bell in the header: the unread count, and the notifications, each opening its plan's review. */
export const InboxBell = () => {
  const { t } = useTranslation('inbox');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const inbox = useInbox();
  const [opened, setOpened] = useState(false);
  const markRead = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => api.post('/api/notifications/read', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: INBOX_KEY }),
  });
  const unread = inbox.data?.unread ?? 0;
  const open = (item: InboxItem) => {
    if (!item.read) markRead.mutate({ ids: [item.id] });
    setOpened(false);
    const to = notificationLink(item);
    if (to) void navigate(to);
  };
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={400} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          color="red"
          disabled={unread === 0}
          offset={4}
          data-testid="inbox-unread"
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={unread > 0 ? t('bellUnread', { count: unread }) : t('bell')}
            onClick={() => setOpened((o) => !o)}
            aria-expanded={opened}
            data-testid="inbox-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" px={4} pb={4}>
          <Text fw={600} size="sm">
            {t('title')}
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markRead.isPending}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('markAll')}
          </Button>
        </Group>
        <Divider />
        {(inbox.data?.items.length ?? 0) === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={2} pt={4} data-testid="inbox-list">
              {inbox.data?.items.map((item) => (
                <Item key={item.id} item={item} onOpen={open} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
};
