import { createBrowserRouter, Navigate } from 'react-router';
import { NotFoundPage } from '../components/not-found.page.tsx';
import { RequireAuth } from '../features/auth/require-auth.tsx';
import { SignInPage } from '../features/auth/sign-in.page.tsx';
import { HomeRedirect } from '../features/home/home-redirect.tsx';
import { AppLayout } from './app-layout.tsx';

/**
 * The routes. Screens other than sign-in and the shell load lazily, so the first page stays
 * small; the tree screen brings React Flow and ELK with it only when opened.
 */
export const router = createBrowserRouter([
  { path: '/masuk', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'wilayah/:regionId',
        lazy: async () => ({
          Component: (await import('../features/region/region-overview.page.tsx')).RegionOverviewPage,
        }),
      },
      {
        path: 'admin/*',
        lazy: async () => ({ Component: (await import('../features/admin/admin.page.tsx')).AdminPage }),
      },
      {
        path: 'rencana/:planId',
        lazy: async () => ({
          Component: (await import('../features/plan/plan-workspace.tsx')).PlanWorkspace,
        }),
        children: [
          { index: true, element: <Navigate to="pohon" replace /> },
          {
            path: 'bab/:chapter/:section?',
            lazy: async () => ({
              Component: (await import('../features/chapters/chapter.page.tsx')).ChapterPage,
            }),
          },
          {
            path: 'pohon',
            lazy: async () => ({ Component: (await import('../features/tree/tree.page.tsx')).TreePage }),
          },
          {
            path: 'indikator',
            lazy: async () => ({
              Component: (await import('../features/grid/indicator-grid.page.tsx')).IndicatorGridPage,
            }),
          },
          {
            path: 'keselarasan',
            lazy: async () => ({
              Component: (await import('../features/alignment/alignment.page.tsx')).AlignmentPage,
            }),
          },
          {
            path: 'capaian',
            lazy: async () => ({
              Component: (await import('../features/scores/scores.page.tsx')).ScoresPage,
            }),
          },
          {
            path: 'penelaahan',
            lazy: async () => ({
              Component: (await import('../features/review/review.page.tsx')).ReviewPage,
            }),
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
