import { describe, expect, it } from 'vitest';
import { PathTemplater, templateAll } from './path-templater';
import { segmentKind } from './segment-kind';

const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
const words = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'heidi', 'ivan', 'judy', 'mallory', 'oscar'];

describe('segmentKind', () => {
  it.each([
    ['123', 'id'],
    ['0', 'id'],
    ['3fa85f64-5717-4562-b3fc-2c963f66afa6', 'id'],
    ['01ARZ3NDEKTSV4RRFFQ69G5FAV', 'id'],
    ['9F86D081884c7D659A2FEAA0C55AD015', 'id'],
    ['2024-01-31', 'date'],
    ['2024-01-31T10:00:00Z', 'date'],
    ['ana@example.com', 'email'],
    ['cus_9s8d7f6g', 'id'],
    ['a1b2c3', 'id'],
  ])('%s is data (%s)', (segment, kind) => expect(segmentKind(segment)).toBe(kind));

  it.each(['v2', 'V1.1', 'v3beta', 'me', 'users', 'oauth2', 'sha256', 'base64', 'report-2024.pdf', 'logo.png', 'deadbeef', 'cafe', 'a1b2', 'page-12'])(
    '%s is not data by its look',
    (segment) => expect(segmentKind(segment)).toBeNull(),
  );
});

describe('PathTemplater', () => {
  it('folds ids at once and keeps /users/me literal', () => {
    const templater = new PathTemplater();
    expect(templater.template('/users/123')).toBe('/users/{id}');
    expect(templater.template('/users/456')).toBe('/users/{id}');
    expect(templater.template('/users/me')).toBe('/users/me');
    expect(templater.template('/orders/3fa85f64-5717-4562-b3fc-2c963f66afa6/items/7')).toBe('/orders/{id}/items/{id2}');
  });

  it('keeps versions literal and folds mixed-case hex hashes', () => {
    const templater = new PathTemplater();
    expect(templater.template('/v2/blobs/9F86D081884c7D659A2FEAA0C55AD015')).toBe('/v2/blobs/{id}');
    expect(templater.template('/api/v10/status')).toBe('/api/v10/status');
  });

  it('folds dates and emails under their own names', () => {
    const templater = new PathTemplater();
    expect(templater.template('/reports/2024-05-01/by/ana@example.com')).toBe('/reports/{date}/by/{email}');
  });

  it('folds free text only once the threshold of distinct values shares a position', () => {
    const templater = new PathTemplater({ threshold: 10 });
    const first = words.slice(0, 9).map((word) => templater.template(`/profiles/${word}`));
    expect(first).toEqual(words.slice(0, 9).map((word) => `/profiles/${word}`));
    expect(templater.template('/profiles/judy')).toBe('/profiles/{name}');
    expect(templater.template('/profiles/alice')).toBe('/profiles/{name}');
    // Another parent counts on its own.
    expect(templater.template('/teams/alice')).toBe('/teams/alice');
  });

  it('keeps a file name unless many distinct names share its position', () => {
    const templater = new PathTemplater();
    expect(templater.template('/files/report-2024.pdf')).toBe('/files/report-2024.pdf');
    const all = many(12, (i) => templater.template(`/downloads/report-${i}.pdf`));
    expect(all[0]).toBe('/downloads/report-0.pdf');
    expect(all[11]).toBe('/downloads/{file}');
  });

  it('keeps short numeric segments that are literals of the spec', () => {
    const templater = new PathTemplater({ known: ['/api/2/items', '/reports/2024/summary', '/users/{userId}'] });
    expect(templater.template('/api/2/items')).toBe('/api/2/items');
    expect(templater.template('/reports/2024/summary')).toBe('/reports/2024/summary');
    expect(templater.template('/reports/2025/summary')).toBe('/reports/{id}/summary');
    expect(templater.template('/users/42/avatar')).toBe('/users/{userId}/avatar');
  });

  it('honours a split: the guessed parameter stays concrete after new traffic', () => {
    const decisions = { splits: ['/tenants/{id}'] };
    const templater = new PathTemplater({ decisions });
    expect(templater.template('/tenants/100')).toBe('/tenants/100');
    expect(templater.template('/tenants/200')).toBe('/tenants/200');
    expect(templater.template('/tenants/100/bills/9')).toBe('/tenants/{id}/bills/{id2}');
    // Re-running the stored templates together does not undo it either.
    const rerun = templateAll(['/tenants/100', '/tenants/200', ...many(20, (i) => `/tenants/${300 + i}`)], { decisions });
    expect(new Set(rerun.values()).has('/tenants/{id}')).toBe(false);
  });

  it('honours a merge: one template is replaced by the other', () => {
    const templater = new PathTemplater({ decisions: { merges: [['/legacy/{id}', '/items/{id}']] } });
    expect(templater.template('/legacy/12')).toBe('/items/{id}');
    expect(templater.template('/items/13')).toBe('/items/{id}');
  });

  it('re-running stored templates folds literal rows that crossed the threshold since', () => {
    const stored = [...words.slice(0, 9).map((w) => `/profiles/${w}`), '/profiles/{name}'];
    const rerun = templateAll(stored, { threshold: 10 });
    expect(rerun.get('/profiles/alice')).toBe('/profiles/{name}');
    expect(rerun.get('/profiles/{name}')).toBe('/profiles/{name}');
    // An id parameter says nothing about the words beside it.
    const ids = templateAll(['/users/{id}', '/users/me'], { threshold: 10 });
    expect(ids.get('/users/me')).toBe('/users/me');
  });

  it('stays bounded: past the tracked positions a new position folds at once', () => {
    const templater = new PathTemplater({ threshold: 10 });
    for (let i = 0; i < 20_000; i++) templater.template(`/p${i}x/word`);
    expect(templater.state.size).toBeLessThanOrEqual(10_000);
    expect(templater.template('/zzz/word')).toBe('/{name}/word');
  });

  it('keeps a trailing slash and the root apart', () => {
    const templater = new PathTemplater();
    expect(templater.template('/')).toBe('/');
    expect(templater.template('/users/12/')).toBe('/users/{id}/');
  });
});
