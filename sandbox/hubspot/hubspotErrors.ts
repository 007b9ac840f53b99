// HubSpot's error bodies, as its API writes them: { status: 'error', message, correlationId, category, ... }.
// Routes throw HubSpotError; errorHandler.ts writes it. Shapes follow reference/hubspot-platform.md and
// payloads seen in public client code; where HubSpot's exact wording is unknown the message is ours, but
// status, category and the fields clients branch on are HubSpot's.
import { randomUUID } from 'node:crypto';

export type ErrorBody = { [key: string]: unknown };

export class HubSpotError extends Error {
  readonly status: number;
  readonly body: ErrorBody | string;
  readonly headers: Record<string, string>;

  constructor(status: number, body: ErrorBody | string, headers: Record<string, string> = {}) {
    super(typeof body === 'string' ? `HTTP ${status}` : String(body.message ?? `HTTP ${status}`));
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

const errorBody = (message: string, category: string, extra: ErrorBody = {}): ErrorBody => ({
  status: 'error',
  message,
  correlationId: randomUUID(),
  category,
  ...extra,
});

export function validationError(message: string, extra: ErrorBody = {}): HubSpotError {
  return new HubSpotError(400, errorBody(message, 'VALIDATION_ERROR', extra));
}

/** One rejected property, in the validation-result form HubSpot embeds in its message. */
export interface PropertyProblem {
  name: string;
  error: string; // PROPERTY_DOESNT_EXIST, INVALID_OPTION, READ_ONLY_VALUE, INVALID_EMAIL, ...
  message: string;
}

/**
 * "Property values were not valid: [...]" with the results as a JSON string, exactly how HubSpot reports it;
 * the `errors` array repeats them in the structured form newer responses carry.
 */
export function propertyValuesInvalid(problems: PropertyProblem[]): HubSpotError {
  const results = problems.map((p) => ({
    isValid: false,
    message: p.message,
    error: p.error,
    name: p.name,
    localizedErrorMessage: p.message,
  }));
  return validationError(`Property values were not valid: ${JSON.stringify(results)}`, {
    errors: problems.map((p) => ({ message: p.message, code: p.error, context: { propertyName: [p.name] } })),
  });
}

export function notFound(message = 'resource not found', context?: Record<string, string[]>): HubSpotError {
  return new HubSpotError(404, errorBody(message, 'OBJECT_NOT_FOUND', context ? { context } : {}));
}

export function conflict(message: string, category = 'CONFLICT'): HubSpotError {
  return new HubSpotError(409, errorBody(message, category));
}

const AUTH_HELP =
  'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview';

export function invalidAuthentication(): HubSpotError {
  return new HubSpotError(401, errorBody(AUTH_HELP, 'INVALID_AUTHENTICATION'));
}

export function expiredAuthentication(expiredAtMs: number, nowMs: number): HubSpotError {
  const ago = Math.max(1, Math.round((nowMs - expiredAtMs) / 1000));
  return new HubSpotError(
    401,
    errorBody(
      `The OAuth token used to make this call expired ${ago} second(s) ago.`,
      'EXPIRED_AUTHENTICATION',
      {
        context: { 'expire time': [new Date(expiredAtMs).toISOString()] },
      },
    ),
  );
}

export function missingScopes(required: string[]): HubSpotError {
  return new HubSpotError(
    403,
    errorBody(
      "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
      'MISSING_SCOPES',
      {
        errors: [
          {
            message: 'One or more of the following scopes are required.',
            context: { requiredGranularScopes: required },
          },
        ],
        links: { scopes: 'https://developers.hubspot.com/scopes' },
      },
    ),
  );
}

/** Token-endpoint errors have their own shape: the failure is in `status` (BAD_REFRESH_TOKEN, ...). */
export function oauthError(status: string, message: string): HubSpotError {
  return new HubSpotError(400, { status, message, correlationId: randomUUID() });
}
