/** Milliseconds since the epoch. Injected wherever limits are computed, so tests can move time. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
