// Who may do what with a team, in one place: every team page, form and export asks this (through
// teams.ts and load-team.ts), so hiding a button is never the only guard. Fail closed: a role or
// link this does not know may do nothing.
//
// An admin may do everything with every team. A trainer manages the teams they train (team link
// 'trainer'). A teamleader (role 'teamleader', team link 'leader') may only look at the teams they
// lead: the dashboard, the export and a professional's page; never invite, change leerpaden or make
// reset links.
export type TeamAction = 'view' | 'manage';

/** May someone with this account role, linked to the team as `links`, do `action` there? */
export function mayOnTeam(role: string, links: readonly string[], action: TeamAction): boolean {
  if (role === 'admin') return true;
  if (role === 'trainer') return links.includes('trainer');
  if (role === 'teamleader') return action === 'view' && links.includes('leader');
  return false;
}

/** The team link that gives this role `action` on a team; undefined: no link does (admins need none). */
export function linkFor(role: string, action: TeamAction): 'trainer' | 'leader' | undefined {
  if (role === 'trainer') return 'trainer';
  if (role === 'teamleader' && action === 'view') return 'leader';
  return undefined;
}

/** May this role change anything about teams at all (make a team, invite, leerpaden)? */
export function mayManageTeams(role: string): boolean {
  return role === 'admin' || role === 'trainer';
}
