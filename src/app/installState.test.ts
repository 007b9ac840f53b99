import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InstallStateSigner } from './installState.ts';

const signer = new InstallStateSigner(randomBytes(32));
const now = new Date('2026-11-22T12:00:00Z');

describe('OAuth install state', () => {
  it('verifies what it issued, until it expires', () => {
    const state = signer.issue('hubspot', now);
    expect(signer.verify(state, 'hubspot', now)).toMatchObject({ crm: 'hubspot' });
    expect(signer.verify(state, 'hubspot', new Date(now.getTime() + 9 * 60_000))).not.toBeNull();
    expect(signer.verify(state, 'hubspot', new Date(now.getTime() + 10 * 60_000))).toBeNull();
  });

  it('refuses forged, tampered, foreign and malformed states', () => {
    const state = signer.issue('hubspot', now);
    const [body, mac] = state.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ n: 'x'.repeat(24), exp: now.getTime() + 1e9, crm: 'hubspot' }),
    ).toString('base64url');
    expect(signer.verify(`${forgedBody}.${mac}`, 'hubspot', now)).toBeNull();
    expect(signer.verify(`${body}.${mac}x`, 'hubspot', now)).toBeNull();
    expect(
      signer.verify(new InstallStateSigner(randomBytes(32)).issue('hubspot', now), 'hubspot', now),
    ).toBeNull();
    expect(signer.verify(signer.issue('salesforce', now), 'hubspot', now)).toBeNull();
    for (const junk of [undefined, '', '.', 'abc', `${body}.${mac}.extra`, 'Zm9v.YmFy']) {
      expect(signer.verify(junk, 'hubspot', now)).toBeNull();
    }
  });

  it('every state is different', () => {
    expect(signer.issue('hubspot', now)).not.toBe(signer.issue('hubspot', now));
  });
});
