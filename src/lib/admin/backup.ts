// Backups of the embedded database. VACUUM INTO writes a consistent copy while the platform keeps
// running (readers and writers are not stopped); restore puts a verified copy back while it is
// stopped. A libSQL server (sqld, Turso) has its own backups: see docs/deploy.md.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { createClient, type Client } from '@libsql/client';

export type BackupResult = { ok: true } | { ok: false; message: string };

export async function backupDatabase(client: Client, targetPath: string): Promise<BackupResult> {
  if (existsSync(targetPath)) return { ok: false, message: `${targetPath} bestaat al: kies een nieuw bestand` };
  await client.execute({ sql: 'VACUUM INTO ?', args: [targetPath] });
  return verifyDatabaseFile(targetPath);
}

export async function verifyDatabaseFile(path: string): Promise<BackupResult> {
  if (!existsSync(path)) return { ok: false, message: `${path} bestaat niet` };
  const client = createClient({ url: `file:${path}` });
  try {
    const { rows } = await client.execute('PRAGMA integrity_check');
    if (rows[0]?.[0] !== 'ok') return { ok: false, message: `${path} is beschadigd: ${String(rows[0]?.[0])}` };
    const tables = await client.execute("select count(*) from sqlite_master where type = 'table' and name = 'users'");
    if (tables.rows[0][0] !== 1) return { ok: false, message: `${path} is geen database van de Leergang Toegang` };
    return { ok: true };
  } catch (error) {
    return { ok: false, message: `${path} is geen leesbare database (${(error as Error).message.split('\n')[0]})` };
  } finally {
    client.close();
  }
}

/** Replaces the database file with a verified backup. The platform must be stopped. */
export async function restoreDatabase(backupPath: string, databasePath: string): Promise<BackupResult> {
  const check = await verifyDatabaseFile(backupPath);
  if (!check.ok) return check;
  // Copied next to the target and renamed over it: the restored file is a new inode, so a
  // connection this process still holds on the old file (libSQL closes one only when its last
  // statement is collected) can never mix its WAL index with the restored database.
  const incoming = `${databasePath}.terugzetten`;
  copyFileSync(backupPath, incoming);
  for (const suffix of ['-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
  renameSync(incoming, databasePath);
  return verifyDatabaseFile(databasePath);
}
