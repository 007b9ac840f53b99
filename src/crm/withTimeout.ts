// A promise that settles within `ms` or fails with CallTimeout: the only way to stop waiting on a call or a store
// that never answers (the work itself is not cancelled; its late result is ignored).
export class CallTimeout extends Error {}

export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'no answer'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CallTimeout(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
