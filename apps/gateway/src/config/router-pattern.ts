import { toRouterPattern as templateToPattern } from '@tollgate/domain';

/**
 * A path template as a find-my-way pattern: `{id}` becomes `:id`, a trailing `*` stays,
 * and a literal `:` in a static segment is escaped as `::`.
 */
export function toRouterPattern(template: string): string {
  return templateToPattern(template.replaceAll(':', '::'));
}
