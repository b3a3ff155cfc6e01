// Shared first step of every team page: the team, if this actor may manage it (trainer pages and
// forms) or look at it (dashboard, export, a professional's page: a teamleader too).
import type { Db } from '../../../db/client.ts';
import { ID_PATTERN } from '../ids.ts';
import { findTeamFor, type Actor } from './teams.ts';

export async function loadManagedTeam(db: Db, actor: Actor, teamId: string | undefined) {
  if (!teamId || !ID_PATTERN.test(teamId)) return undefined;
  return findTeamFor(db, actor, teamId, 'manage');
}

export async function loadViewableTeam(db: Db, actor: Actor, teamId: string | undefined) {
  if (!teamId || !ID_PATTERN.test(teamId)) return undefined;
  return findTeamFor(db, actor, teamId, 'view');
}
