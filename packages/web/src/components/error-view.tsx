import { Alert, Button, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { useLang } from '../i18n/index.ts';

type Details = { state?: unknown; reason?: unknown; current?: unknown } | undefined;

const LOCK_KINDS: Record<string, string> = {
  returned: 'returned',
  ditetapkan: 'set',
  draft: 'window',
  verified: 'verified',
};

/** Which LOCKED case an error is: under review, returned with other items unlocked, verified, set, or the window closed. */
export const lockKind = (error: ApiError): string => {
  const state = (error.details as Details)?.state;
  return typeof state === 'string' ? (LOCK_KINDS[state] ?? 'review') : 'window';
};

/** The message for people of any error the API (or the network) gave. */
export const useErrorText = () => {
  const { t } = useTranslation();
  const lang = useLang();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
    if (error.code === 'NETWORK') return t('error.network');
    if (error.code === 'FORBIDDEN') return t('error.forbidden');
    if (error.code === 'NOT_FOUND') return `${t('error.notFound')} (${error.message})`;
    // A locked plan: the server's message (in Indonesian, after the reason in Indonesian).
    if (error.code === 'LOCKED')
      return lang === 'en' ? error.message : `${t(`error.locked.${lockKind(error)}`)} (${error.message})`;
    // A review step refused from the wrong state carries its reason in both languages.
    const details = error.details as Details;
    const reason = details?.reason;
    if (error.code === 'CONFLICT' && typeof reason === 'object' && reason !== null && lang in reason)
      return String((reason as Record<string, unknown>)[lang]);
    if (error.code === 'CONFLICT' && details?.current === undefined && typeof details?.state === 'string')
      return error.message;
    if (error.code === 'CONFLICT') return t('error.conflict');
    return error.message;
  };
};

/** A failed load or action, with the API's field problems listed and a retry button. */
export const ErrorView = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useTranslation();
  const text = useErrorText();
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <Alert color="red" title={t('error.title')} role="alert" m="md">
      <Stack gap="xs">
        <div>{text(error)}</div>
        {issues.length > 0 && (
          <List size="sm">
            {issues.map((i) => (
              <List.Item key={`${i.path}:${i.message}`}>
                <code>{i.path}</code>: {i.message}
              </List.Item>
            ))}
          </List>
        )}
        {onRetry && (
          <Button variant="light" color="red" size="xs" onClick={onRetry} w="fit-content">
            {t('action.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
};
