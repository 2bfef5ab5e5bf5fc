// The documented templates (routes and OpenAPI paths) as a tree of segments, so a
// concrete path walks the spec first and only what lies outside it is guessed at.

export interface KnownNode {
  readonly literals: Map<string, KnownNode>;
  /** The child reached through a `{param}` segment, with the spec's own name. */
  param: { readonly name: string; readonly node: KnownNode } | null;
}

const newNode = (): KnownNode => ({ literals: new Map(), param: null });
const PARAM = /^\{([^}/]+)\}$/;

/** Builds the tree; a trailing `*` ends a template (what lies under it is not documented). */
export function buildKnownTree(templates: Iterable<string>): KnownNode {
  const root = newNode();
  for (const template of templates) {
    let node = root;
    for (const segment of splitPath(template)) {
      if (segment === '*') break;
      const param = PARAM.exec(segment);
      if (param) {
        node.param ??= { name: param[1]!, node: newNode() };
        node = node.param.node;
      } else {
        let child = node.literals.get(segment);
        if (!child) node.literals.set(segment, (child = newNode()));
        node = child;
      }
    }
  }
  return root;
}

/** `/a/b/` -> ['a', 'b', '']; `/` -> []. */
export function splitPath(path: string): string[] {
  if (path === '' || path === '/') return [];
  return (path.startsWith('/') ? path.slice(1) : path).split('/');
}
