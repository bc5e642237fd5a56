import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { ME_KEY } from '../auth/use-me.ts';
import type { AgencyRecord, PeriodRecord, RegionRecord, RegionUser, UserAccount } from './admin-types.ts';

/** Query keys of the administration screens. */
export const adminKeys = {
  all: ['admin'] as const,
  agencies: (regionId: string) => ['admin', 'agencies', regionId] as const,
  agency: (agencyId: string) => ['admin', 'agency', agencyId] as const,
  users: (regionId: string) => ['admin', 'users', regionId] as const,
  user: (userId: string) => ['admin', 'user', userId] as const,
  region: (regionId: string) => ['admin', 'region', regionId] as const,
  periods: (regionId: string) => ['admin', 'periods', regionId] as const,
};

/** The most rows one list page holds; a region has far fewer agencies or accounts. */
const PAGE = { limit: 500 };

/** The region's agencies (without units), by code. */
export const useAgencies = (regionId: string) =>
  useQuery({
    queryKey: adminKeys.agencies(regionId),
    queryFn: () => api.get<AgencyRecord[]>(`/api/regions/${regionId}/agencies`, { query: PAGE }),
  });

/** One agency with its units and version. */
export const useAgency = (agencyId: string) =>
  useQuery({
    queryKey: adminKeys.agency(agencyId),
    queryFn: () => api.get<AgencyRecord>(`/api/agencies/${agencyId}`),
  });

/** The accounts of the region with their roles there, those left without a role included. */
export const useRegionUsers = (regionId: string) =>
  useQuery({
    queryKey: adminKeys.users(regionId),
    queryFn: () =>
      api.get<RegionUser[]>(`/api/regions/${regionId}/users`, {
        query: { ...PAGE, includeWithoutRoles: true },
      }),
  });

/** One account with its version and roles. */
export const useUser = (userId: string) =>
  useQuery({
    queryKey: adminKeys.user(userId),
    queryFn: () => api.get<UserAccount>(`/api/users/${userId}`),
  });

/** The region's record with its version. */
export const useRegion = (regionId: string) =>
  useQuery({
    queryKey: adminKeys.region(regionId),
    queryFn: () => api.get<RegionRecord>(`/api/regions/${regionId}`),
  });

/** The region's planning periods, oldest first. */
export const usePeriods = (regionId: string) =>
  useQuery({
    queryKey: adminKeys.periods(regionId),
    queryFn: () => api.get<PeriodRecord[]>(`/api/regions/${regionId}/periods`),
  });

/** An agency's label in lists: its short name, else its name. */
export const agencyLabel = (a: Pick<AgencyRecord, 'name' | 'shortName'>): string => a.shortName ?? a.name;

/** Takes an account the server answered into the caches of the screens that show it. */
export const useStoreUser = (regionId: string) => {
  const queryClient = useQueryClient();
  return (u: UserAccount) => {
    queryClient.setQueryData(adminKeys.user(u.id), u);
    void queryClient.invalidateQueries({ queryKey: adminKeys.users(regionId) });
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  };
};
