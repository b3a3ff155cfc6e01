// `npm run migrate`: brings the configured database (DATABASE_URL) up to date.
import { openDatabase, tuneEmbeddedDatabase } from '../db/client.ts';
import { applyMigrations } from '../db/migrate.ts';
import { readEnv } from '../src/lib/env.ts';

const env = readEnv();
const { db, client } = openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
await tuneEmbeddedDatabase(client, env.DATABASE_URL);
await applyMigrations(db);
client.close();
console.log(`Database bijgewerkt (${env.DATABASE_URL.replace(/\?.*$/, '')}).`);
