// When the reminder job runs: at most once every N minutes per server process
// (REMINDER_INTERVAL_MINUTES), started by the first request and then kept going by a timer, so a
// quiet weekend still gets its Monday digest. Never during the build (the build serves no
// requests). Each process runs it; the claims make that safe (docs/decisions/0009). A failed run
// (database away, SMTP down) is logged, never thrown: the server keeps serving, and the next run
// sends what this one could not.
export interface ReminderSchedule {
  /** Runs the job when its interval has passed and no run is going; returns that run, if it started one. */
  whenDue(now?: number): Promise<void> | undefined;
  /** Also runs it by a timer every interval, without keeping the process alive. Once; later calls do nothing. */
  startTimer(): void;
  stopTimer(): void;
}

export function createReminderSchedule(
  run: (now: number) => Promise<unknown>,
  everyMs: number,
  log: (message: string) => void = console.error,
): ReminderSchedule {
  let nextAt = 0;
  let running = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  const whenDue = (now = Date.now()): Promise<void> | undefined => {
    if (running || now < nextAt) return undefined;
    running = true;
    nextAt = now + everyMs;
    return run(now).then(
      () => {
        running = false;
      },
      (error: unknown) => {
        running = false;
        log(`Herinneringen versturen mislukt, de volgende ronde probeert het opnieuw: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };
  return {
    whenDue,
    startTimer() {
      if (timer) return;
      timer = setInterval(() => void whenDue(), everyMs);
      timer.unref();
    },
    stopTimer() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
