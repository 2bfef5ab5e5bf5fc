// Route path templates: static segments, `{param}` segments and an optional trailing `*`.

const PARAM = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
const STATIC = /^[A-Za-z0-9\-._~!$&'()+,;=:@]+$/;

export type TemplateCheck = { ok: true } | { ok: false; reason: string };

export function checkPathTemplate(template: string): TemplateCheck {
  if (!template.startsWith('/')) return { ok: false, reason: 'must start with /' };
  if (template === '/') return { ok: true };
  const segments = template.slice(1).split('/');
  const names = new Set<string>();
  for (const [index, segment] of segments.entries()) {
    if (segment === '*' && index === segments.length - 1) continue;
    const param = PARAM.exec(segment);
    if (param) {
      if (names.has(param[1]!)) return { ok: false, reason: `parameter {${param[1]}} appears twice` };
      names.add(param[1]!);
      continue;
    }
    if (segment === '' ) return { ok: false, reason: 'has an empty segment' };
    if (segment === '.' || segment === '..') return { ok: false, reason: 'has a dot segment' };
    if (!STATIC.test(segment)) return { ok: false, reason: `segment "${segment}" has characters a path may not hold` };
  }
  return { ok: true };
}

/** Joins a base path and a route path into one template: `/weather` + `/forecast/{city}`. */
export function joinPaths(basePath: string, path: string): string {
  const base = basePath === '/' ? '' : basePath.replace(/\/+$/, '');
  const joined = `${base}${path === '/' ? '' : path}`;
  return joined === '' ? '/' : joined;
}

/** `/forecast/{city}/*` -> `/forecast/:city/*` (find-my-way syntax). */
export function toRouterPattern(template: string): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1');
}

/** Fills `{param}` segments of a template from matched values. */
export function fillTemplate(template: string, params: Record<string, string | undefined>, wildcard = ''): string {
  const filled = template.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return filled.endsWith('/*') ? filled.slice(0, -1) + wildcard : filled;
}
