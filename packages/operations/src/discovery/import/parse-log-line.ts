import { BadInput, checkMethod, hostOf, splitTarget, type AccessRecord } from './access-record';

export type LineFormat = 'combined' | 'alb' | 'jsonl';

// 127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /a.gif HTTP/1.0" 200 2326 "ref" "agent"
const COMBINED = /^(\S+) \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+)(?: [^"]*)?" (\d{3}) \S+(?: "[^"]*" "[^"]*")?/;
// http 2018-07-02T22:23:00.186641Z app/lb/50dc 192.168.131.39:2817 10.0.0.1:80 0.000 0.001 0.000 200 200 34 366 "GET http://www.example.com:80/ HTTP/1.1" ...
const ALB = /^(?:http|https|h2|grpcs|ws|wss) (\S+) \S+ (\S+) \S+ \S+ \S+ \S+ (\d{3}|-) \S+ \S+ \S+ "(\S+) (\S+)[^"]*"/;
const MONTHS: Record<string, string> = { Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12' };

/** The format of a log from its first line; null when none fits. */
export function detectLineFormat(line: string): LineFormat | null {
  const text = line.trimStart();
  if (text.startsWith('{')) return 'jsonl';
  if (ALB.test(text)) return 'alb';
  if (COMBINED.test(text)) return 'combined';
  return null;
}

export function parseLogLine(format: LineFormat, line: string): AccessRecord {
  if (format === 'jsonl') return parseJsonLine(line);
  const match = (format === 'alb' ? ALB : COMBINED).exec(line);
  if (!match) throw new BadInput(format === 'alb' ? 'not an ALB access log line' : 'not a combined (nginx/Apache) log line');
  if (format === 'alb') {
    const [, time, client, status, method, url] = match;
    return record(method!, url!, status === '-' ? 0 : Number(status), '', new Date(time!), client!.replace(/:\d+$/, ''), null);
  }
  const [, client, user, time, method, target, status] = match;
  return record(method!, target!, Number(status), '', clfTime(time!), user !== '-' ? user! : client!, user !== '-' ? true : null);
}

/**
 * JSON lines: the generic shape `{method, path | url, status, host}` (with optional
 * `time`, `ip` or `consumer`, `authenticated`), or an ALB record as JSON
 * (`request_verb` + `request_url` or `request`, `elb_status_code`, `client_ip`).
 */
function parseJsonLine(line: string): AccessRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new BadInput('not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadInput('not a JSON object');
  const entry = value as Record<string, unknown>;
  const request = typeof entry.request === 'string' ? entry.request.split(' ') : [];
  const method = str(entry.method) ?? str(entry.request_verb) ?? request[0];
  const target = str(entry.path) ?? str(entry.url) ?? str(entry.request_url) ?? str(entry.uri) ?? request[1];
  if (method === undefined || target === undefined) throw new BadInput('has no method and path (or url)');
  const status = Number(entry.status ?? entry.elb_status_code ?? entry.status_code ?? 0);
  const time = str(entry.time) ?? str(entry.timestamp);
  const consumer = str(entry.consumer) ?? str(entry.ip) ?? str(entry.client_ip) ?? str(entry.client)?.replace(/:\d+$/, '') ?? '';
  const credentials = typeof entry.authenticated === 'boolean' ? entry.authenticated : null;
  return record(method, target, Number.isInteger(status) ? status : 0, hostOf(entry.host ?? entry.domain_name), time ? new Date(time) : null, consumer, credentials);
}

function record(method: string, target: string, status: number, host: string, time: Date | null, consumer: string, credentials: boolean | null): AccessRecord {
  const split = splitTarget(target);
  if (split === null) throw new BadInput(`"${target.slice(0, 60)}" is not a request path or URL`);
  return { method: checkMethod(method), path: split.path, status, host: host || split.host, time: time && !Number.isNaN(time.getTime()) ? time : null, consumer, credentials };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** `10/Oct/2000:13:55:36 -0700` -> Date. */
function clfTime(text: string): Date | null {
  const match = /^(\d{2})\/(\w{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-]\d{2})(\d{2})$/.exec(text);
  if (!match || !MONTHS[match[2]!]) return null;
  return new Date(`${match[3]}-${MONTHS[match[2]!]}-${match[1]}T${match[4]}:${match[5]}:${match[6]}${match[7]}:${match[8]}`);
}
