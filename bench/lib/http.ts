/**
 * HTTP clients for benchmarks: autocannon for throughput, and one
 * keep-alive connection for latency one request at a time.
 */
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';

/** The slice of autocannon's result we read (it ships no types). */
export interface AutocannonResult {
  requests: { average: number; total: number };
  latency: {
    average: number;
    p50: number;
    p97_5: number;
    p99: number;
    max: number;
  };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
}

export interface AutocannonOptions {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Seconds, or… */
  duration?: number;
  /** …a number of requests. */
  amount?: number;
}

type Autocannon = (options: AutocannonOptions) => Promise<AutocannonResult>;

export const autocannon = createRequire(import.meta.url)(
  'autocannon',
) as Autocannon;

export function failures(result: AutocannonResult): number {
  return result.errors + result.timeouts + result.non2xx;
}

export interface Reply {
  status: number;
  text: string;
}

/** One keep-alive connection; requests go one after the other. */
export class SequentialClient {
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(private readonly origin: string) {}

  send(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const req = request(
        `${this.origin}${path}`,
        { method, agent: this.#agent, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
            });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}
