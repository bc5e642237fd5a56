import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import type { Chapter, Section } from '../plan/chapter-queries.ts';
import { planKeys } from '../plan/plan-queries.ts';

export type AutosaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'dirty' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'error'; readonly error: unknown }
  | { readonly kind: 'conflict'; readonly theirs: Section };

const DELAY_MS = 1200;

/**
 * Saves a section's text a moment after the user stops typing, with the version it was loaded at.
 * If someone else saved in between, it stops and hands the user both versions: nothing is
 * overwritten unless the user says so.
 */
export const useAutosave = (planId: string, section: Section) => {
  const queryClient = useQueryClient();
  const [state, setState] = useState<AutosaveState>({ kind: 'saved' });
  const version = useRef(section.version);
  const latest = useRef<unknown>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const save = useCallback(
    async (overVersion?: number) => {
      if (latest.current === undefined) return;
      const content = latest.current;
      setState({ kind: 'saving' });
      try {
        const saved = await api.put<Section>(
          `/api/sections/${section.id}/content`,
          { content },
          { ifMatch: overVersion ?? version.current },
        );
        version.current = saved.version;
        if (latest.current === content) latest.current = undefined;
        queryClient.setQueryData<Chapter[]>(planKeys.chapters(planId), (cs) =>
          cs?.map((c) => ({
            ...c,
            sections: c.sections.map((s) => (s.id === saved.id ? { ...s, ...saved } : s)),
          })),
        );
        void queryClient.invalidateQueries({ queryKey: planKeys.validation(planId) });
        void queryClient.invalidateQueries({ queryKey: planKeys.tree(planId) });
        setState(latest.current === undefined ? { kind: 'saved' } : { kind: 'dirty' });
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CONFLICT' && e.current)
          setState({ kind: 'conflict', theirs: e.current as Section });
        else setState({ kind: 'error', error: e });
      }
    },
    [planId, section.id, queryClient],
  );

  const changed = useCallback(
    (content: unknown) => {
      latest.current = content;
      setState((s) => (s.kind === 'conflict' ? s : { kind: 'dirty' }));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        setState((s) => {
          if (s.kind !== 'conflict' && s.kind !== 'saving') void save();
          return s;
        });
      }, DELAY_MS);
    },
    [save],
  );

  // Leaving the section or the page with unsaved text: save now (and warn on page unload).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current !== undefined) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
      if (latest.current !== undefined) void save();
    };
  }, [save]);

  return {
    state,
    changed,
    /** After an error: try again. */
    retry: () => void save(),
    /** After a conflict: take their version; the caller resets the editor to it. */
    takeTheirs: (theirs: Section) => {
      version.current = theirs.version;
      latest.current = undefined;
      queryClient.setQueryData<Chapter[]>(planKeys.chapters(planId), (cs) =>
        cs?.map((c) => ({
          ...c,
          sections: c.sections.map((s) => (s.id === theirs.id ? { ...s, ...theirs } : s)),
        })),
      );
      setState({ kind: 'saved' });
    },
    /** After a conflict: the user chose to overwrite their version with this one. */
    keepMine: (theirs: Section) => void save(theirs.version),
  };
};
