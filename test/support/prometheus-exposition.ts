// The two real parsers a scraped /metrics page must satisfy: promtool's (the Prometheus
// text format and its lint, from Debian's `prometheus`) and the Prometheus Python
// client's OpenMetrics parser (Debian's `python3-prometheus-client`), which is strict
// about metric families: two families that share a name once a counter's `_total` is
// set aside (a gauge `x_degraded` beside a counter `x_degraded_total`) or a sample that
// belongs to another family are refused. promtool's lint refuses a gauge named like a
// counter (`…_total`).
import { spawnSync } from 'node:child_process';

export interface ToolVerdict {
  ok: boolean;
  output: string;
}

function run(command: string, args: string[], input: string): ToolVerdict {
  const result = spawnSync(command, args, { input, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `promtool check metrics`: parses the page and lints every family (names, suffixes, units, help). */
export function promtoolCheck(text: string): ToolVerdict {
  return run('/usr/bin/promtool', ['check', 'metrics'], text);
}

/**
 * The page as an OpenMetrics exposition: a counter's family is its name without `_total`
 * (the sample keeps it), no blank lines, `# EOF` at the end. Everything else (help,
 * labels, values, histograms) is read as served.
 */
export function asOpenMetrics(text: string): string {
  const counters = new Set([...text.matchAll(/^# TYPE (\S+)_total counter$/gm)].map((match) => match[1]!));
  const lines = text.split('\n').filter((line) => line !== '');
  const renamed = lines.map((line) => {
    const meta = /^# (HELP|TYPE) (\S+)_total( .*)$/.exec(line);
    return meta && counters.has(meta[2]!) ? `# ${meta[1]} ${meta[2]}${meta[3]}` : line;
  });
  return `${renamed.join('\n')}\n# EOF\n`;
}

const PARSE = ['from prometheus_client.openmetrics.parser import text_string_to_metric_families', 'import sys', 'print(sum(1 for _ in text_string_to_metric_families(sys.stdin.read())), "families")'].join('\n');

/** The Python client's strict OpenMetrics parser over the page (see asOpenMetrics). */
export function openMetricsParse(text: string): ToolVerdict {
  return run('/usr/bin/python3', ['-c', PARSE], asOpenMetrics(text));
}
