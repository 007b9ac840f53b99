import { describe, expect, it } from 'vitest';
import { authorizationDeniedMessage } from './authorizationDenied.ts';

describe('authorizationDeniedMessage', () => {
  it.each([
    ['access_denied', 'declined on the consent screen'],
    ['invalid_scope', 'not available to this account'],
    ['temporarily_unavailable', 'not available just then'],
  ])('%s → Baton’s own words', (code, words) => {
    expect(authorizationDeniedMessage('HubSpot', code)).toContain(words);
  });

  it.each([
    '<script>alert(1)</script>',
    'constructor',
    '__proto__',
    'toString',
    'Call us at +1 555 0100',
    '',
  ])('any other code (%j) is never echoed', (code) => {
    const message = authorizationDeniedMessage('Salesforce', code);
    expect(message).toBe(
      'Salesforce did not grant access: for a reason it did not name. Start again from the install link.',
    );
  });
});
