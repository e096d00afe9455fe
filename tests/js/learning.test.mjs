// Unit tests of the rules in generator/render/assets/learning.js (the same file the page
// loads): node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const L = require("../../generator/render/assets/learning.js");
const R = require("../../generator/render/assets/hires.js");
const crypto = require("node:crypto");
const HB = "sales-handbook";

function record(items, more = {}) {
  return { v: 2, h: HB, items, quizzes: {}, plans: {}, ...more };
}
function stateOf(raw) {
  const read = L.readRecord(raw, HB);
  assert.equal(read.dropped, 0);
  return read.state;
}

test("dates: real days between 2000 and 2100 only", () => {
  assert.equal(L.checkDate("2026-12-07"), "ok");
  assert.equal(L.checkDate("2000-01-01"), "ok");
  assert.equal(L.checkDate("2100-12-31"), "ok");
  for (const far of ["9999-12-31", "1999-12-31", "2101-01-01", "0001-01-01"]) {
    assert.equal(L.checkDate(far), "range", far);
  }
  for (const bad of ["2026-02-30", "2026-1-1", "", null, 20261207, "2026-12-07T00:00"]) {
    assert.equal(L.checkDate(bad), "bad", String(bad));
  }
});

test("due dates count the start as day 1, across months and leap days", () => {
  assert.equal(L.dueDate("2026-12-07", 1), "2026-12-07");
  assert.equal(L.dueDate("2026-12-30", 3), "2027-01-01");
  assert.equal(L.dueDate("2028-02-28", 2), "2028-02-29");
  assert.equal(L.dayOf(new Date(2026, 10, 30, 23, 59)), "2026-11-30");
});

test("a format-1 record is migrated without losing a tick", () => {
  const old = {
    v: 1,
    items: { "stage/a": 1, "stage/b": "abc123" },
    quizzes: { kpi: { best: 80, passed: true, fp: "ff" } },
    plans: { rep: { name: "Li Lei", start: "2026-12-07" } },
  };
  const state = stateOf(old);
  assert.deepEqual(state.items, { "stage/a": { on: 1, t: 0 }, "stage/b": { on: "abc123", t: 0 } });
  // A score kept before first attempts were recorded is read as the recorded score.
  assert.deepEqual(state.quizzes.kpi, { score: 80, passed: true, fp: "ff", t: 0 });
  assert.deepEqual(L.planOf(state, "rep"), { name: "Li Lei", start: "2026-12-07", t: 0 });
  const written = L.writeRecord(state, HB);
  assert.equal(written.v, 2);
  assert.equal(written.h, HB);
  assert.deepEqual(written.items, { "stage/a": [1, 0], "stage/b": ["abc123", 0] });
  assert.deepEqual(stateOf(JSON.parse(JSON.stringify(written))), state);
});

test("a format-1 record cannot carry unticks; format 2 keeps them with their time", () => {
  assert.equal(L.readRecord({ v: 1, items: { a: 0 } }, HB).dropped, 1);
  assert.deepEqual(stateOf(record({ a: [0, 5] })).items.a, { on: 0, t: 5 });
});

test("tampered parts are dropped and counted, sound parts kept", () => {
  const read = L.readRecord(
    record(
      { "stage/a": [1, 3], "../../etc": [1, 3], "stage/b": ["<img src=x>", 3], "stage/c": [1, -1] },
      { quizzes: { kpi: { best: 1e9 } }, plans: { rep: { start: "9999-12-31" } } },
    ),
    HB,
  );
  assert.equal(read.dropped, 5);
  assert.deepEqual(Object.keys(read.state.items), ["stage/a"]);
  assert.deepEqual(read.state.plans, {});
});

test("another handbook's record is recognised, unreadable ones are not guessed at", () => {
  assert.deepEqual(L.readRecord({ ...record({}), h: "other-handbook" }, HB), {
    state: null, dropped: 0, foreign: "other-handbook",
  });
  for (const raw of [null, [], { v: 99 }, "text", { v: 2 }]) {
    const read = L.readRecord(raw, HB);
    assert.equal(read.state, null);
  }
  assert.equal(L.readRecord({ v: 2 }, HB).foreign, "?");
});

test("fields a later version adds to the record are kept when writing", () => {
  const state = stateOf(record({ a: [1, 1] }, { acks: { page: "ff" } }));
  assert.deepEqual(L.writeRecord(state, HB).acks, { page: "ff" });
});

test("two tabs ticking different items both keep their ticks", () => {
  const base = stateOf(record({ a: [1, 1] }));
  const tabA = stateOf(L.writeRecord(base, HB));
  const tabB = stateOf(L.writeRecord(base, HB));
  L.setTick(tabA, "x", 1, 10);
  L.setTick(tabB, "y", "beef", 11);
  L.setTick(tabB, "a", 0, 12);
  assert.equal(L.merge(tabA, tabB), true);
  assert.equal(L.merge(tabB, tabA), true);
  for (const tab of [tabA, tabB]) {
    assert.equal(L.tickOf(tab, "x"), 1);
    assert.equal(L.tickOf(tab, "y"), "beef");
    assert.equal(L.tickOf(tab, "a"), 0, "the newer untick wins");
  }
  assert.equal(L.merge(tabA, tabB), false, "nothing new the second time");
});

test("merge: the newer change wins, a tie keeps the tick", () => {
  const mine = stateOf(record({ a: [1, 5], b: [0, 5], c: [1, 9] }));
  const theirs = stateOf(record({ a: [0, 4], b: [1, 5], c: [0, 10] }));
  L.merge(mine, theirs);
  assert.deepEqual(mine.items, { a: { on: 1, t: 5 }, b: { on: 1, t: 5 }, c: { on: 0, t: 10 } });
});

test("merge: the first attempt of the same questions stands, the later practice shows; else the newer", () => {
  const quiz = (score, passed, fp, t, practice) => ({ score, passed, fp, t, ...(practice === undefined ? {} : { practice }) });
  const mine = stateOf(record({}, { quizzes: { q: quiz(90, true, "aa", 8, 100), r: quiz(50, false, "aa", 1) } }));
  const theirs = stateOf(record({}, { quizzes: { q: quiz(40, false, "aa", 2, 60), r: quiz(20, false, "bb", 8) } }));
  assert.equal(L.merge(mine, theirs), true);
  assert.deepEqual(mine.quizzes.q, quiz(40, false, "aa", 2, 100));
  assert.deepEqual(mine.quizzes.r, quiz(20, false, "bb", 8));
});

test("merge: the newer plan wins, and a cleared plan stays cleared", () => {
  const mine = stateOf(record({}, { plans: { rep: { name: "A", start: "2026-01-05", t: 9 } } }));
  const theirs = stateOf(record({}, { plans: { rep: { name: "", start: "", t: 3 }, ops: { name: "B", start: "2026-02-02", t: 2 } } }));
  L.merge(mine, theirs);
  assert.equal(L.planOf(mine, "rep").start, "2026-01-05");
  assert.equal(L.planOf(mine, "ops").name, "B");
  const cleared = stateOf(record({}, { plans: { rep: { name: "", start: "", t: 10 } } }));
  L.merge(mine, cleared);
  assert.equal(L.planOf(mine, "rep"), null);
});

test("set-aside copies get their own keys and only the newest few are kept", () => {
  const key = "sales-handbook:x";
  const first = L.setAsideKey(key, 100, []);
  assert.equal(first, key + ":set-aside:100");
  const second = L.setAsideKey(key, 100, [first]);
  assert.notEqual(second, first);
  const keys = [key, key + ":set-aside", "other", first, second];
  for (let t = 101; t < 101 + L.MAX_SET_ASIDE; t++) keys.push(L.setAsideKey(key, t, keys));
  const surplus = L.setAsideSurplus(key, keys);
  assert.deepEqual(surplus, [key + ":set-aside", first, second]);
  assert.deepEqual(L.setAsideSurplus(key, [first]), []);
});

test("progress links travel with Chinese names, and only to their handbook", () => {
  const state = stateOf(record({ "path:rep/a": [1, 3], "path:rep/b": ["c0ffee", 3], "path:rep/c": [0, 4] }, {
    quizzes: { kpi: { score: 75, passed: true, fp: "ab", t: 1 } },
    plans: { rep: { name: "张伟", start: "2026-12-07", t: 1 } },
  }));
  const payload = L.linkPayload(state, HB, "rep", { a: ["page@ff"] });
  assert.deepEqual(payload.i, ["path:rep/a", "path:rep/b@c0ffee"]);
  assert.deepEqual(payload.a, ["page@ff"], "further fields ride along");
  const hash = "#progress=" + L.encode(payload);
  const link = L.readLink(hash, HB, 50);
  assert.equal(link.name, "张伟");
  assert.equal(link.path, "rep");
  assert.deepEqual(link.extra, { a: ["page@ff"] });
  assert.deepEqual(link.state.items, { "path:rep/a": { on: 1, t: 50 }, "path:rep/b": { on: "c0ffee", t: 50 } });
  assert.equal(L.planOf(link.state, "rep").start, "2026-12-07");
  assert.deepEqual(L.readLink(hash, "another", 50), { error: "damaged" });
});

test("a progress link from a page that is not a path carries no plan", () => {
  const state = stateOf(record({ "stage/a": [1, 3] }));
  const link = L.readLink("#progress=" + L.encode(L.linkPayload(state, HB, "")), HB, 9);
  assert.equal(link.path, "");
  assert.deepEqual(link.state.plans, {});
});

test("damaged links and far-off dates are refused", () => {
  const good = { v: 1, h: HB, p: "rep", n: "X", s: "2026-12-07", i: [], q: {} };
  const hash = (o) => "#progress=" + L.encode(o);
  assert.equal(L.readLink(hash(good), HB, 1).error, undefined);
  assert.deepEqual(L.readLink(hash({ ...good, s: "9999-12-31" }), HB, 1), { error: "date", date: "9999-12-31" });
  assert.deepEqual(L.readLink(hash({ ...good, s: "1970-01-01" }), HB, 1), { error: "date", date: "1970-01-01" });
  for (const bad of [
    { ...good, v: 2 }, { ...good, s: "never" }, { ...good, p: "../x" }, { ...good, i: "a" },
    { ...good, i: ["a@<b>"] }, { ...good, q: { kpi: [1e9, 1, "ab"] } },
  ]) {
    assert.deepEqual(L.readLink(hash(bad), HB, 1), { error: "damaged" }, JSON.stringify(bad));
  }
  for (const text of ["#progress=%%%", "#progress=" + "A".repeat(20000), "#progress=eyJ2IjoxfQ", "#other"]) {
    assert.deepEqual(L.readLink(text, HB, 1), { error: "damaged" });
  }
});

test("base64url round trip of any text", () => {
  const value = { s: "客户 \u{1F600} <&> ?/+=" };
  const text = L.encode(value);
  assert.match(text, /^[A-Za-z0-9_-]+$/);
  assert.deepEqual(L.decode(text), value);
});

/* Keys made as generator/render/answer_keys.py makes them, with Node's own SHA-256. */
function choiceKey(salt, question, ids) {
  const key = crypto.createHash("sha256").update(`${salt}|${question}|${[...ids].sort().join(",")}`).digest("hex");
  return { type: ids.length > 1 ? "multiple" : "single", salt, question, key };
}
function numericKey(salt, question, value, tolerance) {
  const stream = crypto.createHash("sha256").update(`${salt}|${question}|number`).digest();
  const plain = Buffer.from(`${value};${tolerance}`);
  return { type: "numeric", salt, question, key: Buffer.from(plain.map((b, i) => b ^ stream[i % 32])).toString("hex") };
}

test("SHA-256 in plain JavaScript agrees with Node's", () => {
  for (const text of ["", "abc", "x".repeat(55), "x".repeat(56), "x".repeat(64), "复购率 ".repeat(50)]) {
    assert.equal(L.sha256(text), crypto.createHash("sha256").update(text).digest("hex"), text.length);
  }
});

test("grading against hashed keys: choices in any order, numbers within the tolerance", () => {
  const many = choiceKey("5a17", "q1", ["b", "a"]);
  assert.equal(L.isRight(many, "a,b"), true);
  assert.equal(L.isRight(many, "a"), false);
  assert.equal(L.isRight({ ...many, salt: "other" }, "a,b"), false, "the salt is part of the key");
  assert.equal(L.isRight(choiceKey("5a17", "q2", ["c"]), "c"), true);
  const number = numericKey("5a17", "q3", "12.5", "0.5");
  assert.doesNotMatch(number.key, /12/);
  assert.equal(L.isRight(number, 13), true);
  assert.equal(L.isRight(number, 13.1), false);
  assert.equal(L.isRight(numericKey("5a17", "q4", "3", "0"), 3), true);
  assert.equal(L.isRight(number, null), false);
  assert.equal(L.isRight({ ...number, key: "zz" }, 12.5), false, "a damaged key grades nothing right");
});

test("the right answer is found from the key, for practice mode to show", () => {
  assert.deepEqual(L.rightAnswer(choiceKey("s", "q", ["d", "b"]), ["a", "b", "c", "d"]), ["b", "d"]);
  assert.deepEqual(L.rightAnswer(choiceKey("s", "q", ["c"]), ["a", "b", "c", "d"]), ["c"]);
  assert.deepEqual(L.rightAnswer(numericKey("s", "q", "37.5", "0.5")), ["37.5"]);
  assert.deepEqual(L.rightAnswer(choiceKey("s", "q", ["x"]), ["a", "b"]), []);
});

test("the first complete attempt is the record; later ones are practice, until the questions change", () => {
  const fp = L.quizPrint(["a1", "b2"]);
  assert.match(fp, /^[0-9a-f]{1,8}$/);
  assert.equal(fp, L.quizPrint(["a1", "b2"]));
  assert.notEqual(fp, L.quizPrint(["a1", "b3"]));
  const one = L.attempt(undefined, fp, 0, 4, 80, 1);
  assert.deepEqual(one, { percent: 0, passed: false, practice: false, record: { score: 0, passed: false, fp, t: 1 } });
  const two = L.attempt(one.record, fp, 4, 4, 80, 2);
  assert.equal(two.practice, true);
  assert.equal(two.passed, true);
  assert.deepEqual(two.record, { score: 0, passed: false, fp, t: 1, practice: 100 }, "a perfect retake is practice");
  const changed = L.attempt(two.record, "other", 1, 4, 80, 4);
  assert.deepEqual(changed.record, { score: 25, passed: false, fp: "other", t: 4 });
});

test("a progress link says when the progress last changed", () => {
  const state = stateOf(record({ "path:rep/a": [1, 30] }, { quizzes: { kpi: { score: 75, passed: true, fp: "ab", t: 70 } } }));
  const link = L.readLink("#progress=" + L.encode(L.linkPayload(state, HB, "rep")), HB, 99);
  assert.equal(link.updated, 70);
  assert.deepEqual(link.extra, {});
});

test("a hire's name without a start date travels in the link", () => {
  const state = stateOf(record({}, { plans: { rep: { name: "李雷", start: "", t: 5 } } }));
  const link = L.readLink("#progress=" + L.encode(L.linkPayload(state, HB, "rep")), HB, 9);
  assert.equal(link.name, "李雷");
});

test("My hires: a newer link of the same hire replaces the older; rows count against the path", () => {
  const hash = (items, quizzes, name = "Li Lei") => "#progress=" + L.encode(L.linkPayload(stateOf(record(items, {
    quizzes, plans: { rep: { name, start: "2026-12-01", t: 1 } },
  })), HB, "rep"));
  const first = R.addLink(L, [], hash({ "path:rep/a": [1, 2] }, {}), HB, 10);
  const second = R.addLink(L, first.list, hash({ "path:rep/a": [1, 2], "path:rep/b": ["f1", 3] }, { kpi: { score: 40, passed: false, fp: "ab", t: 4, practice: 100 } }), HB, 11);
  const other = R.addLink(L, second.list, hash({}, {}, "Han Meimei"), HB, 12);
  assert.equal(other.list.length, 2);
  assert.deepEqual(R.addLink(L, [], "#progress=eyJ2IjoxfQ", HB, 1), { error: "damaged" });
  const items = [
    { key: "path:rep/a", fp: "", day: 1, quiz: "" },
    { key: "path:rep/b", fp: "f2", day: 2, quiz: "" }, // changed since it was ticked: not done
    { key: "path:rep/c", fp: "", day: 30, quiz: "kpi" },
  ];
  const row = R.row(L, other.list[0], items, HB, "2026-12-05");
  assert.deepEqual(row, { name: "Li Lei", done: 1, total: 3, overdue: 1, quizzes: [{ id: "kpi", score: 40, passed: false }], updated: 4 });
  assert.deepEqual(R.readList([{ link: "javascript:x", path: "", name: "", added: 1 }, other.list[1]]), [other.list[1]]);
});

test("crossed writes converge: a tab writes back only what the other one lacks", () => {
  const copy = (state) => stateOf(JSON.parse(JSON.stringify(L.writeRecord(state, HB))));
  const tabA = stateOf(record({ x: [1, 10] }));
  const tabB = stateOf(record({ y: [1, 11] }));
  const stored = copy(tabB); // B's write landed over A's
  assert.equal(L.merge(tabA, stored), true); // A takes y in ...
  assert.equal(L.merge(copy(stored), tabA), true); // ... and has x to write back
  const rewritten = copy(tabA);
  assert.equal(L.merge(tabB, rewritten), true); // B takes x in ...
  assert.equal(L.merge(copy(rewritten), tabB), false); // ... and has nothing to add: no ping-pong
  assert.deepEqual(tabA.items, tabB.items);
});

test("due dates agree with the generator's rule, in working days and holidays too", async () => {
  const { readFile } = await import("node:fs/promises");
  const cases = JSON.parse(await readFile(new URL("../fixtures/calendar/due-dates.json", import.meta.url), "utf-8"));
  assert.ok(cases.length > 50);
  for (const c of cases) {
    assert.equal(L.dueDate(c.start, c.day, c.working, c.holidays), c.due, JSON.stringify(c));
  }
});
