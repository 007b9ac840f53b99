// Runs one CRM call: through the tenant's limiter, with a timeout, retried by the pure retry policy, and every
// attempt written to the call log (the sync log) with latency, attempt and error kind.
import type Bottleneck from 'bottleneck';
import { CrmError } from './port.ts';
import { httpFailure, retryDecision, type CallFailure, type RetryOptions } from './retryPolicy.ts';
import { CallTimeout, withTimeout } from './withTimeout.ts';

export interface CallLogEntry {
  tenantId: string;
  operation: string;
  recordIds: readonly string[];
  status: 'ok' | 'error' | 'retrying';
  httpStatus: number | null;
  latencyMs: number;
  attempt: number;
  errorKind: string | null;
  message: string | null;
}

export type CallLog = (entry: CallLogEntry) => void | Promise<void>;

export interface CallContext {
  tenantId: string;
  limiter: Bottleneck;
  log: CallLog;
  retry: RetryOptions;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  /** The CRM's own classification of what its client threw; null = not a failed call but a bug (rethrown). */
  toFailure: (error: unknown) => CallFailure | null;
}

export async function runCall<T>(
  ctx: CallContext,
  op: { name: string; recordIds: readonly string[] },
  fn: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    try {
      const result = await ctx.limiter.schedule(() => withTimeout(fn(), ctx.timeoutMs));
      await ctx.log({
        tenantId: ctx.tenantId,
        operation: op.name,
        recordIds: op.recordIds,
        status: 'ok',
        httpStatus: 200,
        latencyMs: performance.now() - started,
        attempt,
        errorKind: null,
        message: null,
      });
      return result;
    } catch (error) {
      const failure: CallFailure | null =
        error instanceof CallTimeout ? httpFailure(null, error.message) : ctx.toFailure(error);
      if (!failure) throw error;
      const decision = retryDecision(failure, attempt, ctx.retry);
      await ctx.log({
        tenantId: ctx.tenantId,
        operation: op.name,
        recordIds: op.recordIds,
        status: decision.retry ? 'retrying' : 'error',
        httpStatus: failure.status,
        latencyMs: performance.now() - started,
        attempt,
        errorKind: decision.kind,
        message: decision.reason,
      });
      if (!decision.retry) {
        throw new CrmError(decision.kind, `${op.name}: ${decision.reason}`, {
          status: failure.status,
          cause: error,
        });
      }
      await ctx.sleep(decision.waitMs);
    }
  }
}
