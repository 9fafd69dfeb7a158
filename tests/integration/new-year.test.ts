/**
 * "Start a new school year…" through the built add-on, on the demo school seeded in November 2026
 * and opened again on Monday 6 September 2027: a confirmation first, then the finished and stopped
 * work of past years moves to archive tabs, all or nothing, and the Dashboard's impact by type of
 * provision still counts it.
 */
import { Emulator, type EmulatorState } from '../../emulator/src';
import { seedDemoSchool } from '../../emulator/server/demo';
import { sortSheetRowsAsUser } from '../../emulator/src/spreadsheet';
import { BUILD_DIR, newEmulator, setUpEmulator } from '../support/emulator';

const AT = new Date('2027-09-06T09:00:00Z');
const TITLE = 'Start a new school year';
const MOVED = [
  { tab: 'Interventions', id: 'Intervention ID' },
  { tab: 'Participants', id: 'Participant ID' },
  { tab: 'Reviews', id: 'Review ID' },
] as const;

type Values = ReturnType<Emulator['values']>;
type Rec = Record<string, unknown>;

let seeded: EmulatorState;

beforeAll(() => {
  const emu = newEmulator();
  seedDemoSchool(emu);
  seeded = structuredClone(emu.state);
});

/** The demo school on 6 September 2027 (a fresh copy for each test). */
function demo(): Emulator {
  return new Emulator({
    buildDir: BUILD_DIR,
    state: structuredClone(seeded),
    now: AT,
    user: 'senco@school.example',
  });
}

function alerts(result: ReturnType<Emulator['menu']>) {
  return result.uiEvents.flatMap((e) => (e.type === 'alert' ? [e] : []));
}

/** Chooses the menu item, answering the confirmation; the messages shown. */
function startYear(emu: Emulator, answer: 'OK' | 'CANCEL' = 'OK') {
  emu.answerAlerts(answer, 'OK');
  const shown = alerts(emu.menu('startNewSchoolYear'));
  for (const alert of shown) expect(alert.title).toBe(TITLE);
  return shown;
}

function byId(emu: Emulator, tab: string, idHeader: string): Map<string, Rec> {
  return new Map(
    emu
      .records(tab)
      .filter((r) => String(r[idHeader] ?? '') !== '')
      .map((r) => [String(r[idHeader]), r]),
  );
}

function snapshot(emu: Emulator): Record<string, Values> {
  return Object.fromEntries(emu.tabNames().map((tab) => [tab, emu.values(tab)]));
}

const archiveTabs = (emu: Emulator) => emu.tabNames().filter((t) => t.startsWith('Archive '));

/** The Dashboard's "By type of provision" table, as shown. */
function perTypeTable(emu: Emulator): string[] {
  emu.answerAlerts('OK');
  const updated = alerts(emu.menu('updateDashboard'));
  expect(updated[0]?.title).toBe('Dashboard updated');
  const rows = emu
    .values('Dashboard')
    .map((r) => r.map((c) => (c instanceof Date ? c.toISOString() : String(c))).join('|'));
  const from = rows.findIndex((r) => r.startsWith('By type of provision'));
  const to = rows.findIndex((r, i) => i > from && r.startsWith('By area of need'));
  expect(from).toBeGreaterThan(0);
  return rows.slice(from, to).filter((r) => r.replace(/\|/g, '') !== '');
}

const numberIn = (text: string, pattern: RegExp): number => Number(pattern.exec(text)?.[1]);

describe('Start a new school year…', () => {
  it('is on the add-on menu', () => {
    const items = demo()
      .open()
      .flatMap((m) => m.items)
      .flatMap((i) => (i.type === 'item' ? [i.caption] : []));
    expect(items).toContain('Start a new school year…');
  });

  it('asks first, naming what it will move with its counts, and Cancel changes nothing', () => {
    const emu = demo();
    const before = snapshot(emu);
    const properties = structuredClone(emu.state.properties);
    const [question, after] = startYear(emu, 'CANCEL');
    expect(question?.buttons).toBe('OK_CANCEL');
    expect(question?.message).toMatch(
      /^Starting the 2027-28 school year will:\n\n1\. Move \d+ finished or stopped interventions, with their \d+ pupil places and \d+ reviews, each to the archive tabs of the school year it ended in:/,
    );
    expect(question?.message).toContain(
      '"Archive 2026-27: Interventions", "Archive 2026-27: Participants" and "Archive 2026-27: Reviews"',
    );
    expect(question?.message).toContain('2. Roll the term dates forward to 2027-28');
    expect(question?.message).toContain('Nothing is deleted');
    expect(after?.message).toBe('Nothing changed.');
    expect(snapshot(emu)).toEqual(before);
    expect(emu.state.properties).toEqual(properties);
  });

  describe('after OK', () => {
    let emu: Emulator;
    let before: Record<string, Map<string, Rec>>;
    let headersBefore: Record<string, unknown[]>;
    let question: string;
    let result: string;
    let auditBefore: number;

    beforeAll(() => {
      emu = demo();
      before = Object.fromEntries(MOVED.map((m) => [m.tab, byId(emu, m.tab, m.id)]));
      headersBefore = Object.fromEntries(MOVED.map((m) => [m.tab, emu.values(m.tab)[0] ?? []]));
      auditBefore = emu.records('Audit log').length;
      const [asked, done] = startYear(emu);
      question = asked?.message ?? '';
      result = done?.message ?? '';
    });

    const archived = (tab: string, idHeader: string) =>
      new Map(
        archiveTabs(emu)
          .filter((name) => name.endsWith(`: ${tab}`))
          .flatMap((name) => [...byId(emu, name, idHeader)].map(([id, r]) => [id, { r, name }])),
      );

    it('moves exactly what the confirmation counted, and says so', () => {
      expect(result).toMatch(/^Moved \d+ finished or stopped interventions/);
      const total = (tab: string, id: string) => archived(tab, id).size;
      expect(total('Interventions', 'Intervention ID')).toBe(
        numberIn(question, /Move (\d+) finished/),
      );
      expect(total('Participants', 'Participant ID')).toBe(
        numberIn(question, /with their (\d+) pupil places/),
      );
      expect(total('Reviews', 'Review ID')).toBe(
        numberIn(question, /pupil places and (\d+) reviews/),
      );
      expect(total('Interventions', 'Intervention ID')).toBeGreaterThan(0);
    });

    it('archive tabs hold the moved rows as they were, under the same headers, and nothing is lost', () => {
      for (const { tab, id } of MOVED) {
        const moved = archived(tab, id);
        const still = byId(emu, tab, id);
        for (const name of archiveTabs(emu).filter((n) => n.endsWith(`: ${tab}`))) {
          expect(emu.values(name)[0]).toEqual(headersBefore[tab]);
        }
        for (const [key, { r }] of moved) {
          expect(r).toEqual(before[tab]?.get(key));
          expect(still.has(key)).toBe(false);
        }
        // Every record is on the working tab or in an archive, once.
        expect([...still.keys(), ...moved.keys()].sort()).toEqual([...before[tab]!.keys()].sort());
      }
    });

    it('moves only finished and stopped interventions, each with all its places and reviews', () => {
      const moved = archived('Interventions', 'Intervention ID');
      for (const { r } of moved.values()) expect(['Finished', 'Stopped']).toContain(r.Status);
      for (const [tab, id] of [
        ['Participants', 'Participant ID'],
        ['Reviews', 'Review ID'],
      ] as const) {
        for (const { r, name } of archived(tab, id).values()) {
          const owner = moved.get(String(r['Intervention ID']));
          expect(owner?.name.replace(': Interventions', '')).toBe(name.replace(`: ${tab}`, ''));
        }
        for (const r of emu.records(tab))
          expect(moved.has(String(r['Intervention ID']))).toBe(false);
      }
    });

    it('leaves running and planned work where it was, row for row', () => {
      const running = [...before.Interventions!.values()].filter((r) =>
        ['Running', 'Planned'].includes(String(r.Status)),
      );
      expect(running.length).toBeGreaterThan(0);
      const now = byId(emu, 'Interventions', 'Intervention ID');
      const places = byId(emu, 'Participants', 'Participant ID');
      for (const intervention of running) {
        const id = String(intervention['Intervention ID']);
        expect(now.get(id)).toEqual(intervention);
        for (const place of before.Participants!.values()) {
          if (place['Intervention ID'] === id) {
            expect(places.get(String(place['Participant ID']))).toEqual(place);
          }
        }
      }
    });

    it('records each record moved in the audit log, whose chain stays intact', () => {
      const rows = emu.records('Audit log').slice(auditBefore);
      for (const { tab, id } of MOVED) {
        for (const [key, { name }] of archived(tab, id)) {
          const logged = rows.filter((r) => r['Record ID'] === key && r.Field === 'Archived to');
          expect(logged).toHaveLength(1);
          expect(logged[0]).toMatchObject({
            'Record type': tab,
            'Old value': tab,
            'New value': name,
          });
        }
      }
      emu.answerAlerts('OK');
      const [check] = alerts(emu.menu('checkAuditLog'));
      expect(check?.message).toMatch(/^All [\d,]+ chained rows of the audit log are intact/);
    });

    it('adds the new year’s term dates to the Settings tab and lists the archived years', () => {
      const settings = emu.records('Settings');
      const autumn = settings.find(
        (r) =>
          r.Setting === 'Term' &&
          r.From instanceof Date &&
          r.From.getTime() === new Date(2027, 8, 1).getTime(),
      );
      expect(autumn?.Value).toBe('Autumn term');
      expect(String(autumn?.Notes)).toContain('Typical dates for 2027 to 2028');
      expect(settings.find((r) => r.Setting === 'Archived school years')?.Value).toBe(
        '2025-26, 2026-27',
      );
      expect(result).toContain('Typical term dates for 2027-28 were added to the Settings tab');
    });

    it('run again, it archives nothing twice and says there is nothing to do', () => {
      const archivesBefore = Object.fromEntries(archiveTabs(emu).map((t) => [t, emu.values(t)]));
      const shown = startYear(emu);
      expect(shown).toHaveLength(1);
      expect(shown[0]?.buttons).toBe('OK');
      expect(shown[0]?.message).toBe(
        'Nothing to do: no finished or stopped intervention ended before 1 September 2027, and the Settings tab already has term dates for 2027-28 (they stay as they are).\n\n' +
          // The demo's work of 2026-27 whose end reviews were never recorded.
          '6 interventions were planned to end in an earlier school year but are still open on the Interventions tab (an end review not recorded yet, a pupil still Started, or never started), so they stay: record their end reviews or stop them, then choose this again to move them.',
      );
      expect(Object.fromEntries(archiveTabs(emu).map((t) => [t, emu.values(t)]))).toEqual(
        archivesBefore,
      );
    });

    it('the daily run leaves the archive alone and brings nothing back to the working tabs', () => {
      const archivesBefore = Object.fromEntries(archiveTabs(emu).map((t) => [t, emu.values(t)]));
      emu.answerAlerts('OK');
      emu.menu('turnOnReminders');
      const runs = emu.fireDueTriggers(new Date('2027-09-07T07:30:00Z'));
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.every((r) => r.ok)).toBe(true);
      expect(Object.fromEntries(archiveTabs(emu).map((t) => [t, emu.values(t)]))).toEqual(
        archivesBefore,
      );
      const moved = archived('Interventions', 'Intervention ID');
      for (const tab of ['Interventions', 'Participants', 'Reviews']) {
        for (const r of emu.records(tab))
          expect(moved.has(String(r['Intervention ID']))).toBe(false);
      }
      const archivedNames = [...moved.values()].map(({ r }) => String(r.Name));
      for (const mail of emu.outbox()) {
        for (const name of archivedNames) expect(mail.body).not.toContain(name);
      }
    });
  });

  it('with nothing to move it says so, and still rolls the term dates forward', () => {
    const emu = setUpEmulator();
    emu.setNow(AT);
    const [question, done] = startYear(emu);
    expect(question?.message).toMatch(
      /^There is nothing to move: no finished or stopped intervention ended before 1 September 2027\.\n\nStarting the 2027-28 school year will:\n\nRoll the term dates forward to 2027-28/,
    );
    expect(done?.message).toContain('Nothing was moved');
    expect(archiveTabs(emu)).toEqual([]);
    const terms = emu
      .records('Settings')
      .filter(
        (r) => r.Setting === 'Term' && r.From instanceof Date && r.From >= new Date(2027, 8, 1),
      );
    expect(terms.map((r) => r.Value)).toEqual(['Autumn term', 'Spring term', 'Summer term']);
  });

  it('moves the right rows from tabs sorted by hand, where they are scattered', () => {
    const emu = demo();
    // Sorted by pupil and by kind of review: finished and running work now interleave.
    sortSheetRowsAsUser(emu.state, 'Participants', 3, true);
    sortSheetRowsAsUser(emu.state, 'Reviews', 4, true);
    const before = Object.fromEntries(MOVED.map((m) => [m.tab, emu.records(m.tab)]));
    startYear(emu);
    for (const { tab, id } of MOVED) {
      const archivedIds = new Set(
        archiveTabs(emu)
          .filter((name) => name.endsWith(`: ${tab}`))
          .flatMap((name) => emu.records(name).map((r) => String(r[id]))),
      );
      expect(archivedIds.size).toBeGreaterThan(0);
      // What stays is every other row, as it was and in the order it was.
      const kept = before[tab]!.filter((r) => !archivedIds.has(String(r[id])));
      expect(emu.records(tab).filter((r) => String(r[id]) !== '')).toEqual(kept);
    }
  });

  it('the Dashboard’s impact by type of provision still counts the archived runs', () => {
    const emu = demo();
    const before = perTypeTable(emu);
    startYear(emu);
    expect(archiveTabs(emu).length).toBeGreaterThan(0);
    expect(perTypeTable(emu)).toEqual(before);
  });

  it('reads the archive for the Dashboard in a few calls a year, and none before any is made', () => {
    const emu = demo();
    perTypeTable(emu);
    emu.resetCalls();
    perTypeTable(emu);
    const without = emu.calls();
    startYear(emu);
    perTypeTable(emu);
    emu.resetCalls();
    perTypeTable(emu);
    const withArchive = emu.calls();
    // Two archived years (2025-26 and 2026-27), two tabs each: one look-up and one read a tab.
    const method = 'SpreadsheetApp.Sheet.getDataRange';
    expect((withArchive[method] ?? 0) - (without[method] ?? 0)).toBe(4);
  });

  it('a move cut off before the working tabs are rewritten leaves them whole; run again, it finishes without archiving twice', () => {
    const emu = demo();
    const working = () => Object.fromEntries(MOVED.map((m) => [m.tab, emu.values(m.tab)]));
    const before = working();
    emu.injectFault({ method: 'SpreadsheetApp.Sheet.deleteRows', message: 'Service error' });
    const shown = startYear(emu);
    expect(shown.at(-1)?.message).toContain('Service error');
    expect(shown.at(-1)?.message).toContain(
      'The move stopped part-way. Every record is still on its working tab or safely in its archive tab: choose "Start a new school year…" again to finish it',
    );
    expect(working()).toEqual(before);
    expect(archiveTabs(emu).length).toBeGreaterThan(0);

    emu.clearFaults();
    const again = startYear(emu);
    expect(again.at(-1)?.message).toMatch(/^Moved \d+ finished or stopped interventions/);
    expect(again.at(-1)?.message).toMatch(/\d+ records were already in the archive/);
    for (const { tab, id } of MOVED) {
      const ids = archiveTabs(emu)
        .filter((name) => name.endsWith(`: ${tab}`))
        .flatMap((name) => emu.records(name).map((r) => String(r[id])));
      expect(new Set(ids).size).toBe(ids.length);
      const still = new Set(emu.records(tab).map((r) => String(r[id])));
      for (const key of ids) expect(still.has(key)).toBe(false);
    }
  });
});
