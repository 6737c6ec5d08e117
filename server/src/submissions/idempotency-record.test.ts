import { describe, expect, it } from 'vitest';
import { idempotencyLookupKey, openResponse, sealResponse } from './idempotency-record.js';

describe('idempotency records', () => {
  const response = { reference: 'TUO-7K3M-9Q2M', trackingSecret: 'a-secret-that-must-not-be-stored-in-clear' };

  it('round-trips a response for the client that holds the key', () => {
    const sealed = sealResponse('submissions', 'client-key-1', response);
    expect(sealed).not.toContain('a-secret');
    expect(openResponse('submissions', 'client-key-1', sealed)).toEqual(response);
  });

  it('cannot be opened with another key or scope, nor found from the stored hash alone', () => {
    const sealed = sealResponse('submissions', 'client-key-1', response);
    expect(() => openResponse('submissions', 'client-key-2', sealed)).toThrow();
    expect(() => openResponse('journeys', 'client-key-1', sealed)).toThrow();
    expect(idempotencyLookupKey('submissions', 'client-key-1')).not.toContain('client-key-1');
    expect(idempotencyLookupKey('submissions', 'client-key-1')).not.toBe(
      idempotencyLookupKey('journeys', 'client-key-1'),
    );
  });
});
