/** The measures and outcome bands on the Settings tab, read from its rows. */
import { measuresFrom, outcomeSettingsFrom, type MeasuresRead } from '../domain/measure-settings';
import type { OutcomeSettings } from '../domain/outcome';
import { settingValues } from './facts';
import type { Table } from './table';

export function measuresOn(settings: Table): MeasuresRead {
  return measuresFrom(
    settings.records().map((row) => ({
      setting: row.value('Setting'),
      value: row.value('Value'),
      kind: row.value('Kind'),
      outOf: row.value('Out of'),
      better: row.value('Better when'),
    })),
  );
}

export function outcomeSettingsOn(settings: Table): OutcomeSettings {
  return outcomeSettingsFrom(settingValues(settings));
}
