/** The audit log's hash chain (src/domain/audit-chain.ts), with worked examples. */
import { createHash } from 'node:crypto';
import {
  chainText,
  fieldText,
  hexOfBytes,
  linkCell,
  nextLink,
  parseHead,
  parseLinkCell,
} from '../../src/domain/audit-chain';

/** SHA-256 as Apps Script's Utilities.computeDigest returns it: signed bytes. */
function signedDigest(text: string): number[] {
  return [...createHash('sha256').update(text, 'utf8').digest()].map((b) =>
    b > 127 ? b - 256 : b,
  );
}

const ROW = {
  'Audit ID': 'AUD-7F3A9C21B0-1',
  When: new Date(2026, 10, 23, 9, 0, 0),
  Who: 'senco@school.example',
  'Record type': 'Pupils',
  'Record ID': 'PUP-0001',
  Field: 'Year group',
  'Old value': 'Year 3',
  'New value': 'Year 4',
  'Request ID': '',
};

describe('hex of the digest', () => {
  test('signed bytes become two lower-case hex digits each', () => {
    expect(hexOfBytes([-1, 0, 15, 16, 127, -128])).toBe('ff000f107f80');
  });

  test('SHA-256 of "abc", from signed bytes, is the published test vector', () => {
    expect(hexOfBytes(signedDigest('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('what a row’s hash covers', () => {
  test('worked example: the first row of the chain', () => {
    const text = chainText('', 1, ROW);
    expect(text).toBe(
      '["",1,"AUD-7F3A9C21B0-1","2026-11-23 09:00:00","senco@school.example","Pupils","PUP-0001","Year group","Year 3","Year 4",""]',
    );
    expect(hexOfBytes(signedDigest(text))).toBe(
      '620a559e3df97bac9e71e2057b8cfba4b2325aa5eb27bc1ca0620020d6e6f298',
    );
  });

  test('worked example: the second row chains on the first row’s hash', () => {
    const first = '620a559e3df97bac9e71e2057b8cfba4b2325aa5eb27bc1ca0620020d6e6f298';
    const text = chainText(first, 2, {
      ...ROW,
      'Audit ID': 'AUD-7F3A9C21B0-2',
      Field: 'SEN status',
      'Old value': '',
      'New value': 'EHC plan — “Zoë”',
    });
    expect(text.startsWith(`["${first}",2,"AUD-7F3A9C21B0-2"`)).toBe(true);
    expect(hexOfBytes(signedDigest(text))).toBe(
      'e2f33906c09b464ac0450bb26463afe8a51fbb84f59bf16444d6c6fb81ab557c',
    );
  });

  test('fields are taken by header name: their order in the sheet does not matter', () => {
    const reordered = Object.fromEntries(Object.entries(ROW).reverse());
    expect(chainText('', 1, reordered)).toBe(chainText('', 1, ROW));
  });

  test('the Row hash itself and columns a school added are not covered', () => {
    expect(chainText('', 1, { ...ROW, 'Row hash': '9:abc', 'Our notes': 'x' })).toBe(
      chainText('', 1, ROW),
    );
  });

  test('any change of a field, of the number or of the previous hash changes the text', () => {
    const base = chainText('', 1, ROW);
    expect(chainText('', 1, { ...ROW, 'New value': 'Year 5' })).not.toBe(base);
    expect(chainText('', 2, ROW)).not.toBe(base);
    expect(chainText('00', 1, ROW)).not.toBe(base);
  });

  test('JSON keeps fields apart: moving text from one field to the next shows', () => {
    const a = chainText('', 1, { ...ROW, 'Old value': 'Year 3", "', 'New value': '' });
    const b = chainText('', 1, { ...ROW, 'Old value': 'Year 3', 'New value': '", "' });
    expect(a).not.toBe(b);
  });

  test('dates to the nearest second, local time; text trimmed, as read back', () => {
    expect(fieldText(new Date(2026, 10, 23, 9, 0, 0, 600))).toBe('2026-11-23 09:00:01');
    expect(fieldText(new Date(2026, 5, 1, 14, 5, 9, 200))).toBe('2026-06-01 14:05:09');
    expect(fieldText('  Year 3 ')).toBe('Year 3');
    expect(fieldText(undefined)).toBe('');
    expect(fieldText(12)).toBe('12');
  });
});

describe('the Row hash cell and the head', () => {
  const hash = 'a'.repeat(64);

  test('the cell holds "number:hash"', () => {
    expect(linkCell({ seq: 17, hash })).toBe(`17:${hash}`);
    expect(parseLinkCell(` 17:${hash} `)).toEqual({ seq: 17, hash });
    expect(parseLinkCell('')).toBeUndefined();
    expect(parseLinkCell(`0:${hash}`)).toBeUndefined();
    expect(parseLinkCell(`17:${hash.slice(1)}`)).toBeUndefined();
    expect(parseLinkCell(hash)).toBeUndefined();
  });

  test('the head is read back, and anything odd is ignored', () => {
    expect(parseHead(JSON.stringify({ rows: 3, hash, since: '2026-11-23 09:00:00' }))).toEqual({
      rows: 3,
      hash,
      since: '2026-11-23 09:00:00',
    });
    expect(parseHead(JSON.stringify({ rows: 3, hash }))).toEqual({ rows: 3, hash });
    expect(parseHead('{')).toBeUndefined();
    expect(parseHead(JSON.stringify({ rows: -1, hash }))).toBeUndefined();
    expect(parseHead(null)).toBeUndefined();
  });

  describe('where the next rows chain on', () => {
    const head = { rows: 10, hash: 'h'.repeat(64) };
    test('a new log starts at 1 after an empty hash', () => {
      expect(nextLink(undefined, undefined)).toEqual({ seq: 0, hash: '' });
    });
    test('no head (a log from before, or a copy): the last row', () => {
      expect(nextLink({ seq: 4, hash }, undefined)).toEqual({ seq: 4, hash });
    });
    test('last rows removed, or the tab sorted: the add-on’s record, so the gap shows', () => {
      expect(nextLink({ seq: 8, hash }, head)).toEqual({ seq: 10, hash: head.hash });
      expect(nextLink(undefined, head)).toEqual({ seq: 10, hash: head.hash });
    });
    test('the record fell behind (its write failed after the rows went in): the last row', () => {
      expect(nextLink({ seq: 12, hash }, head)).toEqual({ seq: 12, hash });
    });
    test('in step: the record', () => {
      expect(nextLink({ seq: 10, hash }, head)).toEqual({ seq: 10, hash: head.hash });
    });
  });
});
