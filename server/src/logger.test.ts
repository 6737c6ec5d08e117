import { describe, expect, it } from 'vitest';
import { scrubUrl } from './logger.js';

describe('scrubUrl', () => {
  it('keeps the path and the names of query parameters, never their values', () => {
    expect(scrubUrl('/api/addresses?postcode=SW1A%202AA&postcode=E1')).toBe('/api/addresses?postcode=[redacted]');
    expect(scrubUrl('/api/x?a=1&b=2')).toBe('/api/x?a=[redacted]&b=[redacted]');
  });

  it('leaves a URL without a query alone', () => {
    expect(scrubUrl('/healthz')).toBe('/healthz');
  });
});
