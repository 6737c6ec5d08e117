import { describe, expect, it } from 'vitest';
import { ConfigError, parseEnv, toConfig } from '../config.js';

const configOf = (env: Record<string, string>) =>
  toConfig(parseEnv(env), { databaseUrl: 'postgres://x', sessionSecret: 'x'.repeat(32), protectedDataKeys: [] });

describe('service-level configuration', () => {
  it('defaults to 2 working days to acknowledge and 10 to action, 3 chase requests a day', () => {
    const config = configOf({});
    expect(config.serviceLevels).toEqual({ default: { acknowledgeDays: 2, actionDays: 10 }, overrides: [] });
    expect(config.chaseRequestsPerDay).toBe(3);
  });

  it('reads overrides per agency and per agency and life event', () => {
    expect(
      configOf({ TARGET_OVERRIDES: 'gp-practice=1/5, council:someone-died=1/3', TARGET_ACTION_WORKING_DAYS: '15' })
        .serviceLevels,
    ).toEqual({
      default: { acknowledgeDays: 2, actionDays: 15 },
      overrides: [
        { agency: 'gp-practice', target: { acknowledgeDays: 1, actionDays: 5 } },
        { agency: 'council', lifeEvent: 'someone-died', target: { acknowledgeDays: 1, actionDays: 3 } },
      ],
    });
  });

  it('refuses an unknown agency or life event with one clear line', () => {
    expect(() => parseEnv({ TARGET_OVERRIDES: 'police=1/5' })).toThrow(ConfigError);
    expect(() => parseEnv({ TARGET_OVERRIDES: 'council:wedding=1/5' })).toThrow(
      /TARGET_OVERRIDES must be agency\[:life-event\]=acknowledge\/action/,
    );
    expect(() => parseEnv({ TARGET_ACKNOWLEDGE_WORKING_DAYS: '0' })).toThrow(/TARGET_ACKNOWLEDGE_WORKING_DAYS/);
  });
});
