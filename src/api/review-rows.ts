/** How a row of the Reviews tab (or a pupil's row) reads: its status, whether it is overdue, a name. */
import { startOfDay } from 'date-fns';
import type { Row } from '../store/table';

export function statusOf(row: Row): string {
  return row.text('Status').toLowerCase();
}

export function isDue(row: Row): boolean {
  const status = statusOf(row);
  return status === 'due' || status === '';
}

export function isDone(row: Row): boolean {
  return statusOf(row) === 'done';
}

export function isCancelled(row: Row): boolean {
  return statusOf(row) === 'cancelled';
}

export function isOverdue(row: Row, today: Date): boolean {
  const due = row.date('Due date');
  return isDue(row) && due !== undefined && startOfDay(due) < today;
}

export function pupilName(row: Row): string {
  return `${row.text('First name')} ${row.text('Last name')}`.trim() || row.id;
}
