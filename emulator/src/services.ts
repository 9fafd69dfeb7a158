/**
 * Small Apps Script services: PropertiesService, LockService, CacheService, Session, Utilities and
 * Logger. Each public method starts with `rt.call(...)` so that it is counted, checked against the
 * auth mode and open to injected faults, as every emulated service call is.
 *
 * Also home to the time-zone helpers the other services share (formatDate, trigger schedules,
 * per-day quotas), because they all need "what is the wall-clock time in the script's time zone".
 */
import * as crypto from 'node:crypto';
import { Runtime, SCOPE, ScriptError } from './core';

// ---- time zones --------------------------------------------------------------------------------

/** Wall-clock fields of an instant in a time zone. month is 1-12; weekday 0 = Sunday. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
  /** Minutes ahead of UTC (London in summer: 60). */
  offsetMinutes: number;
}

type Zone = { kind: 'iana'; id: string } | { kind: 'fixed'; offsetMinutes: number; id: string };

const zoneCache = new Map<string, Zone>();
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Java (and so Apps Script) accepts IANA ids and "GMT+01:00"-style ids, and silently falls back to
 * GMT for an id it does not know. Intl throws instead, so the id is resolved here first.
 */
function resolveZone(timeZone: string): Zone {
  const cached = zoneCache.get(timeZone);
  if (cached) return cached;
  let zone: Zone;
  const fixed = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/.exec(timeZone);
  if (fixed) {
    const minutes = Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0);
    zone = { kind: 'fixed', offsetMinutes: fixed[1] === '-' ? -minutes : minutes, id: timeZone };
  } else {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      zone = { kind: 'iana', id: timeZone };
    } catch {
      zone = { kind: 'fixed', offsetMinutes: 0, id: 'GMT' };
    }
  }
  zoneCache.set(timeZone, zone);
  return zone;
}

function formatterFor(id: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(id, f);
  }
  return f;
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const zone = resolveZone(timeZone);
  const ms = date.getTime();
  if (zone.kind === 'fixed') {
    const shifted = new Date(ms + zone.offsetMinutes * 60000);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
      second: shifted.getUTCSeconds(),
      millisecond: shifted.getUTCMilliseconds(),
      weekday: shifted.getUTCDay(),
      offsetMinutes: zone.offsetMinutes,
    };
  }
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone.id).formatToParts(date)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 1970;
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  const hour = fields.hour ?? 0;
  const minute = fields.minute ?? 0;
  const second = fields.second ?? 0;
  const millisecond = ((ms % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    offsetMinutes: Math.round((asUtc - ms) / 60000),
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows the given time. Day overflow is allowed
 * (day 32 is the 1st of next month). In a DST gap the later instant is returned.
 */
export function zonedTimeToUtc(
  wall: { year: number; month: number; day: number; hour?: number; minute?: number },
  timeZone: string,
): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0);
  // Two passes settle the offset, including on the day the clocks change.
  let guess = naive - zonedParts(new Date(naive), timeZone).offsetMinutes * 60000;
  guess = naive - zonedParts(new Date(guess), timeZone).offsetMinutes * 60000;
  return new Date(guess);
}

/** 'yyyy-MM-dd' of an instant in a time zone: the key of per-day quotas. */
export function dayKey(date: Date, timeZone: string): string {
  const p = zonedParts(date, timeZone);
  return `${p.year}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

function zoneName(date: Date, timeZone: string, style: 'short' | 'long'): string {
  const zone = resolveZone(timeZone);
  if (zone.kind === 'fixed') return gmtOffsetName(zone.offsetMinutes);
  const name = (locale: string): string =>
    new Intl.DateTimeFormat(locale, { timeZone: zone.id, timeZoneName: style })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  // en-US names American zones (EST), en-GB names British ones (BST); Java knows both.
  for (const locale of ['en-US', 'en-GB']) {
    const n = name(locale);
    if (n && !/^GMT[+-]/.test(n)) return n;
  }
  return gmtOffsetName(zonedParts(date, timeZone).offsetMinutes);
}

function gmtOffsetName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'GMT';
  const abs = Math.abs(offsetMinutes);
  return `GMT${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

function offsetText(offsetMinutes: number, style: 'Z' | 'X' | 'XX' | 'XXX'): string {
  if (style !== 'Z' && offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  if (style === 'X') return sign + hh;
  if (style === 'XXX') return `${sign}${hh}:${mm}`;
  return sign + hh + mm;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/** Java SimpleDateFormat, English (Apps Script's default locale for formatDate). */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      // '' is a literal quote; 'text' is literal text (with '' inside meaning a quote).
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      while (j < pattern.length) {
        if (pattern.charAt(j) === "'") {
          if (pattern.charAt(j + 1) === "'") {
            out += "'";
            j += 2;
            continue;
          }
          break;
        }
        out += pattern.charAt(j);
        j += 1;
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern.charAt(i + n) === ch) n += 1;
    out += formatField(ch, n, p, date, timeZone);
    i += n;
  }
  return out;
}

function formatField(ch: string, n: number, p: ZonedParts, date: Date, timeZone: string): string {
  const hour12 = p.hour % 12;
  switch (ch) {
    case 'G':
      return p.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y':
      return n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
    case 'M':
    case 'L':
      if (n >= 4) return MONTHS[p.month - 1] ?? '';
      if (n === 3) return (MONTHS[p.month - 1] ?? '').slice(0, 3);
      return pad(p.month, n);
    case 'd':
      return pad(p.day, n);
    case 'D': {
      const dayOfYear = (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(p.year, 0, 1)) / 864e5 + 1;
      return pad(dayOfYear, n);
    }
    case 'E':
      return n >= 4 ? (WEEKDAYS[p.weekday] ?? '') : (WEEKDAYS[p.weekday] ?? '').slice(0, 3);
    case 'u':
      return pad(p.weekday === 0 ? 7 : p.weekday, n);
    case 'a':
      return p.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(p.hour, n);
    case 'k':
      return pad(p.hour === 0 ? 24 : p.hour, n);
    case 'K':
      return pad(hour12, n);
    case 'h':
      return pad(hour12 === 0 ? 12 : hour12, n);
    case 'm':
      return pad(p.minute, n);
    case 's':
      return pad(p.second, n);
    case 'S':
      return pad(p.millisecond, n);
    case 'z':
      return zoneName(date, timeZone, n >= 4 ? 'long' : 'short');
    case 'Z':
      return offsetText(p.offsetMinutes, 'Z');
    case 'X':
      return offsetText(p.offsetMinutes, n === 1 ? 'X' : n === 2 ? 'XX' : 'XXX');
    case 'w':
    case 'W':
    case 'F':
      // Legal in Java but unused by this add-on: say so rather than print something wrong.
      throw new ScriptError(`The emulator does not implement the date pattern letter '${ch}'.`);
    default:
      throw new ScriptError(`Illegal pattern character '${ch}'`);
  }
}

// ---- argument checks ---------------------------------------------------------------------------

/** How Apps Script names an argument's type in a signature error (plain values and Blobs). */
export function typeNameOf(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) {
    const names = new Set(value.map(typeNameOf));
    return `${names.size === 1 ? [...names][0] : 'Object'}[]`;
  }
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'function') return 'Function';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  if (value instanceof Blob) return 'Blob';
  return 'Object';
}

function signatureError(method: string, args: readonly unknown[]): ScriptError {
  return new ScriptError(
    `The parameters (${args.map(typeNameOf).join(',')}) don't match the method signature for ${method}.`,
  );
}

type Kind = (value: unknown) => boolean;
const isString: Kind = (v) => typeof v === 'string';
const isNumber: Kind = (v) => typeof v === 'number' && Number.isFinite(v);
/** A Java byte[]: an array of numbers (Apps Script's own are -128..127). */
const isBytes: Kind = (v) => Array.isArray(v) && v.every((b) => typeof b === 'number');
const isCharset: Kind = (v) => v === 'US_ASCII' || v === 'UTF_8';

/** Which of the signatures the arguments match (its index); throws Apps Script's error if none. */
function overload(method: string, args: readonly unknown[], ...signatures: Kind[][]): number {
  const index = signatures.findIndex(
    (kinds) => kinds.length === args.length && kinds.every((kind, i) => kind(args[i])),
  );
  if (index < 0) throw signatureError(method, args);
  return index;
}

// ---- bytes and blobs ---------------------------------------------------------------------------

/** Apps Script byte arrays are Java bytes: signed, -128..127. */
export function toSignedBytes(buffer: Buffer): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

/**
 * A string's bytes in a Utilities.Charset, as Java's String.getBytes: under US_ASCII each
 * character outside ASCII becomes "?".
 */
export function encodeString(text: string, charset: string = 'UTF_8'): Buffer {
  if (charset !== 'US_ASCII') return Buffer.from(text, 'utf8');
  return Buffer.from(
    Array.from(text, (ch) => ((ch.codePointAt(0) ?? 63) < 128 ? ch.charCodeAt(0) : 63)),
  );
}

export function toBuffer(data: unknown, charset?: string): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.from(data.map((b) => Number(b) & 255));
  if (data instanceof Blob) return Buffer.from(data.bytes);
  return encodeString(String(data), charset);
}

/** Java charset names (as Blob.getDataAsString takes them) that the emulator decodes. */
function decodeBytes(bytes: Buffer, charset: string): string {
  const name = charset.toUpperCase().replace(/_/g, '-');
  if (name === 'UTF-8' || name === 'UTF8') return bytes.toString('utf8');
  if (name === 'US-ASCII' || name === 'ASCII') {
    return Array.from(bytes, (b) => (b < 128 ? String.fromCharCode(b) : '\uFFFD')).join('');
  }
  if (name === 'ISO-8859-1' || name === 'LATIN1') return bytes.toString('latin1');
  if (name === 'UTF-16LE') return bytes.toString('utf16le');
  if (name === 'UTF-16BE' || name === 'UTF-16') {
    const swapped = Buffer.from(bytes);
    if (swapped.length % 2 === 0) swapped.swap16();
    const text = swapped.toString('utf16le');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
  throw new ScriptError(`The emulator does not know the charset ${charset}.`);
}

/** File extensions Blob.getAs gives a converted blob's name. */
const CONVERSION_EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/bmp': 'bmp',
  'image/gif': 'gif',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};
const IMAGE_TYPES = ['image/bmp', 'image/gif', 'image/jpeg', 'image/png'];

/** Content types setContentTypeFromExtension knows. */
const EXTENSION_TYPES: Record<string, string> = {
  txt: 'text/plain',
  text: 'text/plain',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  xml: 'text/xml',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  zip: 'application/zip',
};

/** Apps Script's Blob: bytes, a content type and a name. */
export class Blob {
  constructor(
    public bytes: Buffer,
    private contentType: string | null = null,
    private name: string | null = null,
  ) {}
  getBytes(): number[] {
    return toSignedBytes(this.bytes);
  }
  setBytes(...args: unknown[]): Blob {
    overload('Blob.setBytes', args, [isBytes]);
    this.bytes = toBuffer(args[0]);
    return this;
  }
  /** getDataAsString() is UTF-8; getDataAsString(charset) takes a charset name, e.g. "ISO-8859-1". */
  getDataAsString(...args: unknown[]): string {
    const form = overload('Blob.getDataAsString', args, [], [isString]);
    return form === 0 ? this.bytes.toString('utf8') : decodeBytes(this.bytes, args[0] as string);
  }
  setDataFromString(...args: unknown[]): Blob {
    const form = overload('Blob.setDataFromString', args, [isString], [isString, isString]);
    const text = args[0] as string;
    if (form === 0) this.bytes = Buffer.from(text, 'utf8');
    else {
      const charset = (args[1] as string).toUpperCase().replace(/_/g, '-');
      this.bytes =
        charset === 'US-ASCII' || charset === 'ASCII'
          ? encodeString(text, 'US_ASCII')
          : charset === 'ISO-8859-1'
            ? Buffer.from(text, 'latin1')
            : Buffer.from(text, 'utf8');
    }
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(...args: unknown[]): Blob {
    overload('Blob.setContentType', args, [(v) => v === null || isString(v)]);
    this.contentType = args[0] as string | null;
    return this;
  }
  /** The content type from the name's extension; null when it cannot be guessed. */
  setContentTypeFromExtension(): Blob {
    const extension = /\.([^.]+)$/.exec(this.name ?? '')?.[1]?.toLowerCase() ?? '';
    this.contentType = EXTENSION_TYPES[extension] ?? null;
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(...args: unknown[]): Blob {
    overload('Blob.setName', args, [(v) => v === null || isString(v)]);
    this.name = args[0] as string | null;
    return this;
  }
  copyBlob(): Blob {
    return new Blob(Buffer.from(this.bytes), this.contentType, this.name);
  }
  /**
   * As Apps Script documents it: most blobs convert only to "application/pdf", images also to
   * another image type; the name's extension becomes the new type's ("a.txt" -> "a.pdf"). The
   * emulator relabels the bytes; it does not render them.
   */
  getAs(...args: unknown[]): Blob {
    overload('Blob.getAs', args, [isString]);
    const target = args[0] as string;
    const from = this.contentType;
    const allowed =
      target === 'application/pdf' ||
      (IMAGE_TYPES.includes(target) && from !== null && IMAGE_TYPES.includes(from));
    if (!allowed) throw new ScriptError(`Converting from ${from} to ${target} is not supported.`);
    const extension = CONVERSION_EXTENSIONS[target];
    let name = this.name;
    if (name !== null && extension && target !== from) {
      const dot = name.lastIndexOf('.');
      name = `${dot > 0 ? name.slice(0, dot) : name}.${extension}`;
    }
    return new Blob(Buffer.from(this.bytes), target, name);
  }
  getBlob(): Blob {
    return this;
  }
  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith('application/vnd.google-apps.');
  }
}

// ---- PropertiesService -------------------------------------------------------------------------

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;

/** One property store. The store is looked up on each call, so a reloaded state is seen at once. */
export class Properties {
  constructor(
    private readonly rt: Runtime,
    private readonly store: () => Record<string, string>,
  ) {}

  private call(method: string, kind: 'read' | 'write'): void {
    this.rt.call(`PropertiesService.Properties.${method}`, { kind });
  }

  getProperty(key: string): string | null {
    this.call('getProperty', 'read');
    const store = this.store();
    return Object.prototype.hasOwnProperty.call(store, String(key))
      ? (store[String(key)] ?? null)
      : null;
  }

  getProperties(): Record<string, string> {
    this.call('getProperties', 'read');
    return { ...this.store() };
  }

  getKeys(): string[] {
    this.call('getKeys', 'read');
    return Object.keys(this.store());
  }

  setProperty(key: string, value: unknown): Properties {
    this.call('setProperty', 'write');
    this.write({ [checkKey(key)]: String(value) }, false);
    this.rt.afterCall('PropertiesService.Properties.setProperty');
    return this;
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): Properties {
    this.call('setProperties', 'write');
    const entries: Record<string, string> = {};
    for (const [k, v] of Object.entries(properties ?? {})) entries[checkKey(k)] = String(v);
    this.write(entries, deleteAllOthers);
    this.rt.afterCall('PropertiesService.Properties.setProperties');
    return this;
  }

  deleteProperty(key: string): Properties {
    this.call('deleteProperty', 'write');
    delete this.store()[String(key)];
    return this;
  }

  deleteAllProperties(): Properties {
    this.call('deleteAllProperties', 'write');
    const store = this.store();
    for (const k of Object.keys(store)) delete store[k];
    return this;
  }

  /** Checks every limit before changing anything, so a refused write leaves the store as it was. */
  private write(entries: Record<string, string>, replaceAll: boolean): void {
    for (const value of Object.values(entries)) {
      if (Buffer.byteLength(value) > PROPERTY_VALUE_LIMIT) {
        throw new ScriptError('Argument too large: value');
      }
    }
    const store = this.store();
    const next = replaceAll ? { ...entries } : { ...store, ...entries };
    let size = 0;
    for (const [k, v] of Object.entries(next)) size += Buffer.byteLength(k) + Buffer.byteLength(v);
    if (size > PROPERTY_STORE_LIMIT) {
      throw new ScriptError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    if (replaceAll) for (const k of Object.keys(store)) delete store[k];
    Object.assign(store, entries);
  }
}

function checkKey(key: unknown): string {
  if (key === null || key === undefined || key === '')
    throw new ScriptError('Invalid argument: key');
  return String(key);
}

export function createPropertiesService(rt: Runtime) {
  return {
    getScriptProperties(): Properties {
      rt.call('PropertiesService.getScriptProperties');
      return new Properties(rt, () => rt.state.properties.script);
    },
    getDocumentProperties(): Properties {
      rt.call('PropertiesService.getDocumentProperties');
      return new Properties(rt, () => rt.state.properties.document);
    },
    getUserProperties(): Properties {
      rt.call('PropertiesService.getUserProperties');
      // The store belongs to the user running the script when it was fetched.
      const user = rt.user;
      return new Properties(rt, () => (rt.state.properties.user[user] ??= {}));
    },
  };
}

// ---- LockService -------------------------------------------------------------------------------

/**
 * A mutual-exclusion lock. The emulator runs one execution at a time, so a lock held by another
 * execution (see Emulator.holdLock) can never be released while we wait: acquisition fails after
 * the timeout, which the emulated clock passes at once.
 */
export class Lock {
  constructor(
    private readonly rt: Runtime,
    private readonly name: string,
  ) {}

  private get holder(): string {
    return this.rt.execution?.id ?? 'no-execution';
  }

  tryLock(...args: unknown[]): boolean {
    this.rt.call('LockService.Lock.tryLock');
    overload('LockService.Lock.tryLock', args, [isNumber]);
    return this.acquire(args[0] as number);
  }

  waitLock(...args: unknown[]): void {
    this.rt.call('LockService.Lock.waitLock');
    overload('LockService.Lock.waitLock', args, [isNumber]);
    if (!this.acquire(args[0] as number)) {
      throw new ScriptError('Lock timeout: another process was holding the lock for too long.');
    }
  }

  hasLock(): boolean {
    this.rt.call('LockService.Lock.hasLock');
    return this.rt.locks.get(this.name) === this.holder;
  }

  releaseLock(): void {
    this.rt.call('LockService.Lock.releaseLock');
    if (this.rt.locks.get(this.name) !== this.holder) return; // no effect when not held, as documented
    this.rt.locks.delete(this.name);
    this.rt.execution?.heldLocks.delete(this.name);
  }

  /**
   * Another execution's lock is never released while we wait (one execution runs at a time), so
   * the script waits out its whole timeout: the emulated clock moves on by it, at once.
   */
  private acquire(timeoutInMillis: number): boolean {
    const current = this.rt.locks.get(this.name);
    if (current !== undefined && current !== this.holder) {
      this.rt.advanceClock(timeoutInMillis);
      return false;
    }
    this.rt.locks.set(this.name, this.holder);
    this.rt.execution?.heldLocks.add(this.name);
    return true;
  }
}

export function createLockService(rt: Runtime) {
  return {
    getDocumentLock(): Lock {
      rt.call('LockService.getDocumentLock');
      return new Lock(rt, 'document');
    },
    getScriptLock(): Lock {
      rt.call('LockService.getScriptLock');
      return new Lock(rt, 'script');
    },
    getUserLock(): Lock {
      rt.call('LockService.getUserLock');
      return new Lock(rt, `user:${rt.user}`);
    },
  };
}

// ---- CacheService ------------------------------------------------------------------------------

interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** Caches live as long as the Runtime (like Google's, they are not durable), keyed by store name. */
const caches = new WeakMap<Runtime, Map<string, Map<string, CacheEntry>>>();

const CACHE_VALUE_LIMIT = 100 * 1024;
const CACHE_KEY_LIMIT = 250;
const CACHE_DEFAULT_SECONDS = 600;
const CACHE_MAX_SECONDS = 21600;

export class Cache {
  constructor(
    private readonly rt: Runtime,
    private readonly entries: Map<string, CacheEntry>,
  ) {}

  get(key: string): string | null {
    this.rt.call('CacheService.Cache.get', { kind: 'read' });
    return this.read(key);
  }

  getAll(keys: string[]): Record<string, string> {
    this.rt.call('CacheService.Cache.getAll', { kind: 'read' });
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.read(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: unknown, expirationInSeconds?: number): void {
    this.rt.call('CacheService.Cache.put', { kind: 'write' });
    this.write({ [key]: value }, expirationInSeconds);
  }

  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    this.rt.call('CacheService.Cache.putAll', { kind: 'write' });
    this.write(values, expirationInSeconds);
  }

  remove(key: string): void {
    this.rt.call('CacheService.Cache.remove', { kind: 'write' });
    this.entries.delete(String(key));
  }

  removeAll(keys: string[]): void {
    this.rt.call('CacheService.Cache.removeAll', { kind: 'write' });
    for (const key of keys) this.entries.delete(String(key));
  }

  private read(key: string): string | null {
    const entry = this.entries.get(String(key));
    if (!entry) return null;
    if (entry.expiresAt <= this.rt.now().getTime()) {
      this.entries.delete(String(key));
      return null;
    }
    return entry.value;
  }

  private write(values: Record<string, unknown>, expirationInSeconds?: number): void {
    const checked = Object.entries(values).map(([key, value]) => {
      if (key.length > CACHE_KEY_LIMIT) throw new ScriptError('Argument too large: key');
      const text = String(value);
      if (Buffer.byteLength(text) > CACHE_VALUE_LIMIT)
        throw new ScriptError('Argument too large: value');
      return [key, text] as const;
    });
    const seconds = Math.min(
      Math.max(expirationInSeconds ?? CACHE_DEFAULT_SECONDS, 1),
      CACHE_MAX_SECONDS,
    );
    const expiresAt = this.rt.now().getTime() + seconds * 1000;
    for (const [key, value] of checked) this.entries.set(key, { value, expiresAt });
  }
}

export function createCacheService(rt: Runtime) {
  const store = (name: string): Map<string, CacheEntry> => {
    let stores = caches.get(rt);
    if (!stores) caches.set(rt, (stores = new Map()));
    let entries = stores.get(name);
    if (!entries) stores.set(name, (entries = new Map()));
    return entries;
  };
  return {
    getScriptCache(): Cache {
      rt.call('CacheService.getScriptCache');
      return new Cache(rt, store('script'));
    },
    getDocumentCache(): Cache {
      rt.call('CacheService.getDocumentCache');
      return new Cache(rt, store('document'));
    },
    getUserCache(): Cache {
      rt.call('CacheService.getUserCache');
      return new Cache(rt, store(`user:${rt.user}`));
    },
  };
}

// ---- Session -----------------------------------------------------------------------------------

export class User {
  constructor(
    private readonly rt: Runtime,
    private readonly email: string,
  ) {}
  /** Reading the address needs the userinfo.email scope, as in Apps Script. */
  getEmail(): string {
    this.rt.call('Session.User.getEmail', { scopes: [SCOPE.USERINFO_EMAIL] });
    return this.email;
  }
  /** Apps Script prints a User as its email address (still subject to the scope). */
  toString(): string {
    return this.getEmail();
  }
}

export function createSession(rt: Runtime) {
  return {
    getActiveUser(): User {
      rt.call('Session.getActiveUser', { minAuthMode: 'NONE' });
      return new User(rt, rt.user);
    },
    /** The user whose authority the script runs under: for a trigger, its owner (already rt.user). */
    getEffectiveUser(): User {
      rt.call('Session.getEffectiveUser', { minAuthMode: 'NONE' });
      return new User(rt, rt.user);
    },
    getScriptTimeZone(): string {
      rt.call('Session.getScriptTimeZone', { minAuthMode: 'NONE' });
      return rt.timeZone;
    },
    getActiveUserLocale(): string {
      rt.call('Session.getActiveUserLocale', { minAuthMode: 'NONE' });
      return 'en_GB';
    },
    /** Stable per user and script, and not the email address itself. */
    getTemporaryActiveUserKey(): string {
      rt.call('Session.getTemporaryActiveUserKey', { minAuthMode: 'NONE' });
      return crypto
        .createHash('sha256')
        .update(`${rt.state.spreadsheet.id}|${rt.user}`)
        .digest('base64')
        .slice(0, 43);
    },
  };
}

// ---- Utilities ---------------------------------------------------------------------------------

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** sprintf as Utilities.formatString does it: %s %d %i %f %x %o %e and %%, with flags/width/precision. */
export function formatString(template: string, args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    /%(?:(\d+)\$)?([-+0 #]*)(\d+)?(?:\.(\d+))?([sdifxXoeE%])/g,
    (
      _m,
      index: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return '%';
      const arg = index ? args[Number(index) - 1] : args[next++];
      let text: string;
      const num = Number(arg);
      switch (conv) {
        case 'd':
        case 'i':
          text = String(Math.trunc(num));
          break;
        case 'f':
          text = num.toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
        case 'E':
          text = num.toExponential(precision === undefined ? 6 : Number(precision));
          if (conv === 'E') text = text.toUpperCase();
          break;
        case 'x':
          text = Math.trunc(num).toString(16);
          break;
        case 'X':
          text = Math.trunc(num).toString(16).toUpperCase();
          break;
        case 'o':
          text = Math.trunc(num).toString(8);
          break;
        default:
          text = String(arg);
          if (precision !== undefined) text = text.slice(0, Number(precision));
      }
      if (conv !== 's' && flags.includes('+') && num >= 0) text = '+' + text;
      const w = Number(width ?? 0);
      if (text.length < w) {
        if (flags.includes('-')) text = text.padEnd(w);
        else if (flags.includes('0') && conv !== 's') {
          const sign = /^[+-]/.test(text) ? text.charAt(0) : '';
          text = sign + text.slice(sign.length).padStart(w - sign.length, '0');
        } else text = text.padStart(w);
      }
      return text;
    },
  );
}

export function createUtilities(rt: Runtime) {
  const call = (method: string): string => {
    rt.call(`Utilities.${method}`, { minAuthMode: 'NONE' });
    return `Utilities.${method}`;
  };
  /** (String), (String, Charset) or (Byte[]): the bytes to encode, hash or sign. */
  const dataBytes = (method: string, args: unknown[]): Buffer => {
    overload(method, args, [isBytes], [isString], [isString, isCharset]);
    return toBuffer(args[0], args[1] as string | undefined);
  };
  const hmac = (algorithm: string, value: Buffer, key: Buffer): number[] =>
    toSignedBytes(crypto.createHmac(algorithm, key).update(value).digest());
  return {
    Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
    DigestAlgorithm: {
      MD2: 'MD2',
      MD5: 'MD5',
      SHA_1: 'SHA_1',
      SHA_256: 'SHA_256',
      SHA_384: 'SHA_384',
      SHA_512: 'SHA_512',
    },
    MacAlgorithm: {
      HMAC_MD5: 'HMAC_MD5',
      HMAC_SHA_1: 'HMAC_SHA_1',
      HMAC_SHA_256: 'HMAC_SHA_256',
      HMAC_SHA_384: 'HMAC_SHA_384',
      HMAC_SHA_512: 'HMAC_SHA_512',
    },
    formatDate(date: Date, timeZone: string, format: string): string {
      call('formatDate');
      // Checked by tag, not instanceof: a Date may come from the script's own realm.
      if (
        Object.prototype.toString.call(date) !== '[object Date]' ||
        Number.isNaN(date.getTime())
      ) {
        throw new ScriptError('Invalid argument: date');
      }
      return formatJavaDate(date, String(timeZone), String(format));
    },
    formatString(template: string, ...args: unknown[]): string {
      call('formatString');
      return formatString(template, args);
    },
    getUuid(): string {
      call('getUuid');
      return crypto.randomUUID();
    },
    /** base64Encode(Byte[]), (String) or (String, Charset). */
    base64Encode(...args: unknown[]): string {
      const method = call('base64Encode');
      return dataBytes(method, args).toString('base64');
    },
    base64EncodeWebSafe(...args: unknown[]): string {
      const method = call('base64EncodeWebSafe');
      return dataBytes(method, args).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(...args: unknown[]): number[] {
      const method = call('base64Decode');
      overload(method, args, [isString], [isString, isCharset]);
      return toSignedBytes(Buffer.from(args[0] as string, 'base64'));
    },
    base64DecodeWebSafe(...args: unknown[]): number[] {
      const method = call('base64DecodeWebSafe');
      overload(method, args, [isString], [isString, isCharset]);
      return toSignedBytes(Buffer.from(args[0] as string, 'base64url'));
    },
    /** computeDigest(algorithm, Byte[]), (algorithm, String) or (algorithm, String, Charset). */
    computeDigest(...args: unknown[]): number[] {
      const method = call('computeDigest');
      const isAlgorithm: Kind = (v) => typeof v === 'string' && (v in DIGESTS || v === 'MD2');
      overload(
        method,
        args,
        [isAlgorithm, isBytes],
        [isAlgorithm, isString],
        [isAlgorithm, isString, isCharset],
      );
      const name = DIGESTS[args[0] as string];
      if (!name)
        throw new ScriptError(`The emulator does not support the digest ${String(args[0])}.`);
      const bytes = toBuffer(args[1], args[2] as string | undefined);
      return toSignedBytes(crypto.createHash(name).update(bytes).digest());
    },
    /** (String value, String key), (String, String, Charset) or (Byte[] value, Byte[] key). */
    computeHmacSha256Signature(...args: unknown[]): number[] {
      const method = call('computeHmacSha256Signature');
      overload(
        method,
        args,
        [isBytes, isBytes],
        [isString, isString],
        [isString, isString, isCharset],
      );
      const charset = args[2] as string | undefined;
      return hmac('sha256', toBuffer(args[0], charset), toBuffer(args[1], charset));
    },
    /** computeHmacSignature(algorithm, value, key[, charset]), values as computeHmacSha256Signature. */
    computeHmacSignature(...args: unknown[]): number[] {
      const method = call('computeHmacSignature');
      const isMac: Kind = (v) => typeof v === 'string' && v in MACS;
      overload(
        method,
        args,
        [isMac, isBytes, isBytes],
        [isMac, isString, isString],
        [isMac, isString, isString, isCharset],
      );
      const charset = args[3] as string | undefined;
      const algorithm = MACS[args[0] as string] ?? 'sha256';
      return hmac(algorithm, toBuffer(args[1], charset), toBuffer(args[2], charset));
    },
    /**
     * newBlob(data[, contentType[, name]]): data a String or Byte[]. A blob made from a string is
     * text/plain; from bytes it has no content type until one is given.
     */
    newBlob(...args: unknown[]): Blob {
      const method = call('newBlob');
      const optional = (v: unknown) => v === null || isString(v);
      const form = overload(
        method,
        args,
        [isString],
        [isString, optional],
        [isString, optional, optional],
        [isBytes],
        [isBytes, optional],
        [isBytes, optional, optional],
      );
      const fromString = form < 3;
      const contentType =
        (args[1] as string | null | undefined) ?? (fromString ? 'text/plain' : null);
      return new Blob(
        toBuffer(args[0]),
        contentType,
        (args[2] as string | null | undefined) ?? null,
      );
    },
    /**
     * Sleeping moves the emulated clock on by the time asked for, at once: caches expire and
     * triggers fall due as they would after a real wait, and tests stay fast and deterministic.
     */
    sleep(...args: unknown[]): void {
      const method = call('sleep');
      overload(method, args, [isNumber]);
      rt.advanceClock(Math.trunc(args[0] as number));
    },
  };
}

// ---- Logger ------------------------------------------------------------------------------------

const logs = new WeakMap<Runtime, string[]>();

export function createLogger(rt: Runtime) {
  const buffer = (): string[] => {
    let lines = logs.get(rt);
    if (!lines) logs.set(rt, (lines = []));
    return lines;
  };
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      rt.call('Logger.log', { minAuthMode: 'NONE', kind: 'other' });
      const line =
        values.length > 0
          ? formatString(String(data), values)
          : typeof data === 'object' && data !== null && !(data instanceof Date)
            ? JSON.stringify(data)
            : String(data);
      buffer().push(line);
      if (process.env.EMULATOR_LOG) console.log(line);
      return logger;
    },
    getLog(): string {
      rt.call('Logger.getLog', { minAuthMode: 'NONE', kind: 'other' });
      return buffer().join('\n');
    },
    clear(): void {
      rt.call('Logger.clear', { minAuthMode: 'NONE', kind: 'other' });
      buffer().length = 0;
    },
  };
  return logger;
}
