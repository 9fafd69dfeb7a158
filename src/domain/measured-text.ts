/**
 * A target is written in words around a value ("8/10 or better by February half term", "7y 4m by
 * Easter"): the value is the first words that read as a result in the pupil's measure.
 */
import { parseResult, type Measure } from './measures';

export type MeasuredText = { ok: true; value: number | undefined } | { ok: false; message: string };

const MAX_WORDS_IN_VALUE = 4;

export function leadingValue(measure: Measure, text: string, fieldLabel: string): MeasuredText {
  const whole = parseResult(measure, text, fieldLabel);
  if (whole.ok || measure.kind === 'Words only') {
    return whole.ok ? { ok: true, value: whole.value } : whole;
  }
  const words = text.trim().split(/\s+/);
  for (let n = Math.min(MAX_WORDS_IN_VALUE, words.length); n >= 1; n -= 1) {
    const head = words
      .slice(0, n)
      .join(' ')
      .replace(/[,;.:]+$/, '');
    const parsed = parseResult(measure, head, fieldLabel);
    if (parsed.ok) return { ok: true, value: parsed.value };
  }
  return {
    ok: false,
    message: `${whole.message}. Start with the value in ${measure.name}; words may follow it`,
  };
}
