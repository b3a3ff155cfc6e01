// Whether a person wants e-mail reminders: on unless they turned them off on their account page.
// Stored as a row in reminder_opt_outs, so everyone who never chose has them on.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { reminderOptOuts } from '../../../db/schema.ts';

export async function remindersOn(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ userId: reminderOptOuts.userId }).from(reminderOptOuts).where(eq(reminderOptOuts.userId, userId));
  return row === undefined;
}

export async function setRemindersOn(db: Db, userId: string, on: boolean, now = Date.now()): Promise<void> {
  if (on) await db.delete(reminderOptOuts).where(eq(reminderOptOuts.userId, userId));
  else await db.run(sql`INSERT INTO reminder_opt_outs (user_id, at) VALUES (${userId}, ${now}) ON CONFLICT (user_id) DO NOTHING`);
}
