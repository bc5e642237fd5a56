import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client.ts';
import { router } from './router.tsx';

const theme = createTheme({
  primaryColor: 'teal',
  fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  components: { Button: { defaultProps: { size: 'sm' } } },
});

/** A signed-out session sends the user to the sign-in page, keeping where they were. */
const onUnauthenticated = (e: unknown) => {
  if (e instanceof ApiError && e.status === 401 && !window.location.pathname.startsWith('/masuk')) {
    const next = encodeURIComponent(window.location.pathname + window.location.search);
    void router.navigate(`/masuk?next=${next}`);
  }
};

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onUnauthenticated }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      retry: (count, e) => !(e instanceof ApiError && e.status > 0 && e.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
    mutations: { onError: onUnauthenticated },
  },
});

/** The app: theme, data cache, notifications and routes. */
export const App = () => (
  <MantineProvider theme={theme}>
    <Notifications position="top-right" />
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </MantineProvider>
);
