// Unit tests of the xAPI client in generator/render/assets/xapi.js (the file pages load):
// node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const X = require("../../generator/render/assets/xapi.js");

/* localStorage as the queue sees it; `full` makes every write fail, as a full disk does. */
function memory() {
  const data = new Map();
  return {
    full: false,
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem(k, v) { if (this.full) { throw new Error("QuotaExceededError"); } data.set(k, String(v)); },
    data,
  };
}
const actor = { objectType: "Agent", account: { homePage: "https://lms.example.com", name: "li-wei" } };
function stmt(id, verb = "initialized") {
  return X.statement({ id, actor, verb, activity: "urn:a", now: Date.UTC(2026, 10, 30) });
}

test("statement: verb IRI, activity object, ISO time; result and context only when given", () => {
  const s = stmt("1", "passed");
  assert.equal(s.verb.id, "http://adlnet.gov/expapi/verbs/passed");
  assert.deepEqual(s.object, { objectType: "Activity", id: "urn:a" });
  assert.equal(s.timestamp, "2026-11-30T00:00:00.000Z");
  assert.ok(!("result" in s) && !("context" in s));
  const r = X.statement({ id: "2", actor, verb: "failed", activity: "urn:a", now: 0, result: { success: false } });
  assert.deepEqual(r.result, { success: false });
  assert.throws(() => X.statement({ id: "3", actor, verb: "liked", activity: "urn:a", now: 0 }), /unknown verb/);
});

test("uuid: version 4 shape", () => {
  for (let i = 0; i < 50; i++) {
    assert.match(X.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
});

test("retryDelay: doubles from 2 s and stops at 5 minutes", () => {
  assert.deepEqual([0, 1, 2, 3].map(X.retryDelay), [2000, 4000, 8000, 16000]);
  assert.equal(X.retryDelay(30), 300000);
});

test("queue: statements go in order and leave the queue once stored", async () => {
  const storage = memory(), got = [];
  const q = new X.Queue(storage, "k", async (batch) => { got.push(...batch.map((s) => s.id)); });
  await q.add(stmt("a"));
  await q.add(stmt("b"));
  assert.deepEqual(got, ["a", "b"]);
  assert.deepEqual(q.pending(), []);
});

test("queue: a failed send keeps the statements, schedules a retry, and the retry sends them", async () => {
  const storage = memory(), got = [], timers = [];
  let down = true;
  const send = async (batch) => { if (down) { throw new Error("offline"); } got.push(...batch.map((s) => s.id)); };
  const q = new X.Queue(storage, "k", send, (fn, ms) => timers.push([fn, ms]));
  assert.equal(await q.add(stmt("a")), 1);
  assert.equal(await q.add(stmt("b")), 2);
  assert.equal(timers.length, 1, "one retry is scheduled, not one per failure");
  assert.equal(timers[0][1], 2000);
  down = false;
  timers[0][0]();
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.deepEqual(got, ["a", "b"]);
  assert.deepEqual(q.pending(), []);
});

test("queue: what is pending survives a reload (a new queue over the same storage)", async () => {
  const storage = memory();
  const first = new X.Queue(storage, "k", async () => { throw new Error("offline"); });
  await first.add(stmt("a"));
  const got = [];
  const second = new X.Queue(storage, "k", async (batch) => { got.push(...batch.map((s) => s.id)); });
  assert.equal(await second.flush(), 0);
  assert.deepEqual(got, ["a"]);
});

test("queue: concurrent flushes send a statement once", async () => {
  const storage = memory();
  let calls = 0;
  const q = new X.Queue(storage, "k", async () => { calls += 1; await new Promise((r) => setTimeout(r, 5)); });
  storage.setItem("k", JSON.stringify([stmt("a")]));
  await Promise.all([q.flush(), q.flush(), q.flush()]);
  assert.equal(calls, 1);
});

test("queue: damaged storage reads as empty, a full storage does not throw", async () => {
  const storage = memory();
  storage.setItem("k", "{not json");
  const q = new X.Queue(storage, "k", async () => {});
  assert.deepEqual(q.pending(), []);
  storage.full = true;
  await assert.doesNotReject(q.add(stmt("a")));
});

test("sender: POSTs the batch with the xAPI headers; 409 counts as stored, 500 as failed", async () => {
  const calls = [];
  let status = 200;
  const fetchFn = async (url, init) => { calls.push([url, init]); return { ok: status < 300, status }; };
  const send = X.sender("http://lrs/xAPI/", "Basic abc", fetchFn);
  await send([stmt("a")]);
  const [url, init] = calls[0];
  assert.equal(url, "http://lrs/xAPI/statements");
  assert.equal(init.method, "POST");
  assert.equal(init.headers["X-Experience-API-Version"], "1.0.3");
  assert.equal(init.headers.Authorization, "Basic abc");
  assert.equal(JSON.parse(init.body)[0].id, "a");
  assert.equal(init.keepalive, true);
  status = 409;
  await send([stmt("a")]);
  status = 500;
  await assert.rejects(send([stmt("a")]), /500/);
});
