/**
 * Building blocks of the Staff and Provision library forms: the field rules both schemas use
 * (email and web addresses, pounds, optional whole numbers), money shown as "£18.50", and how a
 * row is read back into a form.
 */
import * as z from 'zod';
import { optionalText, requiredText, type FieldErrors } from './schema-helpers';

const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A plain email address: something@somewhere.tld, no spaces. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** A web address starting http:// or https:// with a dotted host name, no spaces. */
const WEB_ADDRESS =
  /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?(?:[/?#]\S*)?$/i;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

export function isWebAddress(text: string): boolean {
  return WEB_ADDRESS.test(text.trim());
}

export function emailAddress(label: string) {
  return requiredText(label, 254).refine(isEmailAddress, {
    error: `${label}: enter a full email address, like name@school.org.uk`,
  });
}

/** An optional http(s) link: other kinds (javascript:, file:, ftp:) are refused. */
export function webAddress(label: string) {
  return optionalText(label, 500).refine((v) => v === '' || isWebAddress(v), {
    error: `${label}: enter a web address starting with https:// (or http://), like https://educationendowmentfoundation.org.uk`,
  });
}

/** "£1,000.00": pounds with pence, as money is shown everywhere to staff. */
export function formatPounds(amount: number): string {
  const [whole = '0', pence = '00'] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}£${grouped}.${pence}`;
}

/**
 * An optional amount in pounds, typed as "18.50", "£18.50" or "1,000", or sent as a number; at most
 * two decimal places (pence). Blank becomes undefined (an empty cell).
 */
export function pounds(label: string, min: number, max: number) {
  const range = `${label}: enter an amount from ${formatPounds(min)} to ${formatPounds(max)}`;
  return z
    .unknown()
    .transform((value, ctx): number | undefined => {
      if (blank(value)) return undefined;
      let amount: number;
      if (typeof value === 'number') {
        amount = value;
      } else if (typeof value === 'string') {
        const text = value.trim().replace(/^£\s*/, '');
        if (/^-\s*£?\s*\d/.test(text)) {
          ctx.addIssue({ code: 'custom', message: range });
          return z.NEVER;
        }
        const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replace(/,/g, '') : text;
        if (!/^(\d+(\.\d*)?|\.\d+)$/.test(plain)) {
          ctx.addIssue({
            code: 'custom',
            message: `${label}: enter an amount in pounds, like 18.50`,
          });
          return z.NEVER;
        }
        if (/\.\d{3,}$/.test(plain)) {
          ctx.addIssue({
            code: 'custom',
            message: `${label}: use pounds and pence, with at most 2 numbers after the point, like 18.50`,
          });
          return z.NEVER;
        }
        amount = Number(plain);
      } else {
        ctx.addIssue({
          code: 'custom',
          message: `${label}: enter an amount in pounds, like 18.50`,
        });
        return z.NEVER;
      }
      if (!Number.isFinite(amount) || amount < min || amount > max) {
        ctx.addIssue({ code: 'custom', message: range });
        return z.NEVER;
      }
      if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}: use pounds and pence, with at most 2 numbers after the point, like 18.50`,
        });
        return z.NEVER;
      }
      return Math.round(amount * 100) / 100;
    })
    .optional();
}

/** An optional whole number; blank becomes undefined (an empty cell). */
export function optionalWholeNumber(label: string, min: number, max: number) {
  const range = `${label}: enter a whole number from ${min} to ${max}, or leave it blank`;
  return z
    .unknown()
    .transform((value, ctx): number | undefined => {
      if (blank(value)) return undefined;
      const n = typeof value === 'string' ? Number(value.trim()) : value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: range });
        return z.NEVER;
      }
      return n;
    })
    .optional();
}

export function goneFromTab(what: string, tab: string): FieldErrors {
  return {
    form: `This ${what} is no longer on the ${tab} tab (someone may have deleted the row). Choose it again from the list, or add it as new.`,
  };
}

/** The part of a read row this file needs (the store's Row has it): cells by header name. */
export interface CellReader {
  readonly id: string;
  text(header: string): string;
  number(header: string): number | undefined;
}

/** A money cell as the form shows it: 18.5 → "18.50"; text typed by hand stays as it is. */
export function moneyText(row: CellReader, header: string): string {
  const text = row.text(header);
  const n = row.number(header);
  return n !== undefined && /^-?[\d.]+(e[+-]?\d+)?$/i.test(text) ? n.toFixed(2) : text;
}
