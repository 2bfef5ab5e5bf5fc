import { ZCorsPolicy } from '@tollgate/contracts';
import { describe, expect, it } from 'vitest';
import { allowedOrigin, compileCors, mergeVary } from './compile-cors';

describe('compileCors', () => {
  it('normalises origins and joins the lists once', () => {
    const cors = compileCors(ZCorsPolicy.parse({ origins: ['https://App.example.com/', 'http://localhost:5173'], credentials: true }))!;
    expect([...cors.origins!]).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(cors.allowMethods).toBe('GET, HEAD, POST, PUT, PATCH, DELETE');
    expect(allowedOrigin(cors, 'https://app.example.com')).toBe('https://app.example.com');
    expect(allowedOrigin(cors, 'https://app.example.com.evil.example')).toBeUndefined();
    expect(allowedOrigin(cors, 'null')).toBeUndefined();
    expect(allowedOrigin(cors, undefined)).toBeUndefined();
  });

  it('answers "*" for any origin without credentials', () => {
    const cors = compileCors(ZCorsPolicy.parse({ origins: ['*'] }))!;
    expect(allowedOrigin(cors, 'https://x.example')).toBe('*');
  });

  it('is undefined without a policy', () => {
    expect(compileCors(undefined)).toBeUndefined();
  });
});

describe('mergeVary', () => {
  it('adds tokens once and keeps "*"', () => {
    expect(mergeVary(undefined, 'Origin')).toBe('Origin');
    expect(mergeVary('Accept-Encoding', 'Origin')).toBe('Accept-Encoding, Origin');
    expect(mergeVary('origin', 'Origin')).toBe('origin');
    expect(mergeVary('*', 'Origin')).toBe('*');
    expect(mergeVary(['Accept', 'Accept-Language'], 'Origin')).toBe('Accept, Accept-Language, Origin');
  });
});
