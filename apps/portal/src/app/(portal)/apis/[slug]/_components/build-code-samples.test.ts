import { describe, expect, it } from 'vitest';
import { buildCodeSamples } from './build-code-samples';
import { listOperations } from './list-operations';

describe('buildCodeSamples', () => {
  it('fills in the gateway URL, the operation and the key, with path parameters as blanks', () => {
    const samples = buildCodeSamples({ baseUrl: 'https://gw.example.com/weather', method: 'get', path: '/forecast/{city}', key: 'tg_live_abc' });
    expect(samples.curl).toBe("curl 'https://gw.example.com/weather/forecast/CITY' \\\n  -H 'X-Api-Key: tg_live_abc'");
    expect(samples.javascript).toContain('fetch("https://gw.example.com/weather/forecast/CITY", {');
    expect(samples.javascript).toContain(`headers: { 'X-Api-Key': "tg_live_abc" }`);
    expect(samples.python).toContain('requests.request("GET", "https://gw.example.com/weather/forecast/CITY", headers={"X-Api-Key": "tg_live_abc"})');
  });

  it('sends a JSON body for writes and quotes what it embeds', () => {
    const samples = buildCodeSamples({ baseUrl: 'https://gw.example.com/w', method: 'POST', path: '', key: "<it's yours>" });
    expect(samples.curl).toBe("curl -X POST 'https://gw.example.com/w' \\\n  -H 'X-Api-Key: <it'\\''s yours>' \\\n  -H 'Content-Type: application/json' \\\n  -d '{}'");
    expect(samples.javascript).toContain('body: JSON.stringify({}),');
    expect(samples.python).toContain(', json={})');
  });
});

describe('listOperations', () => {
  it('lists each method of each path and skips what is not an operation', () => {
    const document = { paths: { '/a': { get: { summary: 'A' }, parameters: [], post: {} }, b: { get: {} }, '/c': null } };
    expect(listOperations(document)).toEqual([
      { method: 'GET', path: '/a', summary: 'A' },
      { method: 'POST', path: '/a', summary: '' },
    ]);
    expect(listOperations(null)).toEqual([]);
  });
});
