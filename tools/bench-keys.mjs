// The pure parts of the browser bench's typing (tests/bench/bench.mjs),
// kept apart so that they can be tested without a browser
// (tools/bench-keys.test.mjs): which keys are typed, which table cell is
// typed into, and how a run of key times is summed up.

/// Where the bench types in a table: a typed (not computed) cell of the
/// table editor, `TABLE_CELL_SELECTOR` on the page. The table editor keeps
/// this contract. Within one table (a `TABLE_SELECTOR` element) the cells
/// are `CELL_IN_TABLE`: a locator scoped to a table must not repeat the
/// table's class, or it looks for a table inside the table.
export const TABLE_SELECTOR = ".table-block";
export const CELL_IN_TABLE = "input.table-cell:not(.computed)";
export const TABLE_CELL_SELECTOR = `${TABLE_SELECTOR} ${CELL_IN_TABLE}`;

/// The letters typed into text fields: Vietnamese has no f, j, w, z.
export const LETTERS = "abcdeghiklmnopqrstuvxy";

/// The keys of a typing run of `count` keys. "letters" types letters, as
/// into a paragraph or a bullet. "figures" types a digit then takes it back
/// with Backspace, in turn, as a clerk correcting a figure: the cell keeps
/// a figure of the same size, so the computed sums stay ordinary numbers
/// however long the run.
export function keySequence(kind, count = 200) {
  const keys = [];
  for (let index = 0; index < count; index++) {
    if (kind === "figures") {
      keys.push(index % 2 === 0 ? String((index / 2) % 9 + 1) : "Backspace");
    } else if (kind === "letters") {
      keys.push(LETTERS[index % LETTERS.length]);
    } else {
      throw new Error(`unknown kind of keys: ${kind}`);
    }
  }
  return keys;
}

/// The index of the last cell whose value is a figure ("57", "1.234"),
/// among the typed cells' values of a table; -1 when none is. Typing goes
/// there: a figure in a data row, whose row sum and column total follow.
export function lastFigureIndex(values) {
  let found = -1;
  values.forEach((value, index) => {
    if (/^\d{1,3}(\.\d{3})*$|^\d+$/.test(String(value).trim())) found = index;
  });
  return found;
}

/// The share of `values` (milliseconds) at or under one frame, in percent,
/// rounded to a whole number.
export function withinFrame(values, frame = 16) {
  if (values.length === 0) return NaN;
  return Math.round((100 * values.filter((value) => value <= frame).length) / values.length);
}

/// `a` over `b`, two decimals; NaN when either is missing.
export function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return NaN;
  return Math.round((a / b) * 100) / 100;
}
