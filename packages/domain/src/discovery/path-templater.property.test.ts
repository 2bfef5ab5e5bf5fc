import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PathTemplater } from './path-templater';

// Segments a spec might use literally: words, versions, numbers, id-like tokens, file names.
const literalSegment = fc.oneof(
  fc.constantFrom('users', 'me', 'orders', 'items', 'search', 'v2', 'admin', 'export', 'report-2024.pdf', '2024', '7', 'abc123', 'oauth2'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/),
  fc.stringMatching(/^[0-9]{1,6}$/),
);
const specSegment = fc.oneof({ weight: 4, arbitrary: literalSegment }, { weight: 1, arbitrary: fc.constantFrom('{id}', '{slug}') });
const route = fc.array(specSegment, { minLength: 1, maxLength: 4 }).map((segments) => `/${segments.join('/')}`);
/** Many siblings under one parent, so the threshold would fold them if the spec were ignored. */
const siblings = fc.tuple(fc.constantFrom('/things', '/api/v1/widgets', '/x'), fc.uniqueArray(literalSegment, { minLength: 10, maxLength: 30 })).map(([parent, names]) =>
  names.map((name) => `${parent}/${name}`),
);
const spec = fc.tuple(fc.array(route, { maxLength: 20 }), siblings).map(([routes, more]) => [...new Set([...routes, ...more])]);
const traffic = fc.array(fc.array(fc.oneof(literalSegment, fc.uuid()), { minLength: 1, maxLength: 5 }).map((s) => `/${s.join('/')}`), { maxLength: 60 });

describe('PathTemplater against a spec', () => {
  it('never merges two different literal routes of the spec, whatever traffic came first', () => {
    fc.assert(
      fc.property(spec, traffic, fc.integer({ min: 2, max: 12 }), (routes, seen, threshold) => {
        const templater = new PathTemplater({ known: routes, threshold });
        for (const path of seen) templater.template(path);
        const literal = routes.filter((path) => !path.includes('{'));
        const templates = new Map<string, string>();
        for (const path of literal) {
          const template = templater.template(path);
          const other = templates.get(template);
          expect(other === undefined, `${path} and ${other} both became ${template}`).toBe(true);
          templates.set(template, path);
        }
      }),
      { numRuns: 300 },
    );
  });
});
