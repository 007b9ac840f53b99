// Replay ids on the wire. The proto types them as bytes and the Pub/Sub API guide calls them opaque to clients;
// the sandbox sends the bus's numeric replayId as 8 bytes, big-endian, unsigned (its own choice of encoding).

export const REPLAY_ID_BYTES = 8;

export function replayIdBytes(replayId: number): Buffer {
  const b = Buffer.alloc(REPLAY_ID_BYTES);
  b.writeBigUInt64BE(BigInt(replayId));
  return b;
}

/** The bus's replayId in `bytes`, or undefined if they are not one the sandbox sent (wrong length, too large). */
export function replayIdFromBytes(bytes: Uint8Array): number | undefined {
  if (bytes.length !== REPLAY_ID_BYTES) return undefined;
  const n = Buffer.from(bytes).readBigUInt64BE();
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : undefined;
}
