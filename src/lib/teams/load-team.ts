// Shared first step of every team page: the team, if this actor may manage it.
import type { Db } from '../../../db/client.ts';
import { findManagedTeam, type Actor } from './teams.ts';

export async function loadManagedTeam(db: Db, actor: Actor, teamId: string | undefined) {
  if (!teamId || !/^[a-z2-7]{24}$/.test(teamId)) return undefined;
  return findManagedTeam(db, actor, teamId);
}
