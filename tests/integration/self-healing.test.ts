/**
 * A save cut off between its writes and never retried with its request ID: the next save that
 * touches the record puts the workbook right, and the audit log notes the repair.
 */
import { demo, saveScenarios } from '../support/save-sweep';

const scenario = (name: string) => {
  const found = saveScenarios().find((s) => s.name.startsWith(name));
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
};

test('a pupil marked Started, cut off at any write: the next save leaves exactly its three reviews', () => {
  const start = scenario('a pupil started');
  const form = start.args[0] as Record<string, string>;
  for (const write of [2, 3]) {
    const emu = demo();
    emu.injectFault({
      method: 'SpreadsheetApp.Range.setValues',
      onCall: write,
      message: 'Service error',
    });
    expect(() => emu.scriptRun(start.fn, [form, `a1a1a1a1a1a1a1a${write}`])).toThrow();
    emu.clearFaults();
    const reviewsOf = () => emu.records('Reviews').filter((r) => r['Participant ID'] === form.id);
    const result = emu.scriptRun<{ ok: boolean }>(start.fn, [
      form,
      `b2b2b2b2b2b2b2b${write}`,
    ]).value;
    expect(result.ok).toBe(true);
    expect(
      reviewsOf()
        .map((r) => r.Kind)
        .sort(),
    ).toEqual(['Baseline', 'End', 'Mid-point']);
    const place = emu.records('Participants').find((p) => p['Participant ID'] === form.id);
    expect(place?.Status).toBe('Started');
    emu.scriptRun(start.fn, [form, `c3c3c3c3c3c3c3c${write}`]);
    expect(reviewsOf()).toHaveLength(3);
  }
});

test('a new start date, cut off at any write: saving again leaves the reviews a clean save does', () => {
  const move = scenario('a new start date');
  const due = (emu: ReturnType<typeof demo>) =>
    emu
      .records('Reviews')
      .filter((r) => r.Status === 'Due')
      .map((r) => `${String(r['Review ID'])} ${String(r['Due date'])}`)
      .sort();
  const clean = demo();
  clean.scriptRun(move.fn, [...move.args, 'd4d4d4d4d4d4d4d4']);
  const form = move.args[0] as Record<string, string>;
  // Audit rows first, then Reviews, Participants and last the intervention itself.
  for (const write of [2, 3, 4]) {
    const emu = demo();
    emu.injectFault({
      method: 'SpreadsheetApp.Range.setValues',
      onCall: write,
      message: 'Service error',
    });
    expect(() => emu.scriptRun(move.fn, [form, `e5e5e5e5e5e5e5e${write}`])).toThrow();
    emu.clearFaults();
    const again = emu.scriptRun<{ ok: boolean }>(move.fn, [form, `f6f6f6f6f6f6f6f${write}`]).value;
    expect(again.ok).toBe(true);
    expect(due(emu)).toEqual(due(clean));
  }
});

test('a letter made but never linked goes in the bin when the letter is made again', () => {
  const letter = scenario('a starting letter');
  const emu = demo();
  const before = emu.state.drive.files.filter((f) => !f.trashed).length;
  // The Doc is made; the write of its link (after the audit rows) fails.
  emu.injectFault({
    method: 'SpreadsheetApp.Range.setValues',
    onCall: 2,
    message: 'Service error',
  });
  const failed = emu.scriptRun<{ ok: boolean }>(letter.fn, [
    ...letter.args,
    'a7a7a7a7a7a7a7a7',
  ]).value;
  expect(failed.ok).toBe(false);
  emu.clearFaults();
  const made = emu.scriptRun<{ ok: boolean; message: string; url: string }>(letter.fn, [
    ...letter.args,
    'b8b8b8b8b8b8b8b8',
  ]).value;
  expect(made.ok).toBe(true);
  expect(made.message).toContain('An unfinished copy left by an earlier attempt');
  const docs = emu.state.drive.files.filter(
    (f) => f.mimeType === 'application/vnd.google-apps.document',
  );
  expect(docs.filter((d) => d.trashed)).toHaveLength(1);
  expect(emu.state.drive.files.filter((f) => !f.trashed).length).toBe(before + 1);
});
