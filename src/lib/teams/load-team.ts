// Shared first step of every team page: the team, if this actor may manage it.
import type { Db } from '../../../db/client.ts';
import { ID_PATTERN } from '../ids.ts';
import { findManagedTeam, type Actor } from './teams.ts';

export async function loadManagedTeam(db: Db, actor: Actor, teamId: string | undefined) {
  if (!teamId || !ID_PATTERN.test(teamId)) return undefined;
  return findManagedTeam(db, actor, teamId);
}
