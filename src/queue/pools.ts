/**
 * One CleaningPool per set of cleaning options. The pipeline compiles its
 * rules once per options object, and a pool's threads hold one, so jobs with
 * other options (another `queue add --config`) get a pool of their own
 * instead of recompiling the rules for every batch. Usually there is one.
 */
import { CleaningPool } from '../batch/pool.js';
import type { CleaningSpec } from './shard-job.js';

export class PoolCache {
  private readonly pools = new Map<string, CleaningPool>();

  constructor(private readonly threads: number) {}

  get(spec: CleaningSpec): CleaningPool {
    const key = JSON.stringify([spec.options, spec.timeoutMs]);
    let pool = this.pools.get(key);
    if (!pool) this.pools.set(key, (pool = new CleaningPool({ jobs: this.threads, options: spec.options, timeoutMs: spec.timeoutMs })));
    return pool;
  }

  async destroy(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.destroy()));
    this.pools.clear();
  }
}
