import { describe, expect, it } from 'vitest';
import { ResponseSample, SAMPLE_BYTES } from './response-sample';

describe('ResponseSample', () => {
  it('keeps only the first 64 KiB and reads JSON and text only', () => {
    const sample = new ResponseSample();
    sample.add(Buffer.from('{"card":"4242 4242 4242 4242","pad":"'));
    sample.add(Buffer.alloc(SAMPLE_BYTES, 'x'));
    sample.add(Buffer.from('ada@example.com"}'));
    sample.describe('application/json; charset=utf-8', undefined);
    expect(sample.inspect()).toEqual(['card']);
    sample.describe('image/png', undefined);
    expect(sample.inspect()).toEqual([]);
    sample.describe('application/json', 'gzip');
    expect(sample.inspect()).toEqual([]);
  });
  it('copies chunks, so a chunk reused by its owner later does not change what was seen', () => {
    const sample = new ResponseSample();
    const chunk = Buffer.from('{"owner":"ada@example.com"}');
    sample.add(chunk);
    chunk.fill(0x20);
    sample.describe('application/problem+json', undefined);
    expect(sample.inspect()).toEqual(['email']);
  });
});
