import type { CompiledSnapshot } from './compiled-snapshot.types';

/** Holds the snapshot being served. A swap is one assignment: requests in flight keep theirs. */
export class ConfigStore {
  #current: CompiledSnapshot | null = null;

  get current(): CompiledSnapshot | null {
    return this.#current;
  }

  swap(next: CompiledSnapshot): CompiledSnapshot | null {
    const previous = this.#current;
    this.#current = next;
    return previous;
  }
}
