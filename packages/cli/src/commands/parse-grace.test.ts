import { describe, expect, it } from 'vitest';
import { parseGrace } from './parse-grace';

describe('parseGrace', () => {
  it.each([
    ['0', 0],
    ['3600', 3600],
    ['3600s', 3600],
    ['90m', 5400],
    ['24h', 86_400],
    ['7d', 604_800],
  ])('%s -> %i seconds', (value, seconds) => {
    expect(parseGrace(value)).toBe(seconds);
  });

  it.each(['8d', '604801s', '-1', '1.5h', 'soon', '', '24 h'])('rejects %j', (value) => {
    expect(() => parseGrace(value)).toThrow(expect.objectContaining({ code: 'invalid_params' }));
  });
});
