// The database schema: plain TypeScript, turned into migrations by drizzle-kit (`npm run db:generate`).
// Times are stored as milliseconds since the epoch (integers) so that every libSQL backend
// compares them the same way.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// 'teamleader' (teamleider): reads the dashboard and export of the teams they lead, changes nothing.
export const ROLES = ['learner', 'trainer', 'admin', 'teamleader'] as const;
export type Role = (typeof ROLES)[number];

const createdAt = () =>
  integer('created_at')
    .notNull()
    .default(sql`(unixepoch() * 1000)`);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('learner'),
    passwordHash: text('password_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    /** When a session was last started for this account (login, invitation, new password); null: never. */
    lastLoginAt: integer('last_login_at'),
  },
  // The admin's account list reads pages of 50 in this order: the index spares it sorting everyone.
  (t) => [index('users_name_idx').on(t.name, t.email)],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(), // SHA-256 of the token; the token itself only lives in the cookie
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(), // SHA-256 of the token in the link
  email: text('email').notNull(),
  /** Name as given by the trainer (e.g. from a CSV); the invitee may change it. */
  name: text('name'),
  /** The team the new account joins on accepting. */
  teamId: text('team_id').references(() => teams.id, { onDelete: 'set null' }),
  role: text('role', { enum: ROLES }).notNull().default('learner'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  createdAt: createdAt(),
});

// A link to set a new password after a forgotten one: like an invitation, the link carries a
// random token and the database keeps its hash; it works once and expires within the hour.
export const passwordResets = sqliteTable(
  'password_resets',
  {
    id: text('id').primaryKey(), // SHA-256 of the token in the link
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The trainer or admin who made the link; null when the person asked for it by e-mail or the CLI made it. */
    createdBy: text('created_by'),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    /** A random value of the request that used the link: the rest of its transaction checks it. */
    claim: text('claim'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

// Fixed-window counters for login throttling. In the database, not in memory, so that the limit
// holds across app instances.
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: integer('window_start').notNull(),
});

export const lessonEvents = sqliteTable(
  'lesson_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    kind: text('kind', { enum: ['opened', 'completed'] }).notNull(),
    contentVersion: text('content_version').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('lesson_events_user_module_idx').on(t.userId, t.moduleId, t.at)],
);

export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    firstOpenedAt: integer('first_opened_at').notNull(),
    lastOpenedAt: integer('last_opened_at').notNull(),
    completedAt: integer('completed_at'),
    /** Set when the professional showed in a check-in that they know this lesson and skipped it. */
    testedOutAt: integer('tested_out_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.lessonId] })],
);

export const attempts = sqliteTable(
  'attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    questionId: text('question_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    answer: text('answer', { mode: 'json' }).notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    score: real('score').notNull(),
    contentVersion: text('content_version').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('attempts_user_key_idx').on(t.userId, t.idempotencyKey),
    // Covering for everything that summarises a person's answers (progress, team dashboard,
    // study time): those read only these columns, so SQLite never has to visit the table rows
    // with their answer JSON. Replaces attempts_user_module_idx (the same leading columns).
    index('attempts_user_module_score_idx').on(t.userId, t.moduleId, t.questionId, t.score, t.correct, t.createdAt),
  ],
);

export const moduleCompletions = sqliteTable(
  'module_completions',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    completedAt: integer('completed_at').notNull(),
    score: real('score').notNull(),
    contentVersion: text('content_version').notNull(),
    /**
     * The passed toets that completed the module. Null: completed before the afsluitende toets
     * existed (then by the best answers to the practice questions); those keep their certificate.
     */
    toetsAttemptId: integer('toets_attempt_id'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] })],
);

// The afsluitende toets: one row per attempt with the questions drawn for it. Open while
// handed_in_at is null; score and passed are set when it is handed in.
export const toetsAttempts = sqliteTable(
  'toets_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    questionIds: text('question_ids', { mode: 'json' }).$type<string[]>().notNull(),
    contentVersion: text('content_version').notNull(),
    passMark: real('pass_mark').notNull(),
    startedAt: integer('started_at').notNull(),
    handedInAt: integer('handed_in_at'),
    /** 0..1 over all drawn questions, unanswered counting 0. */
    score: real('score'),
    passed: integer('passed', { mode: 'boolean' }),
  },
  (t) => [index('toets_attempts_user_module_idx').on(t.userId, t.moduleId, t.startedAt)],
);

// The answers of a toets: one per question, the first one. The primary key refuses a second.
export const toetsAnswers = sqliteTable(
  'toets_answers',
  {
    toetsId: integer('toets_id')
      .notNull()
      .references(() => toetsAttempts.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    answer: text('answer', { mode: 'json' }).notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    score: real('score').notNull(),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.toetsId, t.questionId] })],
);

// A branching case in progress: the decisions taken so far, kept on the server so that a reload
// resumes it and a crafted URL cannot show a consequence that was not chosen. `context` is
// 'oefen' for practice or 'toets:<id>' inside a toets. Removed when the case is finished.
export const branchProgress = sqliteTable(
  'branch_progress',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    context: text('context').notNull(),
    path: text('path', { mode: 'json' }).$type<string[]>().notNull(),
    /** The idempotency key of the last decision, so a double submit of it is not a new step. */
    lastKey: text('last_key').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.questionId, t.context] })],
);

// Settings an admin changes in the browser (not in the environment), shared by every instance.
// Today one: whether accounts linked to an organisation account may still log in with a password.
export const appSettings = sqliteTable('app_settings', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

// Secrets the server generates for itself, shared by every instance through the database: the
// key behind the per-person option tokens (quiz/option-tokens.ts).
export const appSecrets = sqliteTable('app_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
});

// Private reflection texts: only ever shown to the professional who wrote them.
export const reflections = sqliteTable(
  'reflections',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    reflectionId: text('reflection_id').notNull(),
    body: text('body').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.reflectionId] })],
);

// Spaced review: one row per professional and question, rescheduled after every answer.
export const reviewItems = sqliteTable(
  'review_items',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    moduleId: text('module_id').notNull(),
    step: integer('step').notNull(),
    dueAt: integer('due_at').notNull(),
    lapses: integer('lapses').notNull().default(0),
    lastCorrect: integer('last_correct', { mode: 'boolean' }).notNull(),
    reviewCount: integer('review_count').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
    /** When it was last answered while due: a review, as the daily goal counts them. Null: never reviewed. */
    reviewedAt: integer('reviewed_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.questionId] }), index('review_items_user_due_idx').on(t.userId, t.dueAt)],
);

// A check-in (toets vooraf): the questions drawn for it, so the next one can avoid repeating them.
export const checkins = sqliteTable(
  'checkins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    questionIds: text('question_ids', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('checkins_user_module_idx').on(t.userId, t.moduleId, t.createdAt)],
);

// A municipality's access team or a neighbourhood team. Trainers manage teams; admins manage all.
export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const TEAM_ROLES = ['member', 'trainer', 'leader'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const teamMembers = sqliteTable(
  'team_members',
  {
    teamId: text('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** 'trainer' manages the team; 'member' is a professional in it; 'leader' (a teamleader account) only reads it. */
    role: text('role', { enum: TEAM_ROLES }).notNull().default('member'),
    joinedAt: integer('joined_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId, t.role] }), index('team_members_user_idx').on(t.userId)],
);

// An onboarding path (leerpad): modules in order.
export const learningPaths = sqliteTable('learning_paths', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  moduleIds: text('module_ids', { mode: 'json' }).$type<string[]>().notNull(),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
});

// A path given to one professional or to a whole team (then also to people who join later).
export const pathAssignments = sqliteTable(
  'path_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pathId: text('path_id')
      .notNull()
      .references(() => learningPaths.id, { onDelete: 'cascade' }),
    teamId: text('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    /** Local calendar date (YYYY-MM-DD) by which the path should be done. */
    dueDate: text('due_date').notNull(),
    assignedBy: text('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('path_assignments_team_idx').on(t.teamId), index('path_assignments_user_idx').on(t.userId)],
);

// Who did what to whose account, and when: never the content itself.
export const AUDIT_ACTIONS = [
  'gegevens-gedownload',
  'account-verwijderd',
  'backup-gemaakt',
  'backup-teruggezet',
  'herstellink-gemaakt',
  'wachtwoord-hersteld',
  'rol-gewijzigd',
  'account-geblokkeerd',
  'account-gedeblokkeerd',
  'uitnodiging-vernieuwd',
  'uitnodiging-ingetrokken',
  'sso-gekoppeld',
  'sso-account-gemaakt',
  'instelling-gewijzigd',
  'teams-teamleider-gewijzigd',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    /** The account that acted; kept as text so the entry outlives a deleted account. */
    actorId: text('actor_id'),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    subjectId: text('subject_id'),
    /** What changed, in a few words, without names or addresses: "learner → trainer", an invitation's code. */
    detail: text('detail'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

// Answers of deleted accounts, without any link to a person: they keep the question statistics
// honest after someone exercises their right to be forgotten.
export const anonymousAttempts = sqliteTable(
  'anonymous_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** A random id per deleted account, so first attempts can still be told apart. */
    anonId: text('anon_id').notNull(),
    moduleId: text('module_id').notNull(),
    questionId: text('question_id').notNull(),
    answer: text('answer', { mode: 'json' }).notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    score: real('score').notNull(),
    contentVersion: text('content_version').notNull(),
    /** Rounded to the day: the exact moment could help re-identify someone. */
    day: text('day').notNull(),
  },
  (t) => [index('anonymous_attempts_module_idx').on(t.moduleId)],
);

// Single sign-on (OpenID Connect), see src/lib/auth/sso/. A login in progress: what the callback
// needs to check the provider's answer. Keyed by the SHA-256 of the `state` (the state itself only
// travels through the browser); taken once by a conditional delete; useless after ten minutes.
export const ssoLogins = sqliteTable(
  'sso_logins',
  {
    id: text('id').primaryKey(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** A local path to go to after signing in, as the login page checked it; null: the default. */
    returnTo: text('return_to'),
    expiresAt: integer('expires_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('sso_logins_expires_idx').on(t.expiresAt)],
);

// Which account an identity at an OpenID provider signs in to. Found by (issuer, subject), never
// by e-mail: the e-mail only links an identity on its first login (src/lib/auth/sso/admit.ts).
export const ssoIdentities = sqliteTable(
  'sso_identities',
  {
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    linkedAt: integer('linked_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('sso_identities_user_idx').on(t.userId)],
);

// A certificate's public verification code (src/lib/certificates/): one per person and completed
// module, issued the first time the certificate is shown. The code is the primary key, so a
// lookup is by the exact code only. Name, completion date and version are not copied here: the
// verification page reads them from users and module_completions, so they cannot drift.
// Deleting the account turns the row into a tombstone (user and module cleared, revoked_at set):
// the page can then say "no longer valid" without keeping anything about the person. The cascade
// is the fail-closed fallback for any other deletion: the code then reads as unknown.
export const certificates = sqliteTable(
  'certificates',
  {
    code: text('code').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id'),
    issuedAt: integer('issued_at').notNull(),
    /** When the account behind it was deleted; null: valid. */
    revokedAt: integer('revoked_at'),
  },
  // One code per person and module, also under two requests at once; tombstones (null user) never clash.
  (t) => [uniqueIndex('certificates_user_module_idx').on(t.userId, t.moduleId)],
);

// E-mail reminders (src/lib/reminders/). Whoever turned them off on their account page: a row
// here. No row: reminders on (they only go out when SMTP_URL is set).
export const reminderOptOuts = sqliteTable('reminder_opt_outs', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  at: integer('at').notNull(),
});

// One row per reminder, claimed BEFORE its mail goes out, so that several instances and
// overlapping runs send each reminder once (docs/decisions/0009). `key` names the reminder:
// kind, person and module or week. `sent_at` null: claimed, not (yet) sent; a failed send deletes
// the row, and a claim older than the lease (a crash between claim and send) may be taken again.
export const remindersSent = sqliteTable(
  'reminders_sent',
  {
    key: text('key').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A random value of the run that holds the claim: only it marks the row sent or lets it go. */
    claim: text('claim').notNull(),
    claimedAt: integer('claimed_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [index('reminders_sent_user_idx').on(t.userId)],
);

// The question analysis kept as running tallies (issue 20), so that a trainer's or admin's
// analysis reads a few hundred rows instead of walking every answer. Nothing in the app writes
// these tables: the trigger `attempts_keep_tallies` (migration 0012) updates them inside the
// statement that stores an answer, so they can never disagree with `attempts`. Deleting an
// account removes the person's own rows (cascade) and leaves the region-wide tallies as they are:
// the answers live on as anonymous_attempts and count the same. src/lib/reports/module-stats.ts
// reads them; tests/unit/teams/module-analysis.test.ts checks them against every answer.
//
// The counts per option and tag are a JSON object in the row they belong to, not rows of their
// own: an answer then writes two more pages (its person's row and its question's row) instead
// of five, and every page an answer writes is one more WAL frame to write and checkpoint.
// Keys: "option:<id>" (branching: "option:<step>/<choice>"), "tag:<misconception>" and, region-
// wide only, "first:<id>" for the first choice of a single-choice question.

/** Region-wide, per question: first answers (count, correct, and the sums behind Pearson's r), all answers, and the counts. */
export const questionTallies = sqliteTable(
  'question_tallies',
  {
    moduleId: text('module_id').notNull(),
    questionId: text('question_id').notNull(),
    /** People with a first answer: x is its score, y the same person's first scores on the module's other questions. */
    learners: integer('learners').notNull(),
    correct: integer('correct').notNull(),
    sx: real('sx').notNull(),
    sy: real('sy').notNull(),
    sxy: real('sxy').notNull(),
    sxx: real('sxx').notNull(),
    syy: real('syy').notNull(),
    attempts: integer('attempts').notNull(),
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.moduleId, t.questionId] })],
);

/** Region-wide, per module: the people with at least one answer in it. */
export const moduleTallies = sqliteTable('module_tallies', {
  moduleId: text('module_id').primaryKey(),
  people: integer('people').notNull(),
});

/** Per person and question: the first answer, how many answers in all, and the counts over them (a trainer's analysis sums these over their teams). */
export const firstAnswers = sqliteTable(
  'first_answers',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    questionId: text('question_id').notNull(),
    score: real('score').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    /** The chosen option of a single-choice answer; null for the other types. */
    choice: text('choice'),
    attempts: integer('attempts').notNull(),
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId, t.questionId] })],
);
