// autocannon ships no types; this covers the part the benchmark uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface RequestParams {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    host?: string;
    hostname?: string;
    port?: number | string;
    [key: string]: unknown;
  }

  interface RequestSpec {
    setupRequest?: (req: RequestParams, context: Record<string, unknown>) => RequestParams | null | undefined;
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void;
  }

  interface Options {
    url: string | string[];
    connections?: number;
    duration?: number;
    timeout?: number;
    requests?: RequestSpec[];
  }

  interface Result {
    errors: number;
    timeouts: number;
    duration: number;
    requests: { total: number; average: number };
  }

  interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
}
