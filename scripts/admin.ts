// `npm run admin -- <opdracht> [opties]`: account management from the command line.
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { openDatabase, tuneEmbeddedDatabase } from '../db/client.ts';
import { ROLES } from '../db/schema.ts';
import { backupDatabase, restoreDatabase } from '../src/lib/admin/backup.ts';
import { createInvitation } from '../src/lib/auth/invitation.ts';
import { logAudit } from '../src/lib/privacy/delete-account.ts';
import { PASSWORD_MIN_LENGTH } from '../src/lib/auth/password.ts';
import { createPasswordReset } from '../src/lib/auth/password-reset.ts';
import { createUser, findUserByEmail, listUsers } from '../src/lib/auth/user.ts';
import { changeRole, deactivateAccount, reactivateAccount, type AccountChangeResult } from '../src/lib/auth/manage-account.ts';
import { listPendingInvitations, pendingInvitationIdsFor, renewInvitation, revokeInvitation } from '../src/lib/admin/pending-invitations.ts';
import { setLeaderTeams } from '../src/lib/admin/team-leaders.ts';
import { listManagedTeams } from '../src/lib/teams/teams.ts';
import { readEnv } from '../src/lib/env.ts';
import { t } from '../src/lib/i18n/nl.ts';
import { siteLink } from '../src/lib/settings/site-address.ts';

const USAGE = `Gebruik: npm run admin -- <opdracht> [opties]

Opdrachten:
  create-admin --email <adres> --name <naam> --password <wachtwoord>   eerste beheerder aanmaken
  invite --email <adres> [--role learner|trainer|admin] [--base-url <url>]   uitnodigingslink maken
  reset-password --email <adres> [--base-url <url>]                     herstellink maken (wachtwoord vergeten; werkt één keer, een uur)
  list                                                                  alle accounts tonen
  set-role --email <adres> --role learner|trainer|admin|teamleader      rol wijzigen
  set-leader-teams --email <adres> [--team <naam>]...                   teams van een teamleider (vervangt de vorige; geen --team: geen teams)
  deactivate --email <adres>                                            account blokkeren en uitloggen
  reactivate --email <adres>                                            geblokkeerd account weer toelaten
  invitations                                                           openstaande uitnodigingen tonen
  renew-invitation --email <adres> [--base-url <url>]                   nieuwe link (oude werkt niet meer; een week geldig)
  revoke-invitation --email <adres>                                     openstaande uitnodiging intrekken
  backup <bestand>                                                      consistente kopie van de database (mag tijdens gebruik)
  restore <bestand>                                                     kopie terugzetten (stop eerst de server)`;

const email = z.email({ error: 'ongeldig e-mailadres' });
const role = z.enum(ROLES, { error: `rol moet een van ${ROLES.join(', ')} zijn` });

/** The settings, or one Dutch line and exit code 2 when they are wrong (no stack trace for a typo in PUBLIC_URL). */
function settingsOrExit(): ReturnType<typeof readEnv> {
  try {
    return readEnv();
  } catch (error) {
    console.error(`Fout: ${(error as Error).message}`);
    process.exit(2);
  }
}

function fail(message: string): never {
  console.error(`Fout: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function need<T>(schema: z.ZodType<T>, value: string | undefined, flag: string): T {
  if (value === undefined) fail(`--${flag} ontbreekt`);
  const parsed = schema.safeParse(value);
  if (!parsed.success) fail(`--${flag}: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

let parsedArgs;
try {
  parsedArgs = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      team: { type: 'string', multiple: true },
      'base-url': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsedArgs;
const command = positionals[0];
if (values.help || !command) {
  console.log(USAGE);
  process.exit(command ? 0 : 2);
}

/** Stops with the reason when an account change was refused, in the words of the admin's page. */
function explainChange(result: AccountChangeResult, address: string): void {
  if (result.ok) return;
  // A refusal is not a usage mistake: the reason alone, without the usage text.
  console.error(`Fout: ${address}: ${t.accounts.refused[result.reason]}`);
  process.exit(1);
}

const FILE_ONLY = 'backup en restore werken op een databasebestand (file:); een libSQL-server heeft eigen back-ups (zie docs/deploy.md)';

/** `restore <file>`: puts a backup back (the server must be stopped), then logs it. Exits. */
async function restore(file: string | undefined): Promise<never> {
  if (!file) fail('geef een bestand: npm run admin -- restore <bestand>');
  if (!env.DATABASE_URL.startsWith('file:')) fail(FILE_ONLY);
  const databasePath = env.DATABASE_URL.slice('file:'.length);
  const result = await restoreDatabase(file, databasePath);
  if (!result.ok) fail(result.message);
  const reopened = openDatabase({ url: env.DATABASE_URL });
  await logAudit(reopened.db, { actorId: null, action: 'backup-teruggezet', subjectId: null });
  reopened.client.close();
  console.log(`Back-up teruggezet in ${databasePath}. Start de server opnieuw.`);
  process.exit(0);
}

const env = settingsOrExit();
// Links to send start with --base-url, PUBLIC_URL, or where the server listens (HOST, PORT).
const link = (path: string) => siteLink(path, { PUBLIC_URL: env.PUBLIC_URL, HOST: process.env.HOST, PORT: process.env.PORT }, values['base-url']);
// A restore replaces the database file: nothing of this process may have it open meanwhile.
if (command === 'restore') await restore(positionals[1]);
const { db, client } = openDatabase({ url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN });
await tuneEmbeddedDatabase(client, env.DATABASE_URL);

try {
  switch (command) {
    case 'create-admin': {
      const address = need(email, values.email, 'email');
      const name = need(z.string().trim().min(2, { error: 'minstens 2 tekens' }), values.name, 'name');
      const password = need(z.string().min(PASSWORD_MIN_LENGTH, { error: `minstens ${PASSWORD_MIN_LENGTH} tekens` }), values.password, 'password');
      const result = await createUser(db, { email: address, name, password, role: 'admin' });
      if (!result.ok) fail(`er bestaat al een account met ${address}`);
      console.log(`Beheerder ${address} aangemaakt.`);
      break;
    }
    case 'invite': {
      const address = need(email, values.email, 'email');
      const inviteRole = values.role === undefined ? 'learner' : need(role, values.role, 'role');
      const result = await createInvitation(db, { email: address, role: inviteRole });
      if (!result.ok) fail(`er bestaat al een account met ${address}`);
      console.log(`Uitnodiging voor ${address} (${inviteRole}), geldig tot ${new Date(result.expiresAt).toLocaleString('nl-NL')}:`);
      console.log(link(`/uitnodiging/${result.token}`));
      break;
    }
    case 'reset-password': {
      const address = need(email, values.email, 'email');
      const user = await findUserByEmail(db, address);
      if (!user) fail(`geen account met ${address}`);
      if (!user.active) fail(`${address} is geblokkeerd; deblokkeer het account eerst`);
      const result = await createPasswordReset(db, { userId: user.id });
      console.log(`Herstellink voor ${address}, geldig tot ${new Date(result.expiresAt).toLocaleString('nl-NL')} (werkt één keer):`);
      console.log(link(`/wachtwoord-herstellen/${result.token}`));
      break;
    }
    case 'list': {
      const rows = await listUsers(db);
      if (rows.length === 0) console.log('Nog geen accounts.');
      for (const u of rows) console.log(`${u.role.padEnd(8)} ${u.active ? 'actief     ' : 'geblokkeerd'} ${u.email.padEnd(32)} ${u.name}`);
      break;
    }
    case 'set-role': {
      const address = need(email, values.email, 'email');
      const newRole = need(role, values.role, 'role');
      const user = await findUserByEmail(db, address);
      if (!user) fail(`geen account met ${address}`);
      explainChange(await changeRole(db, { actorId: null, userId: user.id, role: newRole }), address);
      console.log(`Rol van ${address} is nu ${newRole}.`);
      break;
    }
    case 'set-leader-teams': {
      const address = need(email, values.email, 'email');
      const user = await findUserByEmail(db, address);
      if (!user) fail(`geen account met ${address}`);
      const all = await listManagedTeams(db, { id: '', role: 'admin' });
      const teamIds = (values.team ?? []).map((name) => {
        const found = all.filter((team) => team.name.trim().toLowerCase() === name.trim().toLowerCase());
        if (found.length !== 1) fail(found.length === 0 ? `geen team met de naam "${name}"` : `meer teams heten "${name}"`);
        return found[0].id;
      });
      const result = await setLeaderTeams(db, { actorId: null, userId: user.id, teamIds });
      if (!result.ok) {
        console.error(`Fout: ${result.reason === 'unknown' ? t.accounts.refused.unknown : t.accounts.leaderRefused[result.reason]}`);
        process.exit(1);
      }
      console.log(`${address} is nu teamleider van ${result.teams} ${result.teams === 1 ? 'team' : 'teams'}.`);
      break;
    }
    case 'deactivate':
    case 'reactivate': {
      const address = need(email, values.email, 'email');
      const user = await findUserByEmail(db, address);
      if (!user) fail(`geen account met ${address}`);
      const change = command === 'deactivate' ? deactivateAccount : reactivateAccount;
      explainChange(await change(db, { actorId: null, userId: user.id }), address);
      console.log(command === 'deactivate' ? `${address} is geblokkeerd en overal uitgelogd.` : `${address} kan weer inloggen.`);
      break;
    }
    case 'invitations': {
      const { rows, total } = await listPendingInvitations(db, 1);
      if (total === 0) console.log('Geen openstaande uitnodigingen.');
      for (const inv of rows)
        console.log(
          `${inv.role.padEnd(8)} ${inv.email.padEnd(32)} geldig tot ${new Date(inv.expiresAt).toLocaleString('nl-NL')}${inv.teamName ? ` · ${inv.teamName}` : ''}`,
        );
      if (total > rows.length) console.log(`… en nog ${total - rows.length}; zie de pagina Uitnodigingen in het beheer.`);
      break;
    }
    case 'renew-invitation':
    case 'revoke-invitation': {
      const address = need(email, values.email, 'email');
      const [invitationId] = await pendingInvitationIdsFor(db, address);
      if (!invitationId) fail(`geen openstaande uitnodiging voor ${address}`);
      if (command === 'revoke-invitation') {
        if (!(await revokeInvitation(db, { actorId: null, invitationId })).ok) fail(`geen openstaande uitnodiging voor ${address}`);
        console.log(`Uitnodiging voor ${address} ingetrokken; de link werkt niet meer.`);
        break;
      }
      const renewed = await renewInvitation(db, { actorId: null, invitationId });
      if (!renewed.ok) fail(`geen openstaande uitnodiging voor ${address}`);
      console.log(`Nieuwe uitnodiging voor ${address}, geldig tot ${new Date(renewed.expiresAt).toLocaleString('nl-NL')} (de vorige link werkt niet meer):`);
      console.log(link(`/uitnodiging/${renewed.token}`));
      break;
    }
    case 'backup': {
      const file = positionals[1];
      if (!file) fail(`geef een bestand: npm run admin -- ${command} <bestand>`);
      if (!env.DATABASE_URL.startsWith('file:')) fail(FILE_ONLY);
      const result = await backupDatabase(client, file);
      if (!result.ok) fail(result.message);
      await logAudit(db, { actorId: null, action: 'backup-gemaakt', subjectId: null });
      console.log(`Back-up gemaakt en gecontroleerd: ${file}`);
      break;
    }
    default:
      fail(`onbekende opdracht "${command}"`);
  }
} catch (error) {
  // The likeliest cause by far: a new or old database. Say what to do, not a stack trace.
  const message = (error as { cause?: Error }).cause?.message ?? (error as Error).message;
  console.error(`Fout: de database gaf een fout (${message.split('\n')[0]}). Is hij gemigreerd? Voer eerst npm run migrate uit.`);
  process.exitCode = 1;
} finally {
  client.close();
}
