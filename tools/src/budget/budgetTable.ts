import { formatTable } from '@polycam/cli';
import type { BudgetSample } from './BudgetSample.js';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

/**
 * The budget table: one row per budget and rule, with the passes, the Pearson correlation with
 * the exact map (median and worst), the mean changes in insertion − deletion, pointing game and
 * energy in the object, the milliseconds per map and the speed-up over the exact map measured
 * on the same images.
 *
 * @param samples - The measured samples.
 * @param rules - The rules, in the order to print.
 * @param fractions - The budgets, in the order to print.
 * @param faithfulness - Whether insertion and deletion were measured.
 * @returns The table's text.
 */
export function budgetTable(samples: readonly BudgetSample[], rules: readonly string[], fractions: readonly number[], faithfulness: boolean): string {
  const exactMs = mean(samples.map((sample) => sample.exactMs));
  const rows = fractions.flatMap((fraction) =>
    rules.map((rule) => {
      const group = samples.filter((sample) => sample.rule === rule && sample.fraction === fraction);
      const pearson = group.map((sample) => sample.pearson);
      const ms = mean(group.map((sample) => sample.ms));
      return [
        `1/${Math.round(1 / fraction)}`,
        rule,
        mean(group.map((sample) => sample.passes)).toFixed(0),
        median(pearson).toFixed(3),
        Math.min(...pearson).toFixed(3),
        faithfulness ? mean(group.map((sample) => sample.insDelChange)).toFixed(4) : '—',
        `${(100 * mean(group.map((sample) => sample.pointingChange))).toFixed(1)} pt`,
        mean(group.map((sample) => sample.energyChange)).toFixed(4),
        ms.toFixed(0),
        `${(exactMs / ms).toFixed(2)}×`,
      ];
    }),
  );
  return formatTable(['budget', 'rule', 'passes', 'Pearson median', 'Pearson worst', 'Δ(ins−del)', 'Δ pointing', 'Δ energy', 'ms/map', 'speed-up'], rows);
}
