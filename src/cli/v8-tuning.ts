/**
 * V8's optimising compiler, tuned for this workload. Imported first by the
 * CLI, so the flag is set before any of the pipeline's code is optimised; V8
 * flags belong to the process, so the pool's worker threads get it too.
 *
 * The pipeline is many mid-sized functions (a rule's transformer calls a
 * dozen line tests). With V8's default budget (920 bytes of bytecode inlined
 * into one function) TurboFan compiles each transformer with most of its
 * tests inside: 20-80 ms a compile, again after each deopt, once per worker.
 * With 300, the instructions of cleaning the dev pages (counted as
 * `npm run bench:instructions -- --cli-flags` does, compile work included)
 * fall 12% over the first two rounds and 4% a round after that; 150 and 500
 * do less (docs/performance.md).
 *
 * The library leaves the embedding process's flags alone: run
 * `node --max-inlined-bytecode-size-cumulative=300` to get the same there.
 */
import { setFlagsFromString } from 'node:v8';

export const V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=300'];

for (const flag of V8_FLAGS) setFlagsFromString(flag);
