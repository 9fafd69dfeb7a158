/** "Check the audit log" (src/domain/audit-check.ts): what each kind of tampering looks like. */
import { createHash } from 'node:crypto';
import { chainText, linkCell, type ChainHead } from '../../src/domain/audit-chain';
import {
  auditReportWords,
  checkAuditChain,
  hasProblems,
  type AuditRowFacts,
} from '../../src/domain/audit-check';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A chained log of `n` rows, as writeAudit writes it (sheet rows 2 onwards). */
function chainedLog(n: number, start = new Date(2026, 10, 23, 9, 0, 0)) {
  const rows: AuditRowFacts[] = [];
  let hash = '';
  for (let seq = 1; seq <= n; seq += 1) {
    const fields = {
      'Audit ID': `AUD-A-${seq}`,
      When: start,
      Who: 'senco@school.example',
      'Record type': 'Pupils',
      'Record ID': `PUP-${seq}`,
      Field: 'Year group',
      'Old value': 'Year 3',
      'New value': 'Year 4',
      'Request ID': '',
    };
    hash = sha(chainText(hash, seq, fields));
    rows.push({ row: seq + 1, fields, hashCell: linkCell({ seq, hash }) });
  }
  const head: ChainHead = { rows: n, hash, since: '2026-11-23 09:00:00' };
  return { rows, head };
}

/** The rows after some were deleted: the ones below move up. */
function without(rows: AuditRowFacts[], ...sheetRows: number[]): AuditRowFacts[] {
  return rows.filter((r) => !sheetRows.includes(r.row)).map((r, i) => ({ ...r, row: i + 2 }));
}

test('an untouched log: every row intact', () => {
  const { rows, head } = chainedLog(5);
  const report = checkAuditChain(rows, head, sha);
  expect(report).toMatchObject({ rows: 5, chained: 5, intact: 5, changed: [], removed: [] });
  expect(hasProblems(report)).toBe(false);
  expect(auditReportWords(report)).toBe(
    'All 5 chained rows of the audit log are intact: none has been changed or removed since the add-on wrote them.',
  );
});

test('a cell changed by hand: that row, by its Audit ID and sheet row', () => {
  const { rows, head } = chainedLog(5);
  rows[2] = { ...rows[2]!, fields: { ...rows[2]!.fields, 'New value': 'Year 6' } };
  const report = checkAuditChain(rows, head, sha);
  expect(report.changed).toEqual([{ row: 4, auditId: 'AUD-A-3' }]);
  expect(report.intact).toBe(4); // the row after it still chains on its (unchanged) hash
  expect(auditReportWords(report)).toContain('• AUD-A-3 (row 4) was changed after it was written.');
});

test('a row removed from the middle: the gap, between which Audit IDs', () => {
  const { rows, head } = chainedLog(6);
  const report = checkAuditChain(without(rows, 3, 4), head, sha);
  expect(report.changed).toEqual([]);
  expect(report.removed).toEqual([
    { after: { row: 2, auditId: 'AUD-A-1' }, before: { row: 3, auditId: 'AUD-A-4' }, count: 2 },
  ]);
  expect(auditReportWords(report)).toContain(
    '• 2 rows were removed between AUD-A-1 (row 2) and AUD-A-4 (row 3).',
  );
});

test('the first rows removed', () => {
  const { rows, head } = chainedLog(4);
  const report = checkAuditChain(without(rows, 2), head, sha);
  expect(auditReportWords(report)).toContain(
    '• 1 row was removed from the start of the log, before AUD-A-2 (row 2).',
  );
});

test('the last rows removed: only the add-on’s record of the end shows it', () => {
  const { rows, head } = chainedLog(6);
  const report = checkAuditChain(without(rows, 6, 7), head, sha);
  expect(report.removed).toEqual([]);
  expect(report.lastRemoved).toEqual({ after: { row: 5, auditId: 'AUD-A-4' }, count: 2 });
  expect(auditReportWords(report)).toContain(
    '• The last 2 rows were removed: the log should go on after AUD-A-4 (row 5).',
  );
});

test('every row removed', () => {
  const { head } = chainedLog(3);
  const words = auditReportWords(checkAuditChain([], head, sha));
  expect(words).toContain('• Every chained row was removed (3 rows).');
});

test('rows changed and their hashes worked out again: the end no longer matches the record', () => {
  const { rows, head } = chainedLog(3);
  const forged = chainedLog(3).rows.map((r) => r);
  forged[1] = { ...forged[1]!, fields: { ...forged[1]!.fields, 'New value': 'Year 6' } };
  let hash = '';
  const recomputed = forged.map((r, i) => {
    hash = sha(chainText(hash, i + 1, r.fields));
    return { ...r, hashCell: linkCell({ seq: i + 1, hash }) };
  });
  expect(checkAuditChain(rows, head, sha).rewritten).toBeUndefined();
  const report = checkAuditChain(recomputed, head, sha);
  expect(report.changed).toEqual([]);
  expect(report.rewritten).toEqual({ row: 4, auditId: 'AUD-A-3' });
  expect(auditReportWords(report)).toContain('rows were changed and their hashes worked out again');
});

test('a hash cell edited: that row, and the next one (which chains on it), show as changed', () => {
  const { rows, head } = chainedLog(4);
  rows[1] = { ...rows[1]!, hashCell: `2:${'0'.repeat(64)}` };
  const report = checkAuditChain(rows, head, sha);
  expect(report.changed).toEqual([
    { row: 3, auditId: 'AUD-A-2' },
    { row: 4, auditId: 'AUD-A-3' },
  ]);
  expect(report.intact).toBe(2);
});

test('several rows changed (say, a find and replace): each is named', () => {
  const { rows, head } = chainedLog(4);
  const edited = rows.map((r, i) =>
    i === 1 || i === 2 ? { ...r, fields: { ...r.fields, Who: 'someone else' } } : r,
  );
  expect(checkAuditChain(edited, head, sha).changed.map((r) => r.auditId)).toEqual([
    'AUD-A-2',
    'AUD-A-3',
  ]);
});

test('a hash cell overwritten with anything else: changed, not "removed"', () => {
  const { rows, head } = chainedLog(3);
  rows[2] = { ...rows[2]!, hashCell: 'oops' };
  const report = checkAuditChain(rows, head, sha);
  expect(report.changed).toEqual([{ row: 4, auditId: 'AUD-A-3' }]);
  expect(report.chained).toBe(3);
});

test('a row copied by hand', () => {
  const { rows, head } = chainedLog(3);
  const report = checkAuditChain([...rows, { ...rows[1]!, row: 5 }], head, sha);
  expect(report.copies).toEqual([
    { row: { row: 5, auditId: 'AUD-A-2' }, of: { row: 3, auditId: 'AUD-A-2' } },
  ]);
});

test('sorting the tab by hand changes nothing: rows are checked in chain order', () => {
  const { rows, head } = chainedLog(5);
  const sorted = [...rows].reverse().map((r, i) => ({ ...r, row: i + 2 }));
  const report = checkAuditChain(sorted, head, sha);
  expect(hasProblems(report)).toBe(false);
  expect(report.intact).toBe(5);
});

test('rows from before the chain: "not chained", never called tampered', () => {
  const older = [0, 1].map((i) => ({
    row: i + 2,
    fields: { 'Audit ID': `AUD-OLD-${i}`, When: new Date(2026, 8, 1, 10, 0, 0) },
    hashCell: '',
  }));
  const { rows, head } = chainedLog(2);
  const all = [...older, ...rows.map((r, i) => ({ ...r, row: i + 4 }))];
  const report = checkAuditChain(all, head, sha);
  expect(hasProblems(report)).toBe(false);
  expect(report.notChainedBefore).toBe(2);
  expect(auditReportWords(report)).toBe(
    'All 2 chained rows of the audit log are intact: none has been changed or removed since the add-on wrote them.\n\n' +
      '2 older rows were written before the add-on began to seal each row, so they are not chained and cannot be checked (this is not a sign of tampering).',
  );
});

test('a log from before the chain, never written to since: nothing to check, nothing wrong', () => {
  const older = [{ row: 2, fields: { 'Audit ID': 'AUD-OLD-1', When: new Date() }, hashCell: '' }];
  const report = checkAuditChain(older, undefined, sha);
  expect(hasProblems(report)).toBe(false);
  expect(auditReportWords(report)).toContain('No row of the audit log is chained yet.');
});

test('a row with no hash added after the chain began (typed in by hand)', () => {
  const { rows, head } = chainedLog(2);
  const typed = { row: 4, fields: { 'Audit ID': 'AUD-FAKE', When: '' }, hashCell: '' };
  const report = checkAuditChain([...rows, typed], head, sha);
  expect(report.notChainedAfter).toEqual([{ row: 4, auditId: 'AUD-FAKE' }]);
  expect(auditReportWords(report)).toContain('1 row has no hash although written after');
});

test('rows further on than the record (a save cut off, or rows added with worked-out hashes)', () => {
  const { rows } = chainedLog(4);
  const { head } = chainedLog(3);
  const report = checkAuditChain(rows, head, sha);
  expect(report.beyondRecord).toEqual({ from: { row: 5, auditId: 'AUD-A-4' }, count: 1 });
});

test('no record of the head (a copy of the spreadsheet): said, not called tampering', () => {
  const { rows } = chainedLog(2);
  const report = checkAuditChain(rows, undefined, sha);
  expect(hasProblems(report)).toBe(false);
  expect(auditReportWords(report)).toContain('could not be looked for');
});

test('long lists are cut short', () => {
  const { rows, head } = chainedLog(30);
  const changed = rows.map((r) => ({ ...r, fields: { ...r.fields, Who: 'x' } }));
  const words = auditReportWords(checkAuditChain(changed, head, sha));
  expect(words).toContain('… and 10 more.');
});
