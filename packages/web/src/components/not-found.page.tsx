import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An address the app does not know. */
export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <Stack p="xl" align="flex-start">
      <Title order={2}>404</Title>
      <Text>{t('error.notFound')}</Text>
      <Anchor component={Link} to="/">
        {t('nav.home')}
      </Anchor>
    </Stack>
  );
};
