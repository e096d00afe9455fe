// Unit tests of generator/lms/assets/lms-progress.js, what the SCORM and cmi5
// launchers tell the LMS: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const P = require("../../generator/lms/assets/lms-progress.js");
const HB = "sales-handbook";
const course = {
  items: [["path:p/a", "aa11"], ["path:p/b", "bb22"], ["path:p/c", "cc33"]],
  quizzes: [["q1", 80], ["q2", 70]],
};
function record(items = {}, quizzes = {}) { return { v: 2, h: HB, items, quizzes, plans: {} }; }
const all = { "path:p/a": ["aa11", 5], "path:p/b": [1, 5], "path:p/c": ["cc33", 5] };

test("summarize: nothing done is incomplete, without a score", () => {
  assert.deepEqual(
    (({ done, total, score, status }) => ({ done, total, score, status }))(P.summarize(null, course)),
    { done: 0, total: 3, score: null, status: "incomplete" });
});

test("summarize: a tick counts for the item as it is now, not for a changed item", () => {
  const s = P.summarize(record({ "path:p/a": ["old0", 5], "path:p/b": [1, 5], "path:p/c": [0, 5] }), course);
  assert.equal(s.done, 1);
});

test("summarize: passed needs every item and every quiz at its pass mark", () => {
  const quizzes = { q1: { score: 80, passed: true, fp: "", t: 1 }, q2: { score: 70, passed: true, fp: "", t: 1 } };
  assert.equal(P.summarize(record(all, quizzes), course).status, "passed");
  assert.equal(P.summarize(record(all, quizzes), course).score, 75);
  const partly = { ...all, "path:p/c": [0, 9] };
  assert.equal(P.summarize(record(partly, quizzes), course).status, "incomplete");
});

test("summarize: every quiz taken and one below its mark is failed; a quiz not taken counts 0 in the score", () => {
  const low = { q1: { score: 79, passed: false, fp: "", t: 1 }, q2: { best: 100, passed: true, fp: "", t: 1 } };
  assert.equal(P.summarize(record({}, low), course).status, "failed");
  const one = { q1: { best: 100, passed: true, fp: "", t: 1 } };
  assert.deepEqual([P.summarize(record({}, one), course).status, P.summarize(record({}, one), course).score], ["incomplete", 50]);
});

test("summarize: a path without quizzes is completed once every item is ticked", () => {
  assert.equal(P.summarize(record(all), { items: course.items, quizzes: [] }).status, "completed");
});

test("summarize: another format's record counts as nothing", () => {
  assert.equal(P.summarize({ ...record(all), v: 3 }, course).done, 0);
});

test("suspend data: items by fingerprint, quizzes by id; what the course no longer has is dropped", () => {
  const quizzes = { q2: { best: 90, passed: true, fp: "abc123", t: 1 } };
  const text = P.encodeSuspend(record(all, quizzes), course, 1000);
  assert.equal(text, JSON.stringify({ v: 1, t: 1000, i: ["aa11", "bb22", "cc33"], q: [["q2", 90, 1, "abc123"]] }));
  assert.deepEqual(P.decodeSuspend(text, course), { t: 1000, items: [0, 1, 2], quizzes: [[1, 90, 1, "abc123"]] });
  const bad = JSON.stringify({ v: 1, t: 1, i: ["aa11", "zz99", 3], q: [["q9", 90, 1, ""], ["q1", 101, 1, ""], ["q1", 50, 0, "<x>"]] });
  assert.deepEqual(P.decodeSuspend(bad, course), { t: 1, items: [0], quizzes: [] });
  for (const junk of ["", "{", "null", "[]", JSON.stringify({ v: 2, t: 1, i: [], q: [] })]) {
    assert.equal(P.decodeSuspend(junk, course), null, junk);
  }
});

test("suspend data: a later version that moves, adds or changes items keeps the right ticks", () => {
  const text = P.encodeSuspend(record({ "path:p/a": ["aa11", 5], "path:p/c": ["cc33", 5] }), course, 1000);
  const later = { items: [["path:p/new", "dd44"], ["path:p/c", "cc33"], ["path:p/a", "ee55"]], quizzes: [] };
  assert.deepEqual(P.decodeSuspend(text, later).items, [1], "c kept its tick; a changed, so it lost it");
});

test("seed: an empty browser gets the LMS's progress, with the items' fingerprints", () => {
  const suspend = { t: 50, items: [0, 2], quizzes: [[0, 85, 1, "f00d"]] };
  const next = P.seed(null, suspend, course, HB);
  assert.deepEqual(next.items, { "path:p/a": ["aa11", 50], "path:p/c": ["cc33", 50] });
  assert.deepEqual(next.quizzes.q1, { score: 85, passed: true, fp: "f00d", t: 50 });
  assert.equal(next.v, 2);
  assert.equal(next.h, HB);
  assert.equal(P.summarize(next, course).done, 2);
});

test("seed: a change made here after the LMS's copy wins; an older one gives way", () => {
  const mine = record({ "path:p/a": [0, 99], "path:p/b": [1, 10] }, { q1: { score: 95, passed: true, fp: "f00d", t: 99 } });
  const next = P.seed(mine, { t: 50, items: [0], quizzes: [[0, 85, 1, "f00d"]] }, course, HB);
  assert.deepEqual(next.items["path:p/a"], [0, 99], "unticked here later: stays unticked");
  assert.deepEqual(next.items["path:p/b"], [0, 50], "ticked here earlier, unticked in the LMS later");
  assert.equal(next.quizzes.q1.score, 95, "the result this browser recorded for the same quiz stays");
  assert.equal(P.seed(next, { t: 50, items: [0], quizzes: [] }, course, HB), null, "nothing new: nothing to write");
});

test("seed: another handbook's or another format's record is left alone", () => {
  const suspend = { t: 50, items: [0], quizzes: [] };
  assert.equal(P.seed({ ...record(), h: "other" }, suspend, course, HB), null);
  assert.equal(P.seed({ v: 3, h: HB }, suspend, course, HB), null);
  assert.equal(P.seed(record(), null, course, HB), null);
});

test("timespan and duration: SCORM 1.2 and xAPI formats", () => {
  assert.equal(P.timespan(0), "0000:00:00.00");
  assert.equal(P.timespan(3725.5), "0001:02:05.50");
  assert.equal(P.duration(12.345), "PT12.35S");
});
