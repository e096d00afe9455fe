// Unit tests of the rules in generator/render/assets/practice.js (the file the page loads),
// scheduling with the vendored ts-fsrs the page loads too: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const P = require("../../generator/render/assets/practice.js");
const FSRS = require("../../generator/render/assets/vendor/ts-fsrs.umd.js");
const DAY = 86400000;
const NOW = new Date(2026, 10, 30, 10, 0).getTime();

test("a rubric's average becomes an FSRS rating", () => {
  assert.equal(P.average([4, 5, 4]), 4.3);
  assert.deepEqual([1, 1.9, 2, 2.9, 3, 4.4, 4.5, 5].map(P.rating), [1, 1, 2, 2, 3, 3, 4, 4]);
});

test("a new drill scored Good comes back on the day FSRS says, and no earlier", () => {
  const card = P.review(FSRS, null, "abc123", 3, NOW, { score: 4, title: "First call" });
  const expected = FSRS.fsrs(FSRS.generatorParameters(P.PARAMETERS)).next(FSRS.createEmptyCard(new Date(NOW)), new Date(NOW), 3).card;
  assert.equal(card.due, expected.due.getTime());
  assert.ok(card.scheduled_days >= 1, "whole days, not minutes");
  const dueDay = P.dayOf(card.due);
  assert.equal(P.isDue(card, "abc123", P.dayOf(card.due - DAY)), false);
  assert.equal(P.isDue(card, "abc123", dueDay), true);
  assert.equal(card.on, "2026-11-30");
  assert.equal(card.score, 4);
});

test("a failed review comes back sooner than a good one; a second good review later still", () => {
  const again = P.review(FSRS, null, "abc", 1, NOW, {});
  const good = P.review(FSRS, null, "abc", 3, NOW, {});
  assert.ok(again.due < good.due);
  const second = P.review(FSRS, good, "abc", 3, good.due, {});
  assert.ok(second.due - good.due > good.due - NOW, "the interval grows");
  assert.equal(second.reps, 2);
});

test("a card whose content changed starts again and is due at once", () => {
  const card = P.review(FSRS, null, "old", 4, NOW, {});
  assert.equal(P.isDue(card, "new", P.dayOf(NOW)), true);
  const again = P.review(FSRS, card, "new", 3, NOW + DAY, {});
  assert.equal(again.reps, 1, "the old history is not carried over");
  const state = { cards: { "drill:a": card, "drill:gone": card }, role: "", chosen: false };
  assert.deepEqual(P.dueCards(state, P.dayOf(NOW), { "drill:a": "new" }), ["drill:a"]);
  assert.deepEqual(P.dueCards(state, P.dayOf(NOW), { "drill:a": "old" }), []);
});

test("the stored record is checked: forged cards are dropped, sound ones kept", () => {
  const good = P.review(FSRS, null, "abc", 3, NOW, { title: "x" });
  const read = P.readRecord({ v: 1, role: "sales-manager", chosen: true, cards: {
    "drill:ok": good, "drill:bad": { ...good, due: "tomorrow" }, "<script>": good, "question:q": { ...good, fp: "XYZ" },
  } });
  assert.deepEqual(Object.keys(read.state.cards), ["drill:ok"]);
  assert.equal(read.dropped, 3);
  assert.equal(read.state.role, "sales-manager");
  assert.deepEqual(P.readRecord(null).state, P.fresh());
  assert.equal(P.readRecord({ v: 99 }).dropped, 1);
  assert.equal(P.readRecord({ v: 1, role: "a b" }).state.role, "");
});

test("drill results travel in progress links and come back checked", () => {
  const card = P.review(FSRS, null, "abc", 3, NOW, { score: 4.5, title: "Price @ objection" });
  const packed = P.pack({ cards: { "drill:price": card, "question:q1": card } });
  assert.equal(packed.length, 1, "quiz questions are not drill results");
  const back = P.unpack(packed);
  assert.deepEqual(back, [{ id: "price", fp: "abc", score: 4.5, on: "2026-11-30", due: P.dayOf(card.due), title: "Price   objection" }]);
  assert.deepEqual(P.unpack(["price@abc@9@2026-11-30@2026-12-03@x", 5, "a@b"]), []);
  assert.deepEqual(P.unpack("not a list"), []);
});

test("merging keeps the newer review of each card", () => {
  const older = P.review(FSRS, null, "abc", 1, NOW, {});
  const newer = P.review(FSRS, null, "abc", 4, NOW + 1000, {});
  const mine = { cards: { "drill:a": older } };
  assert.equal(P.merge(mine, { cards: { "drill:a": newer } }), true);
  assert.equal(mine.cards["drill:a"], newer);
  assert.equal(P.merge(mine, { cards: { "drill:a": older } }), false);
});

test("the role comes from the newest onboarding plan", () => {
  const paths = { "sales-representative": ["rep-path"], "sales-manager": ["manager-path"] };
  const plans = { "rep-path": { start: "2026-11-02", t: 5 }, "manager-path": { start: "2026-11-01", t: 9 } };
  assert.equal(P.roleFromPlans(plans, paths), "sales-manager");
  assert.equal(P.roleFromPlans({ "manager-path": { start: "", t: 9 } }, paths), "");
  assert.equal(P.roleFromPlans({}, paths), "");
});

test("drawing picks every drill, and nothing from an empty list", () => {
  assert.equal(P.pick([], 0.5), null);
  assert.deepEqual([0, 0.34, 0.67, 0.999].map((r) => P.pick(["a", "b", "c"], r)), ["a", "b", "c", "c"]);
});
