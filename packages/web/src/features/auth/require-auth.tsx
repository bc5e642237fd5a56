import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorView } from '../../components/error-view.tsx';
import { useMe } from './use-me.ts';

/** Shows its children to a signed-in user; sends anybody else to the sign-in page. */
export const RequireAuth = ({ children }: { children: ReactNode }) => {
  const me = useMe();
  const location = useLocation();
  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Memuat" />
      </Center>
    );
  if (me.isError) return <ErrorView error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data)
    return <Navigate to={`/masuk?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
};
