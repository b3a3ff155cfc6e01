// `npm run migrate`: brings the configured database (DATABASE_URL) up to date. Always the file or
// the server itself, never a replica. Safe to run from several instances at once (db/migrate.ts).
import { openDatabase, tuneEmbeddedDatabase } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { readEnv } from '../src/lib/env.ts';

const env = readEnv();
const { db, client } = openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
const outcome = await (async () => {
  try {
    await tuneEmbeddedDatabase(client, env.DATABASE_URL);
    return await applyMigrations(db);
  } finally {
    client.close();
  }
})();
const where = env.DATABASE_URL.replace(/\?.*$/, '');
console.log(
  outcome.appliedByAnother ? `Database bijgewerkt (${where}); een ander proces migreerde tegelijk en was eerder klaar.` : `Database bijgewerkt (${where}).`,
);
