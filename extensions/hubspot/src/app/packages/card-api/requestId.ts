// A fresh id per submission: Baton records a return once per requestId, so a retry of the same submission is safe.
export function newRequestId(): string {
  const random =
    typeof globalThis.crypto?.randomUUID === 'function'
      ? globalThis.crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
  return `card-${random}`;
}
