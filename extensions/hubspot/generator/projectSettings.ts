// Where Baton runs and who supports it: the only inputs of the HubSpot project that are not in Baton's code.
import { z } from 'zod';

const httpsUrl = z
  .url({ protocol: /^https$/, error: 'must be an https:// URL (HubSpot only fetches over https)' })
  .transform((url) => url.replace(/\/+$/, ''));

export const projectSettingsSchema = z.object({
  publicUrl: httpsUrl,
  supportEmail: z.email('must be an email address'),
  supportUrl: httpsUrl,
  documentationUrl: httpsUrl,
});

export type ProjectSettings = z.output<typeof projectSettingsSchema>;

/** What the committed project files are generated for. */
export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  publicUrl: 'https://baton.example.com',
  supportEmail: 'support@baton.example.com',
  supportUrl: 'https://baton.example.com/support',
  documentationUrl: 'https://baton.example.com/docs',
};

const SUPPORT_VARIABLES = ['BATON_SUPPORT_EMAIL', 'BATON_SUPPORT_URL', 'BATON_DOCUMENTATION_URL'] as const;

/**
 * BATON_PUBLIC_URL plus the support contacts. A real deployment must name its own support contacts: a
 * marketplace listing with example.com addresses would be rejected, so they are required once the URL is set.
 */
export function projectSettingsFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; settings: ProjectSettings } | { ok: false; problems: string[] } {
  const given = (name: string) => env[name]?.trim() || undefined;
  const publicUrl = given('BATON_PUBLIC_URL');
  const missing = publicUrl ? SUPPORT_VARIABLES.filter((name) => !given(name)) : [];
  if (missing.length > 0) {
    return { ok: false, problems: missing.map((name) => `${name}: required when BATON_PUBLIC_URL is set`) };
  }
  const parsed = projectSettingsSchema.safeParse({
    publicUrl: publicUrl ?? DEFAULT_PROJECT_SETTINGS.publicUrl,
    supportEmail: given('BATON_SUPPORT_EMAIL') ?? DEFAULT_PROJECT_SETTINGS.supportEmail,
    supportUrl: given('BATON_SUPPORT_URL') ?? DEFAULT_PROJECT_SETTINGS.supportUrl,
    documentationUrl: given('BATON_DOCUMENTATION_URL') ?? DEFAULT_PROJECT_SETTINGS.documentationUrl,
  });
  if (parsed.success) return { ok: true, settings: parsed.data };
  const envName: Record<string, string> = {
    publicUrl: 'BATON_PUBLIC_URL',
    supportEmail: 'BATON_SUPPORT_EMAIL',
    supportUrl: 'BATON_SUPPORT_URL',
    documentationUrl: 'BATON_DOCUMENTATION_URL',
  };
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => `${envName[String(i.path[0])] ?? 'settings'}: ${i.message}`),
  };
}
