// Everything the platform holds about one professional, as a JSON document they can download
// (AVG/GDPR right of access). The password hash and session ids are left out: they are secrets,
// not information about the person. Moments are ISO date-times in Dutch time, e.g.
// "2026-12-03T09:15:00+01:00" (readable-times.ts).
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { t } from '../i18n/nl.ts';
import { toAmsterdamIso, withReadableTimes } from './readable-times.ts';
import {
  ssoIdentities,
  attempts,
  certificates,
  reminderOptOuts,
  remindersSent,
  branchProgress,
  checkins,
  lessonEvents,
  lessonProgress,
  moduleCompletions,
  pathAssignments,
  reflections,
  reviewItems,
  sessions,
  teamMembers,
  teams,
  toetsAnswers,
  toetsAttempts,
  users,
} from '../../../db/schema.ts';

export async function exportUserData(db: Db, userId: string, now = Date.now()) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      createdAt: users.createdAt,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return undefined;
  const [
    progress,
    events,
    answers,
    completions,
    ownReflections,
    reviews,
    checkinRows,
    memberships,
    paths,
    sessionRows,
    toetsRows,
    openCases,
    organisationAccounts,
    certificateRows,
    reminderOptOut,
    reminderRows,
  ] = await Promise.all([
    db.select().from(lessonProgress).where(eq(lessonProgress.userId, userId)),
    db.select().from(lessonEvents).where(eq(lessonEvents.userId, userId)),
    db.select().from(attempts).where(eq(attempts.userId, userId)),
    db.select().from(moduleCompletions).where(eq(moduleCompletions.userId, userId)),
    db.select().from(reflections).where(eq(reflections.userId, userId)),
    db.select().from(reviewItems).where(eq(reviewItems.userId, userId)),
    db.select().from(checkins).where(eq(checkins.userId, userId)),
    db
      .select({ team: teams.name, role: teamMembers.role, joinedAt: teamMembers.joinedAt })
      .from(teamMembers)
      .innerJoin(teams, eq(teams.id, teamMembers.teamId))
      .where(eq(teamMembers.userId, userId)),
    db.select().from(pathAssignments).where(eq(pathAssignments.userId, userId)),
    db.select({ expiresAt: sessions.expiresAt, createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.userId, userId)),
    db.select().from(toetsAttempts).where(eq(toetsAttempts.userId, userId)),
    db.select().from(branchProgress).where(eq(branchProgress.userId, userId)),
    db
      .select({ issuer: ssoIdentities.issuer, subject: ssoIdentities.subject, linkedAt: ssoIdentities.linkedAt })
      .from(ssoIdentities)
      .where(eq(ssoIdentities.userId, userId)),
    db
      .select({ code: certificates.code, moduleId: certificates.moduleId, issuedAt: certificates.issuedAt })
      .from(certificates)
      .where(eq(certificates.userId, userId)),
    db.select({ at: reminderOptOuts.at }).from(reminderOptOuts).where(eq(reminderOptOuts.userId, userId)),
    db
      .select({ key: remindersSent.key, claimedAt: remindersSent.claimedAt, sentAt: remindersSent.sentAt })
      .from(remindersSent)
      .where(eq(remindersSent.userId, userId)),
  ]);
  const toetsIds = toetsRows.map((r) => r.id);
  const toetsAnswerRows = toetsIds.length === 0 ? [] : await db.select().from(toetsAnswers).where(inArray(toetsAnswers.toetsId, toetsIds));
  // Moments as ISO date-times in Dutch time (readable-times.ts); the field names stay the same.
  return withReadableTimes({
    toelichting: t.myData.exportNote,
    gemaaktOp: toAmsterdamIso(now),
    account: user,
    teams: memberships,
    leerpadenPersoonlijk: paths,
    lessen: progress,
    lesgebeurtenissen: events,
    antwoorden: answers,
    afgerondeModules: completions,
    reflecties: ownReflections,
    herhaalschema: reviews,
    instaptoetsen: checkinRows,
    afsluitendeToetsen: toetsRows.map((toets) => ({ ...toets, antwoorden: toetsAnswerRows.filter((a) => a.toetsId === toets.id) })),
    casussenInUitvoering: openCases,
    /** Identities at the organisation's OpenID provider that sign in to this account (issuer and subject). */
    organisatieAccounts: organisationAccounts,
    /** Verification codes of your certificates: anyone with a code can check name, module and date. */
    certificaten: certificateRows,
    /** Whether you turned e-mail reminders off (and when), and the reminders sent to you. */
    herinneringen: { uitgezet: reminderOptOut[0] ?? null, verstuurd: reminderRows },
    actieveSessies: sessionRows,
  });
}
