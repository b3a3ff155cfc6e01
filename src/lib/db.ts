// The app's database handle: opened once per process from the environment.
import { openDatabase, tuneEmbeddedDatabase, type Db } from '../../db/client.ts';
import { getSettings } from './env.ts';

let ready: Promise<Db> | undefined;

export function getDb(): Promise<Db> {
  ready ??= (async () => {
    const env = getSettings();
    const { db, client } = openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
    await tuneEmbeddedDatabase(client, env.DATABASE_URL);
    return db;
  })();
  return ready;
}
