// One load run with autocannon: a fixed number of connections for a fixed time, each request
// made fresh by the scenario (its own user, page and body), with every latency kept so that
// p50/p95/p99 are exact (autocannon's own summary has no p95).
import autocannon from 'autocannon';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  /** `lt_sessie=<token>` */
  cookie?: string;
  json?: unknown;
  /** A form post as a browser sends it (a page's <form method="post">), instead of json. */
  form?: Record<string, string>;
}

/** The body of a request and its content type, as a browser or the page's script sends it. */
export function requestBody(request: LoadRequest): { contentType: string; body: string } | undefined {
  if (request.form) return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(request.form).toString() };
  if (request.json !== undefined) return { contentType: 'application/json', body: JSON.stringify(request.json) };
  return undefined;
}

export interface LoadScenario {
  id: string;
  name: string;
  /** Statuses that count as success for this scenario. */
  ok: number[];
  next: () => LoadRequest;
  /** The request measured alone before the load (default: next()); fixed where it varies in cost. */
  probe?: () => LoadRequest;
  /** Sees every response with the request it answers (e.g. to record stored answers). */
  onResponse?: (status: number, body: string, request: LoadRequest) => void;
  /**
   * How many requests the data still has for this scenario (each hands in another open toets):
   * the measured run is shortened to fit, rather than repeating requests that then do less work.
   */
  remaining?: () => number;
}

export interface LoadOptions {
  /** One or more servers; connections are spread over them evenly. */
  origins: string[];
  connections: number;
  seconds: number;
}

export interface Measurement {
  id: string;
  name: string;
  /** The first request of the scenario on this server, alone (cold caches), in ms. */
  firstMs?: number;
  /** The servers' CPU time (user + system) per request during the measured run, in ms. */
  serverCpuMs?: number;
  /** The database server's (sqld's) CPU time per request, where there is one. */
  databaseCpuMs?: number;
  /** The server's peak RSS after this row (MB): which row raised it. */
  peakRssMb?: number | null;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Responses with a status outside the scenario's `ok`, by status. */
  unexpected: Record<string, number>;
  errors: number;
  timeouts: number;
}

export async function runLoad(scenario: LoadScenario, { origins, connections, seconds }: LoadOptions): Promise<Measurement> {
  const latencies: number[] = [];
  const unexpected: Record<string, number> = {};
  const started = performance.now();
  const instance = autocannon({
    url: origins,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req, context) => {
          const next = scenario.next();
          context.request = next;
          // The origin check compares Origin with the Host the request was sent to.
          const host = req.host ?? `${req.hostname}:${req.port}`;
          const headers: Record<string, string> = { accept: 'text/html,application/json' };
          if (next.cookie) headers.cookie = next.cookie;
          const body = requestBody(next);
          if (next.method === 'POST') {
            headers.origin = `http://${host}`;
            headers['content-type'] = body?.contentType ?? 'application/json';
          }
          return { ...req, method: next.method, path: next.path, headers, body: body?.body };
        },
        onResponse: (status, body, context) => {
          scenario.onResponse?.(status, body, context.request as LoadRequest);
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    if (!scenario.ok.includes(status)) unexpected[status] = (unexpected[status] ?? 0) + 1;
  });
  const result = await instance;
  const elapsed = Math.min((performance.now() - started) / 1000, seconds);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length === 0 ? NaN : round(latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]));
  return {
    id: scenario.id,
    name: scenario.name,
    connections,
    seconds: round(elapsed),
    requests: latencies.length,
    rps: Math.round(latencies.length / elapsed),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: at(1),
    unexpected,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
