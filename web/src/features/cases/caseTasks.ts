// Task deadlines: a due date is the end of that day in Japan time, and a task still open after
// it is overdue.
/** '2026-12-01' → the ISO instant of 2026-12-01 23:59:59 JST (in UTC); null for an empty or bad date. */
export function dueAtOf(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const due = new Date(`${date}T23:59:59+09:00`);
  return Number.isNaN(due.getTime()) ? null : due.toISOString();
}

export function isTaskOverdue(task: { dueAt: string | null; doneAt: string | null }, now: Date): boolean {
  return task.doneAt === null && task.dueAt !== null && new Date(task.dueAt).getTime() < now.getTime();
}
