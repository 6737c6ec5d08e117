/** How many attempts one organisation may have in flight, and when to stop trying it for a while. */
export interface GateSettings {
  /** Attempts in flight to one organisation from one worker process. */
  concurrency: number;
  /** Unreachable answers in a row (timeouts, network errors, 5xx, 408, 429) that open the circuit. */
  failuresToOpen: number;
  /** How long the circuit first stays open; doubled each time a probe fails, up to `maxOpenMs`. */
  openMs: number;
  maxOpenMs: number;
}

interface OrganisationState {
  inFlight: number;
  failures: number;
  openUntil: number;
  openMs: number;
  probing: boolean;
}

/**
 * Per-organisation concurrency limits and circuit breakers for the dispatcher, keyed by the
 * organisation's id (each GP practice, council or landlord has its own system, so one timing out
 * says nothing of another). The dispatcher asks how many attempts an organisation can take
 * *before* claiming any, so an organisation that is timing out only ever holds its own slots, and while its circuit is open its deliveries stay queued (no attempt
 * is spent on them) instead of waiting on it. After the open period one probe is let through:
 * an answer closes the circuit, another failure opens it for twice as long. (Call-wrapping breaker
 * libraries decide at call time; claiming needs to know beforehand, hence this small class.)
 */
export class OrganisationGates {
  readonly #settings: GateSettings;
  readonly #states = new Map<string, OrganisationState>();

  constructor(settings: GateSettings) {
    this.#settings = settings;
  }

  #state(organisationId: string): OrganisationState {
    let state = this.#states.get(organisationId);
    if (!state) {
      state = { inFlight: 0, failures: 0, openUntil: 0, openMs: this.#settings.openMs, probing: false };
      this.#states.set(organisationId, state);
    }
    return state;
  }

  /**
   * The organisations that can take fewer than the full concurrency now, with how many more each
   * can take; any other can take {@link GateSettings.concurrency}.
   */
  constrained(now: number): Map<string, number> {
    const constrained = new Map<string, number>();
    for (const key of this.#states.keys()) {
      const free = this.free(key, now);
      if (free < this.#settings.concurrency) constrained.set(key, free);
    }
    return constrained;
  }

  /** How many more attempts the organisation can take now (0 while its circuit is open or a probe is out). */
  free(organisationId: string, now: number): number {
    const s = this.#state(organisationId);
    if (s.openUntil > now) return 0;
    if (s.failures >= this.#settings.failuresToOpen) return s.probing || s.inFlight > 0 ? 0 : 1;
    return Math.max(0, this.#settings.concurrency - s.inFlight);
  }

  /** Whether the organisation’s circuit is open (its deliveries wait). */
  isOpen(organisationId: string, now: number): boolean {
    return this.#state(organisationId).openUntil > now;
  }

  /** An attempt to the organisation has started. */
  take(organisationId: string): void {
    const s = this.#state(organisationId);
    if (s.failures >= this.#settings.failuresToOpen) s.probing = true;
    s.inFlight += 1;
  }

  /** An attempt has finished: `answered` if the organisation answered at all (even with a refusal). */
  settle(organisationId: string, answered: boolean, now: number): void {
    const s = this.#state(organisationId);
    s.inFlight = Math.max(0, s.inFlight - 1);
    if (answered) {
      s.failures = 0;
      s.openMs = this.#settings.openMs;
      s.probing = false;
      // Healthy and idle: nothing to remember (a borough has dozens of practices; the map stays small).
      if (s.inFlight === 0) this.#states.delete(organisationId);
      return;
    }
    s.failures += 1;
    // Attempts that were already in flight when it opened do not keep pushing it further out.
    if (s.openUntil > now) return;
    if (s.probing || s.failures >= this.#settings.failuresToOpen) {
      s.openUntil = now + s.openMs;
      if (s.probing) s.openMs = Math.min(s.openMs * 2, this.#settings.maxOpenMs);
      s.probing = false;
    }
  }
}
