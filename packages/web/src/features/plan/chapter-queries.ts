import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { planKeys } from './plan-queries.ts';

/** Rich text as the editor and the API store it (ProseMirror JSON). */
export interface RichDoc {
  readonly type: 'doc';
  readonly content?: readonly unknown[];
}

export interface Section {
  readonly id: string;
  readonly key: string;
  readonly title: string;
  readonly version: number;
  readonly content: RichDoc;
}

export interface Chapter {
  readonly id: string;
  readonly number: number;
  readonly title: string;
  readonly version: number;
  readonly intro?: RichDoc | null;
  readonly sections: readonly Section[];
}

/** The chapters (BAB) of a Renstra with their sections. */
export const useChapters = (planId: string, enabled = true) =>
  useQuery({
    queryKey: planKeys.chapters(planId),
    queryFn: () => api.get<Chapter[]>(`/api/plans/${planId}/chapters`),
    enabled,
  });

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** BAB IV for 4. */
export const bab = (n: number): string => `BAB ${ROMAN[n - 1] ?? n}`;
