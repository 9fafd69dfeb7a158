/**
 * "Check the audit log": which rows still match their hash (see audit-chain.ts), which were
 * changed, where rows were removed, and the report in plain words. Pure: the digest is passed in.
 *
 * How each finding is told apart:
 * - Changed: a row whose hash does not match its fields and the row before it in the chain. (A
 *   Row hash edited by hand also fails the next row, which chains on it.)
 * - Removed: a gap in the chain's numbers (the rows either side are named); removed from the end:
 *   the add-on's record (ChainHead) holds more rows than the sheet.
 * - Rewritten: every row matches, but the last one is not the row the add-on last wrote (someone
 *   changed rows and worked their hashes out again).
 * - Not chained: a row with no hash. Written before the chain began, it is only counted; written
 *   after, it was added by hand (or its hash cleared).
 * Rows are checked in chain order, not sheet order, so sorting the tab by hand changes nothing.
 */
import { chainText, fieldText, type ChainHead, type ChainLink } from './audit-chain';

export interface AuditRowFacts {
  /** The sheet row (2 = the first under the headers). */
  row: number;
  /** The row's fields by header (CHAINED_FIELDS), as read. */
  fields: Readonly<Record<string, unknown>>;
  /** The 'Row hash' cell, as text. */
  hashCell: string;
}

export interface RowRef {
  row: number;
  auditId: string;
}

export interface ChainReport {
  /** Rows holding anything. */
  rows: number;
  chained: number;
  intact: number;
  /** Rows that no longer match their hash (a row whose Row hash was edited, and the next one). */
  changed: RowRef[];
  copies: { row: RowRef; of: RowRef }[];
  /** Gaps: `count` rows were removed between `after` (none: the start) and `before`. */
  removed: { after?: RowRef; before: RowRef; count: number }[];
  /** Rows removed from the end, after `after` (none: every chained row is gone). */
  lastRemoved?: { after?: RowRef; count: number };
  /** Rows further on than the add-on's record: added by hand, or a save cut off as it ended. */
  beyondRecord?: { from: RowRef; count: number };
  /** The chain's end is not the row the add-on last wrote. */
  rewritten?: RowRef;
  /** Rows with no hash, written before the chain began. */
  notChainedBefore: number;
  /** Rows with no hash written after it began. */
  notChainedAfter: RowRef[];
  /** Chained rows but no record of the head (e.g. a copy of the spreadsheet). */
  noRecord: boolean;
}

interface Entry {
  ref: RowRef;
  link: ChainLink;
  fields: Readonly<Record<string, unknown>>;
}

function refOf(row: AuditRowFacts): RowRef {
  return { row: row.row, auditId: fieldText(row.fields['Audit ID']) };
}

export function checkAuditChain(
  rows: readonly AuditRowFacts[],
  head: ChainHead | undefined,
  sha256Hex: (text: string) => string,
): ChainReport {
  const report: ChainReport = {
    rows: rows.length,
    chained: 0,
    intact: 0,
    changed: [],
    copies: [],
    removed: [],
    notChainedBefore: 0,
    notChainedAfter: [],
    noRecord: false,
  };
  const bySeq = new Map<number, Entry[]>();
  for (const row of rows) {
    if (row.hashCell.trim() === '') {
      // Older only when dated before the chain began: a row typed in by hand may have no date.
      const when = row.fields['When'] instanceof Date ? fieldText(row.fields['When']) : '';
      const older = !head || (head.since !== undefined && when !== '' && when < head.since);
      if (older) report.notChainedBefore += 1;
      else report.notChainedAfter.push(refOf(row));
      continue;
    }
    // Read leniently: a hash cell edited by hand keeps its place in the chain if its number
    // survived, and then simply fails to match.
    const match = /^\s*(\d{1,9})\s*:(.*)$/.exec(row.hashCell);
    const seq = Number(match?.[1] ?? 0);
    if (!match || seq < 1) {
      report.changed.push(refOf(row)); // the hash cell itself was edited
      continue;
    }
    const link: ChainLink = { seq, hash: (match[2] ?? '').trim() };
    report.chained += 1;
    const entries = bySeq.get(link.seq) ?? [];
    entries.push({ ref: refOf(row), link, fields: row.fields });
    bySeq.set(link.seq, entries);
  }
  report.chained += report.changed.length;

  const seqs = [...bySeq.keys()].sort((a, b) => a - b);
  let previousSeq = 0;
  /** The rows at the previous number whose stored hash the next row may chain on. */
  let previous: Entry[] = [];
  for (const seq of seqs) {
    const entries = bySeq.get(seq)!;
    if (seq !== previousSeq + 1) {
      // The rows in between are gone: the rows after the gap cannot be checked against them.
      report.removed.push({
        after: previous[0]?.ref,
        before: entries[0]!.ref,
        count: seq - previousSeq - 1,
      });
      previousSeq = seq;
      previous = entries;
      continue;
    }
    const candidates = seq === 1 ? [''] : [...new Set(previous.map((e) => e.link.hash))];
    const good: Entry[] = [];
    for (const entry of entries) {
      const matches = candidates.some(
        (hash) => sha256Hex(chainText(hash, seq, entry.fields)) === entry.link.hash,
      );
      if (matches && good.length === 0) {
        good.push(entry);
        report.intact += 1;
      } else if (matches) {
        report.copies.push({ row: entry.ref, of: good[0]!.ref });
      } else {
        report.changed.push(entry.ref);
      }
    }
    previousSeq = seq;
    previous = good.length > 0 ? [...good, ...entries.filter((e) => !good.includes(e))] : entries;
  }

  const lastSeq = seqs.at(-1) ?? 0;
  if (head) {
    if (head.rows > lastSeq) {
      report.lastRemoved = { after: bySeq.get(lastSeq)?.[0]?.ref, count: head.rows - lastSeq };
    } else {
      const atHead = bySeq.get(head.rows);
      if (atHead && !atHead.some((e) => e.link.hash === head.hash)) {
        report.rewritten = atHead[0]!.ref;
      }
    }
    const beyond = seqs.filter((s) => s > head.rows);
    if (beyond.length > 0) {
      const from = bySeq.get(beyond[0]!)![0]!.ref;
      const count = beyond.reduce((n, s) => n + bySeq.get(s)!.length, 0);
      report.beyondRecord = { from, count };
    }
  } else if (report.chained > 0) {
    report.noRecord = true;
  }
  return report;
}

/** Whether the check found anything wrong. */
export function hasProblems(report: ChainReport): boolean {
  return (
    report.changed.length > 0 ||
    report.copies.length > 0 ||
    report.removed.length > 0 ||
    report.lastRemoved !== undefined ||
    report.beyondRecord !== undefined ||
    report.rewritten !== undefined ||
    report.notChainedAfter.length > 0
  );
}

const MAX_LISTED = 20;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function named(ref: RowRef): string {
  return ref.auditId === '' ? `row ${ref.row}` : `${ref.auditId} (row ${ref.row})`;
}

function listed<T>(items: readonly T[], line: (item: T) => string): string[] {
  const lines = items.slice(0, MAX_LISTED).map(line);
  if (items.length > MAX_LISTED) lines.push(`… and ${items.length - MAX_LISTED} more.`);
  return lines;
}

/** The check's findings in words for school staff, one finding a line. */
export function auditReportWords(report: ChainReport): string {
  if (report.rows === 0 && !report.lastRemoved) {
    return 'The audit log is empty: there is nothing to check yet.';
  }
  const older =
    report.notChainedBefore > 0
      ? `${plural(report.notChainedBefore, 'older row')} ${report.notChainedBefore === 1 ? 'was' : 'were'} written before the add-on began to seal each row, so ${report.notChainedBefore === 1 ? 'it is' : 'they are'} not chained and cannot be checked (this is not a sign of tampering).`
      : '';
  const noRecord = report.noRecord
    ? "The add-on's own record of the log's last row is missing (as in a copy of the spreadsheet), so rows removed from the end could not be looked for."
    : '';
  if (!hasProblems(report)) {
    const opening =
      report.chained === 0
        ? 'No row of the audit log is chained yet.'
        : `All ${plural(report.intact, 'chained row')} of the audit log ${report.intact === 1 ? 'is' : 'are'} intact: none has been changed or removed since the add-on wrote ${report.intact === 1 ? 'it' : 'them'}.`;
    return [opening, older, noRecord].filter(Boolean).join('\n\n');
  }
  const lines: string[] = [
    ...listed(report.changed, (r) => `• ${cap(named(r))} was changed after it was written.`),
    ...listed(
      report.copies,
      (c) => `• ${cap(named(c.row))} is a copy of ${named(c.of)}, added by hand.`,
    ),
    ...listed(report.removed, (gap) =>
      gap.after
        ? `• ${plural(gap.count, 'row was', 'rows were')} removed between ${named(gap.after)} and ${named(gap.before)}.`
        : `• ${plural(gap.count, 'row was', 'rows were')} removed from the start of the log, before ${named(gap.before)}.`,
    ),
  ];
  if (report.lastRemoved) {
    const { after, count } = report.lastRemoved;
    lines.push(
      after
        ? `• The last ${count === 1 ? 'row was' : `${count} rows were`} removed: the log should go on after ${named(after)}.`
        : `• Every chained row was removed (${plural(count, 'row')}).`,
    );
  }
  if (report.rewritten) {
    lines.push(
      `• ${cap(named(report.rewritten))} is not the last row the add-on wrote: rows were changed and their hashes worked out again.`,
    );
  }
  if (report.beyondRecord) {
    const { from, count } = report.beyondRecord;
    lines.push(
      `• ${count === 1 ? 'The last row' : `The last ${count} rows`}, from ${named(from)}, came after the add-on's own record of the log: added by hand, or written by a save that was cut off as it finished.`,
    );
  }
  if (report.notChainedAfter.length > 0) {
    const rowsText = report.notChainedAfter
      .slice(0, MAX_LISTED)
      .map((r) => r.row)
      .join(', ');
    const more =
      report.notChainedAfter.length > MAX_LISTED
        ? ` and ${report.notChainedAfter.length - MAX_LISTED} more`
        : '';
    lines.push(
      `• ${plural(report.notChainedAfter.length, 'row has', 'rows have')} no hash although written after the add-on began to seal rows: added by hand, or the hash was cleared (row ${rowsText}${more}).`,
    );
  }
  const summary = `The audit log has been changed by hand. ${report.intact} of ${plural(report.chained, 'chained row')} could be confirmed unchanged.`;
  const hint =
    'Changes typed into the add-on’s tabs are also recorded as new rows of the log (“(by hand)” after the name in the Who column), which may show who made them.';
  return [summary, lines.join('\n'), hint, older, noRecord].filter(Boolean).join('\n\n');
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
