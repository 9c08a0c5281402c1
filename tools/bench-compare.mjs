// Compares interleaved runs of the browser bench on two builds (`./dev bench
// --against REV`): for every figure, the median over the rounds of this
// build and of the other, and their ratio. The runs alternate in one
// session, so the machine's drift falls on both builds alike.
//
// Usage: node tools/bench-compare.mjs <out-dir> <rounds> <other-label>
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const [outDir, roundsText, otherLabel] = process.argv.slice(2);
const rounds = Number(roundsText);
const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const load = async (name) => JSON.parse(await readFile(join(outDir, name, "results.json"), "utf8"));

const runs = { this: [], other: [] };
for (let round = 1; round <= rounds; round++) {
  runs.other.push(await load(`against-${round}`));
  runs.this.push(await load(`this-${round}`));
}
// Counts in a name ("21 lần") vary from run to run and between builds.
const key = (figure) => `${figure.group} — ${figure.name}`.replace(/\d+ lần/g, "N lần");
const show = (value) => (Number.isFinite(value) ? Math.round(value * 10) / 10 : value);
const values = (list, name) => list.map((r) => r.figures.find((f) => key(f) === name)?.value);
const rows = runs.this[0].figures
  .filter((figure) => !figure.group.startsWith("Lõi"))
  .map((figure) => {
    const name = key(figure);
    const mine = median(values(runs.this, name));
    const theirs = median(values(runs.other, name));
    const ratio = Number.isFinite(mine / theirs) ? (mine / theirs).toFixed(2) : "";
    const spread = (list) => {
      const v = values(list, name).filter(Number.isFinite);
      return v.length ? `${Math.min(...v)}–${Math.max(...v)}` : "";
    };
    return `| ${name} | ${show(mine)} ${figure.unit} (${spread(runs.this)}) | ${show(theirs)} ${figure.unit} (${spread(runs.other)}) | ${ratio} |`;
  });
const table = [
  `${rounds} vòng xen kẽ; trung vị (khoảng) của mỗi bản dựng.`,
  "",
  `| Số đo | Bản này | ${otherLabel} | tỉ lệ |`,
  "|---|---|---|---|",
  ...rows,
].join("\n");
await writeFile(join(outDir, "compare.md"), table + "\n");
console.log(table);
