import { PHASES, type Stage } from '../pipeline/types';
import { authenticate } from './authenticate';
import { forward } from './forward';
import { receive } from './receive';
import { record } from './record';
import { route } from './route';

/** Every stage of the request path, in the order they run. */
export const STAGES: readonly Stage[] = ([receive, route, authenticate, forward, record] as Stage[]).sort(
  (a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) || b.priority - a.priority,
);
