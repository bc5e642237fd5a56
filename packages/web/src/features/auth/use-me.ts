import { useQuery } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../api/client.ts';
import type { Grant, Me, User } from '../../api/types.ts';

export const ME_KEY = ['me'] as const;

/** Who is signed in (null when nobody), keeping the CSRF token for writes. */
export const useMe = () =>
  useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      const me = await api.get<Me>('/api/auth/me');
      setCsrfToken(me.csrfToken);
      return me.user;
    },
    staleTime: 60_000,
  });

const AGENCY_WRITERS = new Set(['admin', 'agency_editor', 'agency_head']);

/**
 * Whether the user may edit a plan's content: an admin of its region, or an editor or head of
 * its agency. The server decides; this only hides buttons that would be refused.
 */
export const canEditPlan = (
  user: User | null | undefined,
  regionId: string,
  agencyId: string | null,
): boolean =>
  (user?.roles ?? []).some(
    (g: Grant) =>
      g.regionId === regionId &&
      AGENCY_WRITERS.has(g.role) &&
      (g.role === 'admin' || (agencyId !== null && g.agencyId === agencyId)),
  );

/** Whether the user is an admin of the region. */
export const isAdmin = (user: User | null | undefined, regionId?: string): boolean =>
  (user?.roles ?? []).some((g) => g.role === 'admin' && (regionId === undefined || g.regionId === regionId));
