/**
 * A built-in letter's blocks as a plan for a Google Doc made in few calls: every paragraph's text
 * set at once (Body.setText makes one paragraph a line), the title and headings styled, then each
 * table and list item put in its place. A Doc built block by block costs a call a paragraph; a
 * group's letters are dozens of Docs.
 */
import type { LetterBlock } from './letters-parts';

export type DocInsert =
  { at: number; type: 'table'; rows: string[][] } | { at: number; type: 'item'; text: string };

export interface DocPlan {
  /** The body's paragraphs, one a line. */
  lines: string[];
  /** The lines that are the title or a heading. */
  styles: { line: number; style: 'title' | 'heading' }[];
  /** Tables and list items, each with its index in the finished body, in ascending order. */
  inserts: DocInsert[];
}

/** A paragraph cannot hold a line break of its own: Docs would start a new paragraph there. */
const oneLine = (text: string): string => text.replace(/\r\n|\n/g, '\r');

/**
 * The plan for these blocks. An empty line follows each table, as Docs leaves one after a table
 * added at the end, so the letter reads as it always has.
 *
 *   [title "Hillside", paragraph "Dear…", table [[a, b]], paragraph "Yours…"]
 *   → lines ["Hillside", "Dear…", "", "Yours…"], styles [{ line: 0, style: 'title' }],
 *     inserts [{ at: 2, type: 'table', rows: [[a, b]] }]
 */
export function docPlan(blocks: readonly LetterBlock[]): DocPlan {
  const plan: DocPlan = { lines: [], styles: [], inserts: [] };
  const children = (): number => plan.lines.length + plan.inserts.length;
  for (const block of blocks) {
    switch (block.type) {
      case 'title':
      case 'heading':
        plan.styles.push({ line: plan.lines.length, style: block.type });
        plan.lines.push(oneLine(block.text));
        break;
      case 'paragraph':
        plan.lines.push(oneLine(block.text));
        break;
      case 'table':
        plan.inserts.push({ at: children(), type: 'table', rows: block.rows });
        plan.lines.push('');
        break;
      case 'list':
        for (const item of block.items) {
          plan.inserts.push({ at: children(), type: 'item', text: oneLine(item) });
        }
        break;
    }
  }
  if (plan.lines.length === 0) plan.lines.push('');
  return plan;
}
