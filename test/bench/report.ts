import type { Measurement } from './load.js';

/** The dashboard must run at this fraction of the floor's requests/s at least. */
export const DASHBOARD_TARGET = 0.8;

/** The measurements as a Markdown table: readable in a terminal, pasteable in a note. */
export function table(measurements: readonly Measurement[]): string {
  const rows = measurements.map(
    (m) =>
      `| ${m.name} | ${m.engine} | ${format(m.requestsPerSecond)} | ${m.p99Ms.toFixed(1)} | ` +
      `${m.failures} |`,
  );
  return [
    '| Cas | Base | req/s | p99 (ms) | échecs |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** One line per ratio, for each engine measured: `sqlite  /api/me ÷ hapi nu = 0.52 (…)`. */
export function ratios(measurements: readonly Measurement[]): string[] {
  const lines: string[] = [];
  const engines = [...new Set(measurements.map((m) => m.engine))];
  for (const engine of engines) {
    const find = (name: string) => measurements.find((m) => m.engine === engine && m.name === name);
    const bare = find(CASES.bare);
    const me = find(CASES.me);
    const dashboard = find(CASES.dashboard);
    const floor = find(CASES.floor);
    if (me && bare) lines.push(ratioLine(engine, 'GET /api/me ÷ hapi nu', me, bare));
    if (dashboard && floor) {
      const ratio = dashboard.requestsPerSecond / floor.requestsPerSecond;
      lines.push(
        `${ratioLine(engine, 'GET /api/dashboard ÷ plancher', dashboard, floor)} — objectif ≥ ` +
          `${DASHBOARD_TARGET.toFixed(2)} : ${ratio >= DASHBOARD_TARGET ? 'atteint' : 'MANQUÉ'}`,
      );
    }
    if (dashboard && bare) {
      lines.push(ratioLine(engine, 'GET /api/dashboard ÷ hapi nu', dashboard, bare));
    }
  }
  return lines;
}

/** The names of the cases, shared by the runner and the ratios. */
export const CASES = {
  bare: 'hapi nu GET /bonjour',
  me: 'Préau GET /api/me',
  dashboard: 'Préau GET /api/dashboard',
  floor: 'plancher GET /api/dashboard',
} as const;

function ratioLine(engine: string, label: string, a: Measurement, b: Measurement): string {
  const ratio = a.requestsPerSecond / b.requestsPerSecond;
  return (
    `bench ${engine.padEnd(7)} ${label} = ${ratio.toFixed(2)} ` +
    `(${format(a.requestsPerSecond)} / ${format(b.requestsPerSecond)} req/s, ` +
    `p99 ${a.p99Ms.toFixed(1)} / ${b.p99Ms.toFixed(1)} ms)`
  );
}

function format(value: number): string {
  return Math.round(value).toLocaleString('fr-FR').replace(/\s/g, ' ');
}
