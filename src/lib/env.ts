// The environment, parsed once. Everything configurable lives here so a new instance can be
// pointed at another database without code changes.
import { z } from 'astro/zod';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:|https?:|wss?:)/, { error: 'DATABASE_URL moet beginnen met file:, libsql:, http(s): of ws(s):' })
    .default('file:./data/leergang.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  NODE_ENV: z.string().default('development'),
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
