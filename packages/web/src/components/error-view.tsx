import { Alert, Button, List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** The message for people of any error the API (or the network) gave. */
export const useErrorText = () => {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
    if (error.code === 'NETWORK') return t('error.network');
    if (error.code === 'FORBIDDEN') return t('error.forbidden');
    if (error.code === 'NOT_FOUND') return `${t('error.notFound')} (${error.message})`;
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
