import {
  chunkLog,
  completeKey,
  entriesOf,
  inRotation,
  logToKeep,
  resolveInFlight,
  SENT_LOG_MAX_BYTES,
} from '../../src/domain/sent-log';
import { sentKey } from '../../src/domain/reminders';

test('logs are split to fit a property value', () => {
  const entries = Array.from({ length: 1000 }, (_, i) => sentKey(`REV-${i}`, 'due', 'staff:STF-1'));
  const logs = chunkLog('2026-11-24', entries);
  expect(logs.length).toBeGreaterThan(1);
  for (const log of logs)
    expect(JSON.stringify(log).length).toBeLessThanOrEqual(SENT_LOG_MAX_BYTES);
  expect(logs.flatMap((l) => l.sent)).toEqual(entries);
});

describe('the sent log is kept until each review is done, whatever the calendar', () => {
  const friday = '2026-11-27';
  const entries = entriesOf([
    {
      on: friday,
      sent: [
        sentKey('REV-1', 'due', 'staff:STF-1'),
        sentKey('REV-1', 'due', 'staff:STF-2'),
        sentKey('REV-2', 'overdue', 'staff:STF-1'),
        sentKey('REV-3', 'due', 'staff:STF-1'),
        'summary',
      ],
    },
  ]);

  test('a review still Due keeps its entries, over a weekend and beyond', () => {
    const kept = logToKeep(entries, new Set(['REV-1', 'REV-2', 'REV-3']), new Set());
    expect(kept).toEqual([
      {
        on: friday,
        sent: [
          sentKey('REV-1', 'due', 'staff:STF-1'),
          sentKey('REV-1', 'due', 'staff:STF-2'),
          sentKey('REV-2', 'overdue', 'staff:STF-1'),
          sentKey('REV-3', 'due', 'staff:STF-1'),
        ],
      },
    ]);
  });

  test('a reminder that reached everyone shrinks to one entry; a done review drops out', () => {
    const kept = logToKeep(
      entries,
      new Set(['REV-1', 'REV-2']),
      new Set([completeKey('REV-1', 'due')]),
    );
    expect(kept).toEqual([
      { on: friday, sent: ['REV-1:due', sentKey('REV-2', 'overdue', 'staff:STF-1')] },
    ]);
  });

  test('an entry logged on two days keeps the first', () => {
    const twice = entriesOf([
      { on: '2026-11-30', sent: ['REV-1:due'] },
      { on: friday, sent: ['REV-1:due'] },
    ]);
    expect(twice.get('REV-1:due')).toBe(friday);
  });
});

test('an email in doubt counts as sent where the sheet marks it; the rest is sent again', () => {
  const inFlight = {
    on: '2026-11-27',
    key: 'staff:STF-1',
    recipientName: 'Mr Tom Reed',
    sent: [sentKey('REV-1', 'due', 'staff:STF-1'), sentKey('REV-2', 'overdue', 'staff:STF-1')],
  };
  const resolved = resolveInFlight(inFlight, (id, kind) => id === 'REV-1' && kind === 'due');
  expect(resolved).toEqual({
    sent: [sentKey('REV-1', 'due', 'staff:STF-1')],
    resend: [sentKey('REV-2', 'overdue', 'staff:STF-1')],
  });
});

test('a short quota serves whoever has waited longest first, then in the planned order', () => {
  const digests = [{ key: 'summary' }, { key: 'staff:A' }, { key: 'staff:B' }, { key: 'staff:C' }];
  expect(inRotation(digests, {}).map((d) => d.key)).toEqual([
    'summary',
    'staff:A',
    'staff:B',
    'staff:C',
  ]);
  const served = { summary: '2026-11-30', 'staff:A': '2026-11-30', 'staff:C': '2026-11-20' };
  expect(inRotation(digests, served).map((d) => d.key)).toEqual([
    'staff:B',
    'staff:C',
    'summary',
    'staff:A',
  ]);
});
