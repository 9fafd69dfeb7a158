/**
 * Every kind of save under a fault at each of its service calls (before the call takes effect,
 * and after each write took effect), then retried as the sidebar retries: the same request ID.
 * After the retry the workbook must be what a clean save leaves (tabs, audit rows, letters in
 * Drive), up to the random parts (record IDs, audit IDs and times).
 */
import { Emulator } from '../../emulator/src';
import { seedDemoSchool } from '../../emulator/server/demo';
import { parseState, serializeState } from '../../emulator/src/state';
import { BUILD_DIR } from './emulator';

const NOW = new Date('2026-11-23T09:00:00Z');
const REQUEST = '5e1f0c2a9b7d4e3f8a6b1c0d2e4f6a8b';

export interface SaveScenario {
  name: string;
  fn: string;
  args: unknown[];
}

let cached: string | undefined;

export function demo(): Emulator {
  if (!cached) {
    const emu = new Emulator({ buildDir: BUILD_DIR, now: NOW });
    seedDemoSchool(emu);
    // One pupil just placed (Planned), for the scenario that starts a pupil.
    const intervention = text(emu.records('Interventions')[0]?.['Intervention ID']);
    const placed = new Set(
      emu
        .records('Participants')
        .filter((p) => p['Intervention ID'] === intervention)
        .map((p) => p['Pupil ID']),
    );
    const pupil = emu.records('Pupils').find((p) => !placed.has(p['Pupil ID']));
    emu.scriptRun('addPupilsToIntervention', [
      { interventionId: intervention, pupilIds: [text(pupil?.['Pupil ID'])] },
    ]);
    cached = serializeState(emu.state);
  }
  return new Emulator({ buildDir: BUILD_DIR, now: NOW, state: parseState(cached) });
}

type Rec = Record<string, unknown>;
const text = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v ?? ''));

/** The saves a SENCo's week is made of, on the demo school. */
export function saveScenarios(): SaveScenario[] {
  const emu = demo();
  const interventions = emu.records('Interventions');
  const participants = emu.records('Participants');
  const reviews = emu.records('Reviews');
  const running = interventions.find((i) =>
    participants.some(
      (p) => p['Intervention ID'] === i['Intervention ID'] && p.Status === 'Started',
    ),
  ) as Rec;
  const runningId = text(running['Intervention ID']);
  const planned = participants.find((p) => p.Status === 'Planned') as Rec;
  const plannedOf = text(planned['Intervention ID']);
  const placeForm = emu
    .scriptRun<{ participants: { id: string; form: Rec }[] }>('getInterventionPupils', [plannedOf])
    .value.participants.find((p) => p.id === planned['Participant ID'])!.form;
  const mid = reviews.find((r) => r.Kind === 'Mid-point' && r.Status === 'Due') as Rec;
  // No progress since the baseline, in the pupil's own measure: "Not working".
  const midPlace = participants.find((p) => p['Participant ID'] === mid['Participant ID']) as Rec;
  const form = emu.scriptRun<Rec>('getIntervention', [runningId]).value;
  const taken = new Set(
    participants.filter((p) => p['Intervention ID'] === runningId).map((p) => p['Pupil ID']),
  );
  const free = emu
    .records('Pupils')
    .map((p) => text(p['Pupil ID']))
    .filter((id) => !taken.has(id))
    .slice(0, 3);
  const started = participants.find((p) => p.Status === 'Started') as Rec;
  return [
    {
      name: 'a new intervention',
      fn: 'saveIntervention',
      args: [
        {
          name: 'Maths recovery',
          lead: text(running.Lead),
          delivery: 'Group',
          startDate: '2026-11-30',
          lengthWeeks: '12',
          sessionsPerWeek: '3',
          minutesPerSession: '30',
          expectedOutcome: 'Secure number bonds to 20',
          rationale: 'EEF: TA-led catch-up',
        },
      ],
    },
    {
      name: 'a new start date and length (reviews move)',
      fn: 'saveIntervention',
      args: [
        {
          ...form,
          startDate: shiftIso(text(form.startDate), 7),
          lengthWeeks: String(Number(form.lengthWeeks) + 2),
        },
      ],
    },
    {
      name: 'three pupils added',
      fn: 'addPupilsToIntervention',
      args: [{ interventionId: runningId, pupilIds: free }],
    },
    {
      name: 'a pupil started, parents told (reviews made)',
      fn: 'saveParticipant',
      args: [
        {
          ...placeForm,
          status: 'Started',
          parentsInformedOn: '2026-11-20',
          parentsInformedHow: 'Letter',
        },
      ],
    },
    {
      name: 'a mid-point review, not working',
      fn: 'saveReview',
      args: [
        {
          reviewId: text(mid['Review ID']),
          kind: 'Mid-point',
          result: text(midPlace.Baseline),
          resultDate: '2026-11-23',
          progress: 'No change',
          judgement: 'Not working',
          furtherAction: 'Change',
        },
      ],
    },
    {
      name: 'a new pupil',
      fn: 'savePupil',
      args: [
        {
          firstName: 'Amelia',
          lastName: 'Jones',
          dateOfBirth: '2016-03-14',
          yearGroup: 'Year 5',
          senStatus: 'SEN support',
          primaryNeed: 'SPLD',
        },
      ],
    },
    {
      name: 'a new library entry',
      fn: 'saveLibraryEntry',
      args: [
        {
          name: 'Precision teaching',
          areaOfNeed: 'SPLD',
          evidenceLink: 'https://educationendowmentfoundation.org.uk/toolkit',
          evidenceStrength: 'Moderate',
          minutesPerSession: '20',
          sessionsPerWeek: '3',
          lengthWeeks: '12',
          resourceCost: '45',
          usualGroupSize: '4',
          trainingNeeded: 'None',
        },
      ],
    },
    {
      name: 'a starting letter',
      fn: 'generateLetter',
      args: [{ participantId: text(started['Participant ID']), kind: 'start' }],
    },
  ];
}

function shiftIso(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Record IDs as placeholders in order of first appearance, so two runs compare. */
function normaliser(): (value: string) => string {
  const seen = new Map<string, string>();
  return (value) =>
    value.replace(/\b(INT|PAR|REV|PUP|STF|PRV|AUD|doc)-[0-9A-Za-z-]+\b/g, (id, prefix: string) => {
      if (!seen.has(id)) seen.set(id, `${prefix}#${seen.size + 1}`);
      return seen.get(id)!;
    });
}

const SKIP_TABS = new Set(['Audit log', 'Dashboard']);
const AUDIT_FIELDS = ['Record type', 'Record ID', 'Field', 'Old value', 'New value'];

/** The workbook as a clean save leaves it, without what is random by design. */
export function snapshot(emu: Emulator): string {
  const norm = normaliser();
  const parts: string[] = [];
  for (const tab of emu.tabNames()) {
    if (SKIP_TABS.has(tab)) continue;
    for (const row of emu.values(tab)) parts.push(`${tab}: ${norm(row.map(text).join(' | '))}`);
  }
  const audit = emu
    .records('Audit log')
    .map((r) => norm(AUDIT_FIELDS.map((f) => text(r[f])).join(' | ')));
  parts.push(...audit.sort().map((a) => `audit: ${a}`));
  const letters = emu.state.drive.files.filter(
    (f) => !f.trashed && f.mimeType === 'application/vnd.google-apps.document',
  );
  parts.push(`letters in Drive: ${letters.length}`);
  return parts.join('\n');
}

export interface SaveSweepTotals {
  saves: number;
  runs: number;
  /** Attempts that reported failure (the fault hit them); all were retried. */
  failedFirst: number;
  /** Workbooks that differ from the clean save after the retry. */
  differ: number;
  broken: string[];
}

function callsOf(scenario: SaveScenario): Record<string, number> {
  const emu = demo();
  emu.resetCalls();
  emu.scriptRun(scenario.fn, [...scenario.args, REQUEST]);
  return emu.calls();
}

const WRITES = [
  'SpreadsheetApp.Range.setValues',
  'PropertiesService.Properties.setProperty',
  'PropertiesService.Properties.setProperties',
];

export function runSaveSweep(scenarios: readonly SaveScenario[], every = 1): SaveSweepTotals {
  const totals: SaveSweepTotals = {
    saves: scenarios.length,
    runs: 0,
    failedFirst: 0,
    differ: 0,
    broken: [],
  };
  for (const scenario of scenarios) {
    const clean = demo();
    const first = clean.scriptRun<{ ok?: boolean }>(scenario.fn, [...scenario.args, REQUEST]).value;
    if (first?.ok !== true)
      throw new Error(`${scenario.name}: the clean save was refused: ${JSON.stringify(first)}`);
    const expected = snapshot(clean);
    const calls = callsOf(scenario);
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    const faults: { method: string; onCall: number; after: boolean }[] = [];
    for (let n = 1; n <= total; n += every) faults.push({ method: '*', onCall: n, after: false });
    for (const method of WRITES) {
      for (let n = 1; n <= (calls[method] ?? 0); n += 1)
        faults.push({ method, onCall: n, after: true });
    }
    for (const fault of faults) {
      totals.runs += 1;
      const emu = demo();
      emu.injectFault({ ...fault, message: 'Service error: injected' });
      let ok: boolean;
      try {
        ok =
          emu.scriptRun<{ ok?: boolean }>(scenario.fn, [...scenario.args, REQUEST]).value?.ok ===
          true;
      } catch {
        ok = false;
      }
      emu.clearFaults();
      if (!ok) totals.failedFirst += 1;
      const retry = emu.scriptRun<{ ok?: boolean; message?: string }>(scenario.fn, [
        ...scenario.args,
        REQUEST,
      ]).value;
      const got = snapshot(emu);
      if (retry?.ok !== true || got !== expected) {
        totals.differ += 1;
        const diff = firstDifference(expected, got);
        totals.broken.push(
          `${scenario.name}, ${fault.after ? 'after' : 'at'} ${fault.method} #${fault.onCall}: ${retry?.ok !== true ? `retry refused (${retry?.message ?? ''})` : diff}`,
        );
      }
    }
  }
  return totals;
}

function firstDifference(a: string, b: string): string {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    if (x[i] !== y[i]) return `expected "${x[i] ?? '(nothing)'}", got "${y[i] ?? '(nothing)'}"`;
  }
  return 'differs';
}
