import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import type { Region } from '../../api/types.ts';
import type { RegionOverview } from './region-types.ts';

export const regionKeys = {
  region: (regionId: string) => ['region', regionId] as const,
  overview: (regionId: string) => ['region', regionId, 'overview'] as const,
};

/** The region itself (for its name). */
export const useRegion = (regionId: string) =>
  useQuery({
    queryKey: regionKeys.region(regionId),
    queryFn: () => api.get<Region>(`/api/regions/${regionId}`),
    staleTime: 5 * 60_000,
  });

/** Every agency with its Renstra and their findings counts, and the regional plans. */
export const useRegionOverview = (regionId: string) =>
  useQuery({
    queryKey: regionKeys.overview(regionId),
    queryFn: () => api.get<RegionOverview>(`/api/regions/${regionId}/overview`),
  });
