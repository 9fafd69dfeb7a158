/**
 * A closed native select shows only as much of the chosen option as fits the 300 px sidebar, and
 * cannot wrap it: "Precision teaching: times tables – Priya M" reads "Precision teaching: times
 * tab…". So when the chosen option's text does not fit, it is shown whole on a line just below.
 * (The open list is drawn by the browser outside the panel, so it shows whole names already.)
 * Screen readers hear the whole option from the select itself, so the line is hidden from them.
 */
import { h } from './dom';

/** Room the browser keeps for the drop-down arrow, besides the select's own padding. */
const ARROW_ROOM = 24;

let measurer: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string, font: string): number {
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) return 0;
  measurer.font = font;
  return measurer.measureText(text).width;
}

/** True when the select is laid out and `text` is wider than the room it has for it. */
function isCutOff(select: HTMLSelectElement, text: string): boolean {
  if (text === '' || !select.isConnected || select.clientWidth === 0) return false;
  const style = getComputedStyle(select);
  const room =
    select.clientWidth -
    parseFloat(style.paddingLeft) -
    parseFloat(style.paddingRight) -
    ARROW_ROOM;
  return textWidth(text, style.font) > room;
}

/** Keeps a "whole name" line under `select` up to date, however its choice changes. */
export function showWholeChoice(select: HTMLSelectElement): void {
  const line = h('p', { class: 'whole-choice', 'aria-hidden': 'true', hidden: true });
  const update = (): void => {
    const text = select.selectedOptions[0]?.textContent?.trim() ?? '';
    const cut = isCutOff(select, text);
    if (cut && select.parentNode && select.nextSibling !== line) select.after(line);
    line.textContent = cut ? text : '';
    line.hidden = !cut;
  };
  select.addEventListener('change', update);
  // Views choose a record by setting .value (a remembered choice, a form being filled), which
  // fires no event.
  const value = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value');
  if (value?.get && value.set) {
    const { get, set } = value;
    Object.defineProperty(select, 'value', {
      configurable: true,
      get(this: HTMLSelectElement) {
        return get.call(this) as string;
      },
      set(this: HTMLSelectElement, value: string) {
        set.call(this, value);
        update();
      },
    });
  }
  // Drawn for the first time, or the panel resized.
  if (typeof ResizeObserver !== 'undefined') new ResizeObserver(update).observe(select);
}
