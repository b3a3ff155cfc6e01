// The environment, parsed once. Everything configurable lives here so a new instance can be
// pointed at another database without code changes.
import { z } from 'astro/zod';
import { parseAccessibilityContact, parseStatementDate } from './settings/accessibility-statement.ts';
import { parseLadder } from './settings/review-ladder.ts';
import { parseTrustedProxies } from './settings/trusted-proxies.ts';

const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:)/, { error: 'DATABASE_URL moet beginnen met file:, libsql:, http(s): of ws(s):' })
      .default('file:./data/leergang.db'),
    DATABASE_AUTH_TOKEN: z.string().optional(),
    /**
     * Optional embedded replica of the server in DATABASE_URL: a local file that serves reads while
     * writes go to the server. Only the app uses it; migrate, seed and admin talk to the server.
     */
    DATABASE_REPLICA_PATH: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
    /** Seconds between the replica's background syncs with the server. */
    DATABASE_SYNC_INTERVAL: z.coerce.number().positive().max(3600).default(5),
    NODE_ENV: z.string().default('development'),
    /**
     * The public address behind an HTTPS proxy, e.g. https://leergang.gemeente.nl: the links the
     * admin command prints start with it (src/lib/settings/site-address.ts), and astro.config.mjs
     * reads it when building.
     */
    PUBLIC_URL: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.url({ protocol: /^https?$/, hostname: /./, error: 'PUBLIC_URL moet een http(s)-adres zijn, bijvoorbeeld https://leergang.gemeente.nl' }).optional(),
    ),
    /**
     * Where trainers open the content editor (docs/decisions/0010): the development server of the
     * editing environment, e.g. https://bewerken.leergang.gemeente.nl. The question analysis links
     * each question there; without it only the development server itself links (to its own editor).
     */
    CONTENT_EDITOR_URL: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .url({
          protocol: /^https?$/,
          hostname: /./,
          error: 'CONTENT_EDITOR_URL moet een http(s)-adres zijn, bijvoorbeeld https://bewerken.leergang.gemeente.nl',
        })
        .optional(),
    ),
    /**
     * The organisation that runs this platform, e.g. "Gemeente Zoetermeer": it issues the
     * certificates and signs the accessibility statement.
     */
    ORGANISATION_NAME: z.preprocess((value) => (value === '' ? undefined : value), z.string().trim().min(2).max(120).default('Leergang Toegang')),
    /** The accessibility statement's direct contact: an e-mail address or a web address (settings/accessibility-statement.ts). */
    ACCESSIBILITY_CONTACT: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseAccessibilityContact(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    /** The date of the accessibility statement, YYYY-MM-DD (default: DEFAULT_STATEMENT_DATE). */
    ACCESSIBILITY_STATEMENT_DATE: z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseStatementDate(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    /** The spaced-review ladder in days; every right answer moves a question one rung up. */
    REVIEW_LADDER_DAYS: z
      .string()
      .default('1,3,7,21,60')
      .transform((value, ctx) => {
        try {
          return parseLadder(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    /** Optional: invitations are also e-mailed through this server, e.g. smtp://gebruiker:wachtwoord@mail.gemeente.nl:587 */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, { error: 'SMTP_URL moet beginnen met smtp:// of smtps://' })
      .optional(),
    MAIL_FROM: z.string().default('Leergang Toegang <no-reply@leergang.invalid>'),
    /** E-mail reminders (only with SMTP_URL): how many days before a leerpad module is due the learner hears of it. */
    REMINDER_DAYS_BEFORE: z.coerce
      .number({ error: 'REMINDER_DAYS_BEFORE moet een heel getal van 1 tot en met 30 zijn' })
      .int({ error: 'REMINDER_DAYS_BEFORE moet een heel getal van 1 tot en met 30 zijn' })
      .min(1, { error: 'REMINDER_DAYS_BEFORE moet een heel getal van 1 tot en met 30 zijn' })
      .max(30, { error: 'REMINDER_DAYS_BEFORE moet een heel getal van 1 tot en met 30 zijn' })
      .default(3),
    /** How often, at most, each server process looks for reminders to send (src/lib/reminders/schedule.ts). */
    REMINDER_INTERVAL_MINUTES: z.coerce
      .number({ error: 'REMINDER_INTERVAL_MINUTES moet een heel getal van 1 tot en met 1440 zijn (minuten)' })
      .int({ error: 'REMINDER_INTERVAL_MINUTES moet een heel getal van 1 tot en met 1440 zijn (minuten)' })
      .min(1, { error: 'REMINDER_INTERVAL_MINUTES moet een heel getal van 1 tot en met 1440 zijn (minuten)' })
      .max(1440, { error: 'REMINDER_INTERVAL_MINUTES moet een heel getal van 1 tot en met 1440 zijn (minuten)' })
      .default(15),
    /**
     * How long a team dashboard or question analysis is kept while nobody writes (report-cache.ts);
     * 0: computed for every request.
     */
    REPORT_CACHE_SECONDS: z.coerce
      .number({ error: 'REPORT_CACHE_SECONDS moet een heel getal van 0 tot en met 3600 zijn (seconden; 0 = niet bewaren)' })
      .int({ error: 'REPORT_CACHE_SECONDS moet een heel getal van 0 tot en met 3600 zijn (seconden; 0 = niet bewaren)' })
      .min(0, { error: 'REPORT_CACHE_SECONDS moet een heel getal van 0 tot en met 3600 zijn (seconden; 0 = niet bewaren)' })
      .max(3600, { error: 'REPORT_CACHE_SECONDS moet een heel getal van 0 tot en met 3600 zijn (seconden; 0 = niet bewaren)' })
      .default(60),
    /** How many review questions a day the Herhalen page sets as a goal. */
    REVIEW_DAILY_GOAL: z.coerce.number().int().min(1).max(100).default(5),
    /**
     * The reverse proxies (IP addresses, CIDR ranges, comma-separated) whose X-Forwarded-For names
     * the client for the per-address login limit; from anyone else the header is ignored. Loopback by
     * default: a proxy on the same machine. Empty: trust no one. See docs/deploy.md.
     */
    TRUSTED_PROXIES: z
      .string()
      .default('127.0.0.1,::1')
      .transform((value, ctx) => {
        try {
          return parseTrustedProxies(value);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_REPLICA_PATH && env.DATABASE_URL.startsWith('file:')) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_REPLICA_PATH'],
        message: 'een replica hoort bij een libSQL-server: zet DATABASE_URL op http(s):// of libsql://',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const messages = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Ongeldige instellingen: ${messages}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process's settings, parsed once. */
export function getSettings(): Env {
  cached ??= readEnv();
  return cached;
}
