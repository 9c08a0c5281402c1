// Tests of the browser bench's pure parts (tools/bench-keys.mjs):
// node --test tools/bench-keys.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { keySequence, lastFigureIndex, withinFrame, ratio, TABLE_CELL_SELECTOR, TABLE_SELECTOR, CELL_IN_TABLE, LETTERS } from "./bench-keys.mjs";

test("letters are typed in turn, without f, j, w, z", () => {
  const keys = keySequence("letters", 200);
  assert.equal(keys.length, 200);
  assert.equal(keys[0], "a");
  assert.equal(keys[LETTERS.length], "a");
  assert.ok(keys.every((key) => !"fjwz".includes(key)));
});

test("figures alternate with Backspace, so a cell keeps its size", () => {
  const keys = keySequence("figures", 200);
  assert.equal(keys.length, 200);
  assert.deepEqual(keys.slice(0, 4), ["1", "Backspace", "2", "Backspace"]);
  // Replaying the keys on a cell's text leaves it as it was.
  let text = "57";
  for (const key of keys) text = key === "Backspace" ? text.slice(0, -1) : text + key;
  assert.equal(text, "57");
  // Every burst of ten keys ends on a Backspace: the pause between bursts
  // (an autosave) sees the figure as typed before.
  for (let burst = 0; burst < 20; burst++) assert.equal(keys[burst * 10 + 9], "Backspace");
  assert.throws(() => keySequence("other"));
});

test("the cell typed into is the last figure among the typed cells", () => {
  assert.equal(lastFigureIndex(["Chi bộ 1", "57", "12", "Chi bộ 2", "1.234", "Cộng"]), 4);
  assert.equal(lastFigureIndex(["Đơn vị", "Tổng số"]), -1);
  assert.equal(lastFigureIndex([]), -1);
  assert.equal(lastFigureIndex(["12,5", "7"]), 1);
});

test("keys within a frame and ratios", () => {
  assert.equal(withinFrame([8, 8, 16, 24]), 75);
  assert.ok(Number.isNaN(withinFrame([])));
  assert.equal(ratio(3, 2), 1.5);
  assert.ok(Number.isNaN(ratio(1, 0)));
  assert.ok(Number.isNaN(ratio(NaN, 1)));
});

test("the table cell selector is the table editor's contract", () => {
  assert.equal(TABLE_CELL_SELECTOR, ".table-block input.table-cell:not(.computed)");
  // Scoped to one table, the cell selector does not name the table again.
  assert.equal(`${TABLE_SELECTOR} ${CELL_IN_TABLE}`, TABLE_CELL_SELECTOR);
  assert.ok(!CELL_IN_TABLE.includes(TABLE_SELECTOR));
});
