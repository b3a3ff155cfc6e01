// `npm run seed`: loads the demo accounts. With --if-empty (used by `npm start`) it only does so
// when the database has no accounts yet, so real data is never touched.
import { count } from 'drizzle-orm';
import { openDatabase, tuneEmbeddedDatabase } from '../db/client.ts';
import { DEMO_ACCOUNTS } from '../db/demo-data.ts';
import { users } from '../db/schema.ts';
import { createUser } from '../src/lib/auth/user.ts';
import { readEnv } from '../src/lib/env.ts';

const env = readEnv();
const { db, client } = openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
await tuneEmbeddedDatabase(client, env.DATABASE_URL);
const [{ n }] = await db.select({ n: count() }).from(users);
if (process.argv.includes('--if-empty') && n > 0) {
  client.close();
  process.exit(0);
}
for (const account of DEMO_ACCOUNTS) {
  const result = await createUser(db, account);
  if (!result.ok) console.log(`  ${account.email} bestaat al; overgeslagen.`);
}
client.close();
console.log('Demo-accounts geladen (alleen voor uitproberen; verwijder ze voor echt gebruik):');
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.role.padEnd(8)} ${a.email.padEnd(30)} wachtwoord: ${a.password}`);
