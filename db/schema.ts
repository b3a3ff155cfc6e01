// The database schema: plain TypeScript, turned into migrations by drizzle-kit (`npm run db:generate`).
// Times are stored as milliseconds since the epoch (integers) so that every libSQL backend
// compares them the same way.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const ROLES = ['learner', 'trainer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const createdAt = () => integer('created_at').notNull().default(sql`(unixepoch() * 1000)`);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('learner'),
  passwordHash: text('password_hash').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(), // SHA-256 of the token; the token itself only lives in the cookie
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invitations = sqliteTable('invitations', {
  id: text('id').primaryKey(), // SHA-256 of the token in the link
  email: text('email').notNull(),
  role: text('role', { enum: ROLES }).notNull().default('learner'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  createdAt: createdAt(),
});

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
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
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
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
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
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
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
    index('attempts_user_module_idx').on(t.userId, t.moduleId, t.questionId),
  ],
);

export const moduleCompletions = sqliteTable(
  'module_completions',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    completedAt: integer('completed_at').notNull(),
    score: real('score').notNull(),
    contentVersion: text('content_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] })],
);

// Private reflection texts: only ever shown to the professional who wrote them.
export const reflections = sqliteTable(
  'reflections',
  {
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
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
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    questionId: text('question_id').notNull(),
    moduleId: text('module_id').notNull(),
    step: integer('step').notNull(),
    dueAt: integer('due_at').notNull(),
    lapses: integer('lapses').notNull().default(0),
    lastCorrect: integer('last_correct', { mode: 'boolean' }).notNull(),
    reviewCount: integer('review_count').notNull().default(0),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.questionId] }), index('review_items_user_due_idx').on(t.userId, t.dueAt)],
);

// A check-in (toets vooraf): the questions drawn for it, so the next one can avoid repeating them.
export const checkins = sqliteTable(
  'checkins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    moduleId: text('module_id').notNull(),
    questionIds: text('question_ids', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('checkins_user_module_idx').on(t.userId, t.moduleId, t.createdAt)],
);
