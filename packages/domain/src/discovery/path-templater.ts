import { buildKnownTree, splitPath, type KnownNode } from './known-templates';
import { foldedName, isParamSegment, segmentKind } from './segment-kind';

/** Distinct values at one position before free text folds into a parameter. */
export const DEFAULT_FOLD_THRESHOLD = 10;
/** Positions whose distinct values are tracked; past this a new position folds at once, so memory stays bounded. */
export const DEFAULT_MAX_TRACKED_POSITIONS = 10_000;

export interface DiscoveryDecisions {
  /** Templates an admin split back into literals: their guessed parameters stay concrete. */
  readonly splits?: Iterable<string>;
  /** Template -> the template an admin merged it into. */
  readonly merges?: Iterable<readonly [string, string]>;
}

export interface PathTemplaterOptions {
  /** The spec's templates (routes joined with their base path, OpenAPI paths): they always map to themselves. */
  readonly known?: Iterable<string>;
  readonly decisions?: DiscoveryDecisions;
  readonly threshold?: number;
  /** Shared between templaters so a config reload keeps what was counted. */
  readonly state?: FoldState;
}

const FOLDED = true;
/** Parameters only the threshold makes: `{name}`, `{file}` (numbered or not). */
const FOLDED_TEXT = /^\{(?:name|file)\d*\}$/;
const MAX_VALUE_CHARS = 64;

/** Distinct values seen per position (scope + parent template), until the position folds. */
export class FoldState {
  readonly #positions = new Map<string, Set<string> | typeof FOLDED>();

  constructor(
    readonly threshold = DEFAULT_FOLD_THRESHOLD,
    readonly maxPositions = DEFAULT_MAX_TRACKED_POSITIONS,
  ) {}

  get size(): number {
    return this.#positions.size;
  }

  /** Counts `value` at `position`; true when the position has folded (this value included). */
  fold(position: string, rawValue: string): boolean {
    // Long values are told apart by their first characters only, so memory stays bounded.
    const value = rawValue.length > MAX_VALUE_CHARS ? rawValue.slice(0, MAX_VALUE_CHARS) : rawValue;
    const seen = this.#positions.get(position);
    if (seen === FOLDED) return true;
    if (seen === undefined) {
      if (this.#positions.size >= this.maxPositions) return true;
      if (this.threshold <= 1) return this.#mark(position);
      this.#positions.set(position, new Set([value]));
      return false;
    }
    seen.add(value);
    return seen.size >= this.threshold ? this.#mark(position) : false;
  }

  /** Records that `position` folded (a stored template shows it did). */
  markFolded(position: string): void {
    if (this.#positions.has(position) || this.#positions.size < this.maxPositions) this.#positions.set(position, FOLDED);
  }

  #mark(position: string): true {
    this.#positions.set(position, FOLDED);
    return true;
  }
}

/**
 * Folds concrete paths into templates. A path first walks the spec's templates (a
 * literal of the spec stays that literal, a spec parameter keeps the spec's name); past
 * the spec, a segment that is data by its look (number, UUID, ULID, hex hash, date,
 * email, id-like token) becomes a parameter at once, and any other segment becomes one
 * only once `threshold` distinct values shared its position under the same parent.
 *
 * Parameter names: `{id}` for ids, UUIDs, ULIDs, hashes and id-like tokens, `{date}`,
 * `{email}`, `{file}` for file names folded by the threshold and `{name}` for other
 * folded text; a name used twice in one template is numbered (`{id}`, `{id2}`).
 *
 * Admins' decisions win: a template they split keeps its guessed parameters concrete,
 * a merged template is replaced by the one it was merged into.
 */
export class PathTemplater {
  readonly #known: KnownNode;
  readonly #splits: ReadonlySet<string>;
  readonly #merges: ReadonlyMap<string, string>;
  readonly state: FoldState;

  constructor(options: PathTemplaterOptions = {}) {
    this.#known = buildKnownTree(options.known ?? []);
    this.#splits = new Set(options.decisions?.splits ?? []);
    this.#merges = new Map(options.decisions?.merges ?? []);
    this.state = options.state ?? new FoldState(options.threshold);
  }

  /** The template of `path` (no query string); `scope` (a host) keeps positions of different hosts apart. */
  template(path: string, scope = ''): string {
    const segments = splitPath(path);
    const out: string[] = new Array(segments.length);
    // Positions whose parameter was guessed (not the spec's): a split turns those back into literals.
    let guessed = 0n;
    const used: string[] = [];
    let node: KnownNode | null = this.#known;
    let parent = scope;
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      if (node !== null) {
        const literal = node.literals.get(segment);
        if (literal !== undefined) {
          out[i] = segment;
          node = literal;
        } else if (node.param !== null) {
          out[i] = paramName(used, node.param.name);
          node = node.param.node;
        } else node = null;
      }
      if (node === null) {
        if (isParamSegment(segment)) {
          // A stored template that folded free text here means the position crossed the threshold before.
          if (FOLDED_TEXT.test(segment)) this.state.markFolded(parent);
          out[i] = segment;
        } else {
          const kind = segmentKind(segment);
          if (kind !== null || this.state.fold(parent, segment)) {
            out[i] = paramName(used, kind ?? foldedName(segment));
            guessed |= 1n << BigInt(i);
          } else out[i] = segment;
        }
      }
      parent += `/${out[i]}`;
    }
    let template = `/${out.join('/')}`;
    if (guessed !== 0n && this.#splits.has(template)) template = `/${out.map((value, i) => ((guessed >> BigInt(i)) & 1n ? segments[i] : value)).join('/')}`;
    if (this.#merges.size > 0) {
      for (let hops = 0; hops < 8; hops++) {
        const into = this.#merges.get(template);
        if (into === undefined) break;
        template = into;
      }
    }
    return template;
  }
}

/** `{name}`, or `{name2}`, `{name3}`… when the name is already used in the template. */
function paramName(used: string[], name: string): string {
  let count = 1;
  for (const other of used) if (other === name) count++;
  used.push(name);
  return count === 1 ? `{${name}}` : `{${name}${count}}`;
}

/**
 * Templates a whole set at once (stored templates re-run against each other, an import):
 * every path is counted first, so the result does not depend on the order.
 */
export function templateAll(paths: readonly string[], options: Omit<PathTemplaterOptions, 'state'> = {}): Map<string, string> {
  const templater = new PathTemplater(options);
  for (const path of paths) templater.template(path);
  return new Map(paths.map((path) => [path, templater.template(path)]));
}
