// Timing helpers for the benchmarks: wall-clock samples, percentiles, and a results file.
import fs from "node:fs";
import path from "node:path";
import os from "node:os";

export type Sample = { name: string; n: number; p50Ms: number; p99Ms: number; meanMs: number };

export async function measure(name: string, fn: () => unknown, opts: { iterations?: number; warmup?: number } = {}): Promise<Sample> {
  const iterations = opts.iterations ?? 50;
  for (let i = 0; i < (opts.warmup ?? 3); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { name, n: iterations, p50Ms: at(0.5), p99Ms: at(0.99), meanMs: times.reduce((a, b) => a + b, 0) / times.length };
}

export type Row = { scenario: string; metric: string; value: string; target: string; met: boolean | null };

export function printTable(rows: Row[]) {
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => [r.scenario, r.metric, r.value, r.target][i]!.length), 8));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`${line(["scenario", "metric", "value", "target"])}  met`);
  for (const r of rows) console.log(`${line([r.scenario, r.metric, r.value, r.target])}  ${r.met === null ? "—" : r.met ? "yes" : "NO"}`);
}

export function writeResults(scenario: string, rows: Row[], extra: Record<string, unknown> = {}) {
  const file = path.join(import.meta.dirname, "results.json");
  const existing = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : {};
  existing.machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  existing[scenario] = { at: new Date().toISOString(), rows, ...extra };
  fs.writeFileSync(file, JSON.stringify(existing, null, 2));
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;
