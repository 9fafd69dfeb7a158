import * as crypto from 'node:crypto';
import { Runtime, SCOPE, type AuthMode } from '../../emulator/src/core';
import { emptyState, serializeState } from '../../emulator/src/state';
import {
  createCacheService,
  createLockService,
  createLogger,
  createPropertiesService,
  createSession,
  createUtilities,
} from '../../emulator/src/services';

const USER = 'senco@school.example';

function setup(options: { scopes?: string[]; authMode?: AuthMode; now?: Date } = {}) {
  const clock = { current: options.now ?? new Date('2025-06-02T09:00:00Z') };
  const rt = new Runtime(
    emptyState(),
    { now: () => new Date(clock.current.getTime()) },
    USER,
    new Set(options.scopes ?? []),
    '/tmp',
  );
  rt.execution = {
    id: 'e1',
    functionName: 'f',
    kind: 'api',
    user: rt.user,
    authMode: options.authMode ?? 'FULL',
    startedAt: clock.current,
    uiEvents: [],
    heldLocks: new Set(),
  };
  const advance = (ms: number) => {
    clock.current = new Date(clock.current.getTime() + ms);
  };
  return { rt, advance };
}

describe('PropertiesService', () => {
  it('keeps script, document and per-user stores apart, as strings', () => {
    const { rt } = setup();
    const props = createPropertiesService(rt);
    props.getScriptProperties().setProperty('count', 42 as unknown as string);
    props.getDocumentProperties().setProperty('count', 'doc');
    props.getUserProperties().setProperty('count', 'mine');

    expect(props.getScriptProperties().getProperty('count')).toBe('42');
    expect(props.getDocumentProperties().getProperty('count')).toBe('doc');
    expect(props.getUserProperties().getProperty('count')).toBe('mine');
    expect(props.getScriptProperties().getProperty('missing')).toBeNull();

    rt.user = 'teacher@school.example';
    expect(props.getUserProperties().getProperty('count')).toBeNull();
    expect(rt.state.properties.user[USER]).toEqual({ count: 'mine' });
  });

  it('sets, lists and deletes properties, with deleteAllOthers', () => {
    const { rt } = setup();
    const store = createPropertiesService(rt).getDocumentProperties();
    store.setProperties({ a: '1', b: '2' });
    expect(store.getKeys().sort()).toEqual(['a', 'b']);
    store.setProperties({ c: '3' }, true);
    expect(store.getProperties()).toEqual({ c: '3' });
    store.setProperty('d', '4').deleteProperty('c');
    expect(store.getProperties()).toEqual({ d: '4' });
    store.deleteAllProperties();
    expect(store.getKeys()).toEqual([]);
    expect(rt.state.properties.document).toEqual({});
  });

  it('refuses a value over 9 KB and a store over 500 KB, changing nothing', () => {
    const { rt } = setup();
    const store = createPropertiesService(rt).getScriptProperties();
    store.setProperty('keep', 'yes');
    expect(() => store.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    expect(() => store.setProperties({ ok: 'fine', big: 'x'.repeat(10000) })).toThrow(
      'Argument too large',
    );
    expect(store.getProperties()).toEqual({ keep: 'yes' });

    const chunk = 'y'.repeat(9000);
    for (let i = 0; i < 56; i += 1) store.setProperty(`k${i}`, chunk);
    expect(() => store.setProperty('one-too-many', chunk)).toThrow(/property storage quota/);
    expect(store.getProperty('one-too-many')).toBeNull();
  });

  it('throws in AuthMode.NONE (onOpen before the add-on is used)', () => {
    const { rt } = setup({ authMode: 'NONE' });
    expect(() => createPropertiesService(rt).getDocumentProperties()).toThrow(/permission/);
  });

  it('counts each call and honours injected faults', () => {
    const { rt } = setup();
    const store = createPropertiesService(rt).getScriptProperties();
    store.getProperty('a');
    store.getProperty('b');
    expect(rt.calls.get('PropertiesService.Properties.getProperty')).toBe(2);
    rt.injectFault({
      method: 'PropertiesService.Properties.setProperty',
      message: 'Service unavailable',
    });
    expect(() => store.setProperty('a', '1')).toThrow('Service unavailable');
    store.setProperty('a', '1');
    expect(store.getProperty('a')).toBe('1');
  });
});

describe('LockService', () => {
  it('acquires, reports and releases the document lock for this execution', () => {
    const { rt } = setup();
    const lock = createLockService(rt).getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
    expect(rt.locks.get('document')).toBe('e1');
    expect(rt.execution?.heldLocks.has('document')).toBe(true);
    // Getting it again in the same execution succeeds.
    expect(createLockService(rt).getDocumentLock().tryLock(1000)).toBe(true);
    lock.releaseLock();
    expect(rt.locks.has('document')).toBe(false);
    expect(rt.execution?.heldLocks.has('document')).toBe(false);
  });

  it('fails, after the timeout, when another execution holds the lock', () => {
    const { rt } = setup();
    rt.locks.set('document', 'other-execution');
    const lock = createLockService(rt).getDocumentLock();
    expect(lock.tryLock(30000)).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(lock.hasLock()).toBe(false);
    lock.releaseLock(); // no effect: not ours
    expect(rt.locks.get('document')).toBe('other-execution');
    // Other locks are independent.
    expect(createLockService(rt).getScriptLock().tryLock(0)).toBe(true);
    expect(rt.locks.get('script')).toBe('e1');
  });

  it('names user locks by user and lets faults be injected on waitLock', () => {
    const { rt } = setup();
    createLockService(rt).getUserLock().waitLock(1000);
    expect(rt.locks.get(`user:${USER}`)).toBe('e1');
    rt.injectFault({ method: 'LockService.Lock.waitLock', message: 'Lock timeout: injected' });
    expect(() => createLockService(rt).getScriptLock().waitLock(1000)).toThrow(
      'Lock timeout: injected',
    );
  });
});

describe('CacheService', () => {
  it('stores strings that expire after 10 minutes by default', () => {
    const { rt, advance } = setup();
    const cache = createCacheService(rt).getScriptCache();
    cache.put('k', 5 as unknown as string);
    expect(cache.get('k')).toBe('5');
    advance(599 * 1000);
    expect(cache.get('k')).toBe('5');
    advance(2000);
    expect(cache.get('k')).toBeNull();
  });

  it('caps the expiry at 6 hours and honours shorter ones', () => {
    const { rt, advance } = setup();
    const cache = createCacheService(rt).getDocumentCache();
    cache.put('long', 'v', 999999);
    cache.put('short', 'v', 5);
    advance(6000);
    expect(cache.get('short')).toBeNull();
    advance(6 * 3600 * 1000 - 7000);
    expect(cache.get('long')).toBe('v');
    advance(2000);
    expect(cache.get('long')).toBeNull();
  });

  it('handles getAll/putAll/remove/removeAll and refuses values over 100 KB', () => {
    const { rt } = setup();
    const cache = createCacheService(rt).getUserCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    expect(cache.getAll(['a', 'b', 'zz'])).toEqual({ a: '1', b: '2' });
    cache.remove('a');
    cache.removeAll(['b']);
    expect(cache.getAll(['a', 'b', 'c'])).toEqual({ c: '3' });
    expect(() => cache.put('big', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    expect(cache.get('big')).toBeNull();
  });

  it('keeps user caches apart and never persists them', () => {
    const { rt } = setup();
    const service = createCacheService(rt);
    service.getUserCache().put('k', 'senco');
    rt.user = 'teacher@school.example';
    expect(service.getUserCache().get('k')).toBeNull();
    service.getScriptCache().put('secret-key', 'cached');
    expect(serializeState(rt.state)).not.toContain('secret-key');
  });
});

describe('Session', () => {
  it('gives the active user email only with the userinfo.email scope', () => {
    const withScope = setup({ scopes: [SCOPE.USERINFO_EMAIL] });
    expect(createSession(withScope.rt).getActiveUser().getEmail()).toBe(USER);
    expect(createSession(withScope.rt).getEffectiveUser().getEmail()).toBe(USER);
    expect(String(createSession(withScope.rt).getActiveUser())).toBe(USER);

    const without = setup();
    expect(() => createSession(without.rt).getActiveUser().getEmail()).toThrow(
      /Specified permissions are not sufficient/,
    );
  });

  it('reports the script time zone, locale and a stable opaque user key', () => {
    const { rt } = setup();
    const session = createSession(rt);
    expect(session.getScriptTimeZone()).toBe('Europe/London');
    expect(session.getActiveUserLocale()).toBe('en_GB');
    const key = session.getTemporaryActiveUserKey();
    expect(session.getTemporaryActiveUserKey()).toBe(key);
    expect(key).not.toContain('senco');
    rt.user = 'teacher@school.example';
    expect(session.getTemporaryActiveUserKey()).not.toBe(key);
  });
});

describe('Utilities.formatDate', () => {
  const { rt } = setup();
  const u = createUtilities(rt);

  it('formats in the given time zone, with British Summer Time', () => {
    const summer = new Date('2025-07-04T13:05:09.007Z');
    expect(u.formatDate(summer, 'Europe/London', 'yyyy-MM-dd HH:mm:ss')).toBe(
      '2025-07-04 14:05:09',
    );
    expect(u.formatDate(summer, 'Europe/London', "EEEE d MMMM yyyy 'at' h:mm a")).toBe(
      'Friday 4 July 2025 at 2:05 PM',
    );
    expect(u.formatDate(summer, 'Europe/London', 'EEE dd/MM/yy z Z XXX')).toBe(
      'Fri 04/07/25 BST +0100 +01:00',
    );
    expect(u.formatDate(summer, 'UTC', 'HH:mm:ss.SSS')).toBe('13:05:09.007');
    const winter = new Date('2025-01-15T00:30:00Z');
    expect(u.formatDate(winter, 'Europe/London', 'd MMM yyyy HH:mm z')).toBe(
      '15 Jan 2025 00:30 GMT',
    );
    expect(u.formatDate(winter, 'America/New_York', 'd MMM hh:mm a z')).toBe('14 Jan 07:30 PM EST');
  });

  it('puts a late-evening UTC instant on the next London day in summer', () => {
    expect(u.formatDate(new Date('2025-06-30T23:30:00Z'), 'Europe/London', 'yyyy-MM-dd')).toBe(
      '2025-07-01',
    );
    expect(u.formatDate(new Date('2025-06-30T23:30:00Z'), 'GMT', 'yyyy-MM-dd')).toBe('2025-06-30');
  });

  it("treats quoted text literally and '' as a quote", () => {
    expect(
      u.formatDate(
        new Date('2025-03-01T10:00:00Z'),
        'Europe/London',
        "'Week of' d'th' 'o''clock' ''yy",
      ),
    ).toBe("Week of 1th o'clock '25");
  });

  it('rejects illegal pattern letters and invalid dates', () => {
    expect(() => u.formatDate(new Date(), 'Europe/London', 'yyyy-qq')).toThrow(
      "Illegal pattern character 'q'",
    );
    expect(() => u.formatDate(new Date('nonsense'), 'Europe/London', 'yyyy')).toThrow(
      'Invalid argument: date',
    );
  });
});

describe('Utilities (other)', () => {
  const { rt } = setup();
  const u = createUtilities(rt);

  it('formats strings like sprintf', () => {
    expect(u.formatString('%s has %d pupils (%.1f%%) %05d', 'Oak', 12.7, 45.25, 42)).toBe(
      'Oak has 12 pupils (45.3%) 00042',
    );
  });

  it('round-trips base64 through signed Java bytes', () => {
    const encoded = u.base64Encode('Zoë – café');
    expect(encoded).toBe(Buffer.from('Zoë – café').toString('base64'));
    const bytes = u.base64Decode(encoded);
    expect(bytes.some((b) => b < 0)).toBe(true);
    expect(bytes.every((b) => b >= -128 && b <= 127)).toBe(true);
    expect(u.newBlob(bytes).getDataAsString()).toBe('Zoë – café');
  });

  it('computes digests as signed bytes and makes UUIDs', () => {
    const digest = u.computeDigest(u.DigestAlgorithm.SHA_256, 'abc');
    expect(digest).toHaveLength(32);
    expect(digest[0]).toBe(0xba - 256);
    expect(u.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(u.getUuid()).not.toBe(u.getUuid());
  });
});

describe('Utilities.sleep and the emulated clock', () => {
  // https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer)
  it('moves the clock on at once, so a cache entry put for 1 s is gone after sleep(1500)', () => {
    const { rt } = setup();
    const cache = createCacheService(rt).getScriptCache();
    const u = createUtilities(rt);
    const before = rt.now().getTime();
    cache.put('k', 'v', 1);
    u.sleep(500);
    expect(cache.get('k')).toBe('v');
    u.sleep(1000);
    expect(rt.now().getTime() - before).toBe(1500);
    expect(cache.get('k')).toBeNull();
    expect(() => u.sleep('1000')).toThrow(
      "The parameters (String) don't match the method signature for Utilities.sleep.",
    );
  });

  it('waits out a lock held by another execution: the clock moves by the timeout', () => {
    const { rt } = setup();
    rt.locks.set('document', 'other-execution');
    const before = rt.now().getTime();
    const lock = createLockService(rt).getDocumentLock();
    expect(lock.tryLock(3000)).toBe(false);
    expect(() => lock.waitLock(10000)).toThrow(/Lock timeout/);
    expect(rt.now().getTime() - before).toBe(13000);
    // A free lock is taken at once.
    createLockService(rt).getScriptLock().waitLock(10000);
    expect(rt.now().getTime() - before).toBe(13000);
  });
});

describe('Utilities blobs, digests and signatures', () => {
  const { rt } = setup();
  const u = createUtilities(rt);

  it('newBlob from a string is text/plain; from bytes it has no content type', () => {
    // https://developers.google.com/apps-script/reference/base/blob#getContentType()
    expect(u.newBlob('hello').getContentType()).toBe('text/plain');
    expect(u.newBlob([104, 105]).getContentType()).toBeNull();
    expect(u.newBlob([104, 105]).getDataAsString()).toBe('hi');
    const named = u.newBlob('<b>x</b>', 'text/html', 'page.html');
    expect(named.getContentType()).toBe('text/html');
    expect(named.getName()).toBe('page.html');
    expect(() => u.newBlob({ a: 1 })).toThrow(
      "The parameters (Object) don't match the method signature for Utilities.newBlob.",
    );
  });

  it('reads and writes blob data in a named charset', () => {
    const blob = u.newBlob('café');
    expect(blob.getDataAsString('ISO-8859-1')).toBe('cafÃ©');
    expect(blob.setDataFromString('café', 'ISO-8859-1').getBytes()).toEqual([99, 97, 102, -23]);
    expect(blob.getDataAsString('ISO-8859-1')).toBe('café');
    expect(u.newBlob('x', null, 'report.csv').setContentTypeFromExtension().getContentType()).toBe(
      'text/csv',
    );
  });

  it('converts a blob only to PDF (images also to other images), renaming it', () => {
    // https://developers.google.com/apps-script/reference/base/blob#getAs(String)
    const pdf = u.newBlob('text', 'text/plain', 'ShoppingList.12.25.2014').getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('ShoppingList.12.25.pdf');
    expect(() => u.newBlob('text', 'text/plain', 'a.txt').getAs('text/html')).toThrow(
      'Converting from text/plain to text/html is not supported.',
    );
    expect(u.newBlob([1], 'image/png', 'a.png').getAs('image/jpeg').getName()).toBe('a.jpg');
  });

  it('computes digests in the charset asked for, as signed bytes', () => {
    // https://developers.google.com/apps-script/reference/utilities/utilities#computeDigest(DigestAlgorithm,String,Charset)
    const sha = (s: string | number[], charset?: string) =>
      charset === undefined
        ? u.computeDigest(u.DigestAlgorithm.SHA_256, s)
        : u.computeDigest(u.DigestAlgorithm.SHA_256, s, charset);
    const utf8 = sha('café');
    expect(utf8).toEqual(sha('café', u.Charset.UTF_8));
    expect(utf8).toEqual(sha(Array.from(Buffer.from('café', 'utf8'))));
    // US-ASCII has no "é": Java writes "?" for it.
    expect(sha('café', u.Charset.US_ASCII)).toEqual(sha('caf?'));
    expect(sha('café', u.Charset.US_ASCII)).not.toEqual(utf8);
    expect(utf8.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(() => u.computeDigest('SHA-256', 'abc')).toThrow(
      "The parameters (String,String) don't match the method signature for Utilities.computeDigest.",
    );
  });

  it('signs with HMAC-SHA256 from strings (with a charset) or byte arrays, not a mix', () => {
    // https://developers.google.com/apps-script/reference/utilities/utilities#computeHmacSha256Signature(String,String,Charset)
    const expected = Array.from(
      crypto.createHmac('sha256', 'key').update('The message').digest(),
      (b) => (b > 127 ? b - 256 : b),
    );
    expect(u.computeHmacSha256Signature('The message', 'key')).toEqual(expected);
    const bytes = (s: string) => Array.from(Buffer.from(s, 'utf8'), (b) => (b > 127 ? b - 256 : b));
    expect(u.computeHmacSha256Signature(bytes('The message'), bytes('key'))).toEqual(expected);
    expect(u.computeHmacSha256Signature('naïve', 'key', u.Charset.US_ASCII)).toEqual(
      u.computeHmacSha256Signature('na?ve', 'key'),
    );
    expect(() => u.computeHmacSha256Signature('The message', bytes('key'))).toThrow(
      "The parameters (String,number[]) don't match the method signature for Utilities.computeHmacSha256Signature.",
    );
    expect(u.computeHmacSignature(u.MacAlgorithm.HMAC_SHA_256, 'The message', 'key')).toEqual(
      expected,
    );
  });

  it('base64-encodes a string in the charset asked for', () => {
    expect(u.base64Encode('é', u.Charset.US_ASCII)).toBe(Buffer.from('?').toString('base64'));
    expect(u.base64EncodeWebSafe([-1, -2])).toBe('__4=');
  });
});

describe('Logger', () => {
  it('buffers lines for getLog and prints nothing unless EMULATOR_LOG is set', () => {
    const { rt } = setup();
    const logger = createLogger(rt);
    const spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const previous = process.env.EMULATOR_LOG;
    delete process.env.EMULATOR_LOG;
    try {
      logger.log('sent %s reminders', 3).log({ ok: true });
      expect(logger.getLog()).toBe('sent 3 reminders\n{"ok":true}');
      expect(spy).not.toHaveBeenCalled();
      process.env.EMULATOR_LOG = '1';
      logger.log('now visible');
      expect(spy).toHaveBeenCalledWith('now visible');
      logger.clear();
      expect(logger.getLog()).toBe('');
    } finally {
      if (previous === undefined) delete process.env.EMULATOR_LOG;
      else process.env.EMULATOR_LOG = previous;
      spy.mockRestore();
    }
  });
});
