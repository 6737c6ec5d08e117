import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.js';
import type { TrustOptions } from '../submissions/accept-submission.js';
import { createConfirmationCodes, type ConfirmationCodes } from '../submissions/confirmation-codes.js';
import type { VerificationMinimums } from '../verification/verification-minimums.js';

/** What accepting and confirming reports need: codes, each agency's minimum, and whether this is a trial install. */
export interface Trust {
  codes: ConfirmationCodes;
  minimums: VerificationMinimums;
  showCodeOnPage: boolean;
  /** The options `acceptSubmission` takes for a request (its client address caps codes). */
  forRequest(request: FastifyRequest): TrustOptions;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Confirmation codes and verification minimums (see submissions/delivery-hold.ts). */
    trust: Trust;
  }
}

/** Builds the confirmation-code keys and minimums once, from configuration. */
export const trustPlugin = fp(
  (
    app: FastifyInstance,
    options: { config: Pick<Config, 'sessionSecret' | 'confirmation' | 'verificationMinimums'> },
  ) => {
    const { config } = options;
    const codes = createConfirmationCodes(config.sessionSecret, config.confirmation);
    const trust: Trust = {
      codes,
      minimums: config.verificationMinimums,
      showCodeOnPage: config.confirmation.showCodeOnPage,
      forRequest: (request) => ({
        codes,
        minimums: config.verificationMinimums,
        showCodeOnPage: config.confirmation.showCodeOnPage,
        address: request.ip,
      }),
    };
    app.decorate('trust', trust);
  },
  { name: 'trust' },
);
