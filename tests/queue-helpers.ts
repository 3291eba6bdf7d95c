/**
 * Helpers of the distributed-mode tests: a private redis-server on a free
 * loopback port (no persistence), worker processes of the built CLI, and
 * polling of `deboil queue status --json`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { CLI, deboil, ROOT } from './batch-helpers.js';

export const hasRedis = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const canConnect = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), done(true)));
    socket.on('error', () => done(false));
  });

export interface RedisServer {
  url: string;
  stop(): Promise<void>;
}

/** Start redis-server on a free loopback port, without RDB snapshots or an AOF, and wait until it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  for (let i = 0; !(await canConnect(port)); i++) {
    if (i > 200 || child.exitCode !== null) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface WorkerProcess {
  child: ChildProcess;
  stderr(): string;
  exited: Promise<number | null>;
}

const workers: ChildProcess[] = [];

/** `deboil worker` as a child process; its stderr is kept for the assertions. */
export function startWorker(args: string[], env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, [CLI, 'worker', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  workers.push(child);
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stderr: () => err, exited };
}

/** Kill what is still running: a failed assertion must not leave workers behind. */
export function killWorkers(): void {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL');
}

export interface StatusJson {
  counts: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  totals: { jobs: number; docs: number; failed: number; bytesIn: number; bytesOut: number };
  failedJobs: { id: string; reason: string; attempts: number; shard: string }[];
}

export function status(url: string, queue: string): StatusJson {
  const r = deboil(['queue', 'status', '--redis', url, '--queue', queue, '--json']);
  if (r.status !== 0) throw new Error(`queue status failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as StatusJson;
}

/** Poll the status until `done` holds; throws after `ms` with the last status. */
export async function waitFor(url: string, queue: string, done: (s: StatusJson) => boolean, ms: number): Promise<StatusJson> {
  const until = Date.now() + ms;
  for (;;) {
    const s = status(url, queue);
    if (done(s)) return s;
    if (Date.now() > until) throw new Error(`timed out; last status: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}
