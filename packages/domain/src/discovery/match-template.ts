import { splitPath } from './known-templates';
import { isParamSegment } from './segment-kind';

/**
 * Whether a spec template covers an observed template: a spec parameter covers any
 * segment, a spec literal only the same literal (an observed `{id}` is not covered by a
 * spec's `me`), a trailing `*` covers the rest.
 */
export function templateCovers(spec: string, observed: string): boolean {
  const want = splitPath(spec);
  const have = splitPath(observed);
  const wildcard = want.at(-1) === '*';
  const fixed = wildcard ? want.length - 1 : want.length;
  if (wildcard ? have.length < fixed : have.length !== fixed) return false;
  for (let i = 0; i < fixed; i++) {
    if (isParamSegment(want[i]!)) continue;
    if (want[i] !== have[i]) return false;
  }
  return true;
}

/** `/weather` covers `/weather` and `/weather/...`, never `/weathering`. */
export function underBasePath(basePath: string, path: string): boolean {
  if (basePath === '' || basePath === '/') return true;
  const base = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath;
  return path === base || path.startsWith(`${base}/`);
}
