/** A save whose reply was lost, or that was cut off between two writes, retried by the sidebar. */
import type { Emulator } from '../../emulator/src';
import { setUpEmulator, validForm } from '../support/emulator';

const REQUEST = 'b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5';

function save(emu: Emulator, form: Record<string, string>, requestId = REQUEST) {
  return emu.scriptRun<{ ok: boolean; id: string; message: string }>('saveIntervention', [
    form,
    requestId,
  ]).value;
}

test('the same submit twice makes one intervention, and the second answer is the first', () => {
  const emu = setUpEmulator();
  const first = save(emu, validForm());
  const again = save(emu, validForm());
  expect(again).toEqual(first);
  expect(emu.records('Interventions')).toHaveLength(1);
  const audit = emu.records('Audit log');
  expect(new Set(audit.map((r) => r['Request ID']))).toEqual(new Set([REQUEST]));
});

test('a new submit of the same form is a new intervention', () => {
  const emu = setUpEmulator();
  save(emu, validForm());
  emu.resetCalls();
  save(emu, validForm(), 'c0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5');
  expect(emu.records('Interventions')).toHaveLength(2);
  // A submit never seen before is not looked for in the audit log, however long it is.
  expect(emu.callCount('SpreadsheetApp.Range.createTextFinder')).toBe(0);
});

test('the answer a retry gives again is kept for the last few submits only', () => {
  const emu = setUpEmulator();
  const first = save(emu, validForm());
  const ids = ['d', 'e', 'f', 'a1', 'b1'].map((c) => `${c}0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5`);
  for (const id of ids) save(emu, validForm({ name: `Group ${id.slice(0, 2)}` }), id);
  // Five later submits: the first answer is no longer kept, yet its retry saves nothing twice.
  const again = save(emu, validForm());
  expect(again.ok).toBe(true);
  expect(again.id).toBe(first.id);
  expect(again.message).not.toBe(first.message);
  expect(emu.records('Interventions')).toHaveLength(6);
});

test('cut off after its audit rows: the retry writes the intervention from them, once', () => {
  const emu = setUpEmulator();
  // The audit rows are the first write; the Interventions row the second, which fails.
  emu.injectFault({
    method: 'SpreadsheetApp.Range.setValues',
    onCall: 2,
    message: 'Service error',
  });
  expect(() => save(emu, validForm())).toThrow('Service error');
  expect(emu.records('Interventions')).toHaveLength(0);
  emu.clearFaults();
  const retry = save(emu, validForm());
  expect(retry.ok).toBe(true);
  const rows = emu.records('Interventions');
  expect(rows).toHaveLength(1);
  expect(rows[0]?.['Intervention ID']).toBe(retry.id);
  expect(rows[0]?.['Start date']).toBeInstanceOf(Date);
  expect(typeof rows[0]?.['Length (weeks)']).toBe('number');
  // The first attempt's words, kept for its retry.
  expect(retry.message).toMatch(/^Saved "/);
});

test('a retry leaves a field someone changed since as they made it', () => {
  const emu = setUpEmulator();
  const { id } = save(emu, validForm(), 'e0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5');
  emu.injectFault({
    method: 'SpreadsheetApp.Range.setValues',
    onCall: 2,
    message: 'Service error',
  });
  expect(() => save(emu, { ...validForm({ name: 'Spelling A' }), id })).toThrow();
  emu.clearFaults();
  save(emu, { ...validForm({ name: 'Spelling B' }), id }, 'f0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5');
  expect(save(emu, { ...validForm({ name: 'Spelling A' }), id }).ok).toBe(true);
  expect(emu.records('Interventions').map((r) => r.Name)).toEqual(['Spelling B']);
});
