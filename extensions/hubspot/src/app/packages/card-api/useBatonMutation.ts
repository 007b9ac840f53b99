// Sends a change to Baton once per click: while a request is under way, further submits send nothing (a
// double click must not save twice; the backend's requestId idempotency is the second line of defence).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure } from './apiFailure.ts';
import type { FetchOutcome } from './batonFetch.ts';

export type MutationState<T> =
  | { status: 'idle' }
  | { status: 'submitting' }
  | { status: 'failed'; failure: ApiFailure }
  | { status: 'succeeded'; data: T };

export interface Mutation<TInput, T> {
  state: MutationState<T>;
  /** Resolves with the outcome, or null when a request was already under way. */
  submit: (input: TInput) => Promise<FetchOutcome<T> | null>;
  reset: () => void;
}

export function useBatonMutation<TInput, T>(
  send: (input: TInput) => Promise<FetchOutcome<T>>,
): Mutation<TInput, T> {
  const [state, setState] = useState<MutationState<T>>({ status: 'idle' });
  // A ref, not state: two clicks in the same tick both see the state of the render before either.
  const inFlight = useRef(false);
  const sendRef = useRef(send);
  useEffect(() => {
    sendRef.current = send;
  });

  const submit = useCallback(async (input: TInput) => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setState({ status: 'submitting' });
    try {
      const outcome = await sendRef.current(input);
      setState(
        outcome.ok
          ? { status: 'succeeded', data: outcome.data }
          : { status: 'failed', failure: outcome.failure },
      );
      return outcome;
    } finally {
      inFlight.current = false;
    }
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, submit, reset };
}
