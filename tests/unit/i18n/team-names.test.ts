// A team called "Team Noord" was shown as "Team Team Noord" (issue 18): the texts that put the word
// "team" before a team's name leave it out when the name already starts with it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { t } from '../../../src/lib/i18n/nl.ts';

describe('team names in the interface text', () => {
  test('the team page title, the invitation card, the confirmation and the e-mail', () => {
    assert.equal(t.dashboard.title('Team Noord'), 'Team Noord');
    assert.equal(t.dashboard.title('team noord'), 'team noord', 'whatever the case');
    assert.equal(t.dashboard.title('TEAM-Zuid'), 'TEAM-Zuid');
    assert.equal(t.dashboard.title('Noord'), 'Team Noord');
    assert.equal(t.dashboard.title('Wijkteam Oost'), 'Team Wijkteam Oost');
    assert.equal(t.dashboard.title('Teamleiders'), 'Team Teamleiders', 'only the word itself, not a longer word');
    assert.equal(t.teamInvitations.team('Team Noord'), 'Team Noord');
    assert.equal(t.teamInvitations.team('Wijkteam Oost'), 'Team: Wijkteam Oost');
    assert.equal(t.teamInvitations.accepted('Team Noord'), 'Je zit nu in Team Noord.');
    assert.equal(t.teamInvitations.accepted('Wijkteam Oost'), 'Je zit nu in het team Wijkteam Oost.');
    assert.equal(t.mail.invited('Team Noord'), 'Je bent uitgenodigd voor de Leergang Toegang, in Team Noord.');
    assert.equal(t.mail.invited('Wijkteam Oost'), 'Je bent uitgenodigd voor de Leergang Toegang, in het team Wijkteam Oost.');
    assert.equal(t.mail.invited(), 'Je bent uitgenodigd voor de Leergang Toegang.');
  });

  test('no text anywhere in nl.ts says "team Team Noord"', () => {
    const doubled: string[] = [];
    const visit = (node: unknown, path: string) => {
      if (typeof node === 'function') {
        let text: unknown;
        try {
          text = node('Team Noord', 'Team Noord', 'Team Noord');
        } catch {
          return; // a text that needs numbers or objects names no team
        }
        if (typeof text === 'string' && /\bteam\W*team noord/i.test(text)) doubled.push(`${path}: ${text}`);
      } else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) visit(value, `${path}.${key}`);
      }
    };
    visit(t, 't');
    assert.deepEqual(doubled, []);
  });
});
