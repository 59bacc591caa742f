import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PolycamError } from '@polycam/core';
import { fuzzTargets } from './fuzzTargets.js';
import { mutate, mutationKinds } from './mutate.js';

/** A small seeded generator (mulberry32), so that a seed and a case index replay one case. */
function draws(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * `npm run fuzz`: mutates real models and archives (truncation, flipped bytes, huge declared
 * lengths, wrong wire types, nesting, random bytes) for `--seconds` (60 by default), runs every
 * parser on each case in this process, and prints the cases tried per parser and mutation and
 * every error that is not the parser's typed PolycamError, with the seed and case index that
 * replay it (`--seed S --case I`). Nothing is written but the optional `--report` JSON file.
 *
 * @param argv - The command-line arguments after the script's name.
 * @returns Resolves when the run ends; the exit code is 1 when something was found.
 */
export async function runFuzz(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({ args: [...argv], options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string', default: '12' }, case: { type: 'string' }, report: { type: 'string' } } });
  const seconds = Number(values.seconds);
  const seed = Number(values.seed);
  const only = values.case === undefined ? undefined : Number(values.case);
  const targets = fuzzTargets();
  const tried = new Map<string, { cases: number; returned: number; typed: number }>();
  const findings: { target: string; mutation: string; seed: number; case: number; error: string }[] = [];
  const deadline = Date.now() + seconds * 1000;
  for (let index = only ?? 0; only === undefined ? Date.now() < deadline : index === only; index += 1) {
    const target = targets[index % targets.length]!;
    const mutation = mutationKinds[Math.floor(index / targets.length) % mutationKinds.length]!;
    const input = mutate(target.seedInput, mutation, draws(seed * 0x9e3779b1 + index));
    const key = `${target.name} ${mutation}`;
    const counts = tried.get(key) ?? { cases: 0, returned: 0, typed: 0 };
    tried.set(key, counts);
    counts.cases += 1;
    try {
      await target.parse(input);
      counts.returned += 1;
    } catch (error) {
      if (error instanceof PolycamError && target.kinds.includes(error.kind)) counts.typed += 1;
      else findings.push({ target: target.name, mutation, seed, case: index, error: String(error).split('\n')[0]! });
    }
  }
  const total = [...tried.values()].reduce((sum, counts) => sum + counts.cases, 0);
  console.log(`fuzz: ${total} cases in ${seconds} s with seed ${seed}; ${findings.length} untyped errors`);
  for (const [key, counts] of [...tried].sort()) console.log(`  ${key.padEnd(34)} ${String(counts.cases).padStart(7)} cases, ${counts.returned} returned, ${counts.typed} typed errors`);
  for (const finding of findings.slice(0, 50)) console.log(`  FOUND ${finding.target} ${finding.mutation}: ${finding.error} (replay: npm run fuzz -- --seed ${finding.seed} --case ${finding.case})`);
  if (values.report !== undefined) writeFileSync(values.report, `${JSON.stringify({ seed, seconds, total, tried: Object.fromEntries(tried), findings }, null, 2)}\n`);
  if (findings.length > 0) process.exitCode = 1;
}
