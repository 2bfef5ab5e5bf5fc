/** Milliseconds since the epoch. Injected wherever limits are computed, so tests can move time. */
export type MsClock = () => number;

export const systemMsClock: MsClock = () => Date.now();
