// Loads something from Baton into a discriminated state. A load that a newer one (or an unmount) has
// overtaken never writes its answer: a slow first response cannot replace a fresher second one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure } from './apiFailure.ts';
import type { FetchOutcome } from './batonFetch.ts';

export type QueryState<T> =
  { status: 'loading' } | { status: 'failed'; failure: ApiFailure } | { status: 'ready'; data: T };

export interface Query<T> {
  state: QueryState<T>;
  reload: () => void;
}

/** `key` names what is loaded (e.g. the lead id): a new key loads again, as does reload(). */
export function useBatonQuery<T>(key: string, load: () => Promise<FetchOutcome<T>>): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The latest load function, without making every render a new load. Effects run in order: this one first.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void loadRef.current().then((outcome) => {
      if (!current) return;
      setState(
        outcome.ok ? { status: 'ready', data: outcome.data } : { status: 'failed', failure: outcome.failure },
      );
    });
    return () => {
      current = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
