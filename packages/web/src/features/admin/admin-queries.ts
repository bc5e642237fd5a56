import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { AgencyRecord, RegionUser } from './admin-types.ts';

/** Query keys of the administration screens. */
export const adminKeys = {
  all: ['admin'] as const,
  agencies: (regionId: string) => ['admin', 'agencies', regionId] as const,
  agency: (agencyId: string) => ['admin', 'agency', agencyId] as const,
  users: (regionId: string) => ['admin', 'users', regionId] as const,
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

/** The accounts with a role in the region, with their roles. */
export const useRegionUsers = (regionId: string) =>
  useQuery({
    queryKey: adminKeys.users(regionId),
    queryFn: () => api.get<RegionUser[]>(`/api/regions/${regionId}/users`, { query: PAGE }),
  });

/** An agency's label in lists: its short name, else its name. */
export const agencyLabel = (a: Pick<AgencyRecord, 'name' | 'shortName'>): string => a.shortName ?? a.name;
