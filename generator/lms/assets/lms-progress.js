/* What a learning-management system is told about one onboarding path, read from the
 * progress record the handbook's pages keep in localStorage (assets/learning.js writes it;
 * this file only reads it, and writes it once, before the pages load, to bring back
 * progress the LMS kept).
 *
 * Plain functions without the DOM: the SCORM and cmi5 launchers get them as
 * window.HandbookLms, and Node's test runner imports the same file. */
(function (root, build) {
  "use strict";
  var rules = build();
  if (typeof module === "object" && module.exports) { module.exports = rules; } else { root.HandbookLms = rules; }
}(this, function () {
  "use strict";
  var RECORD = 2; // the record format of learning.js this file understands
  var SUSPEND = 1; // the format of the text kept in the LMS (cmi.suspend_data, cmi5 state)
  var FP = /^[0-9a-f]{1,16}$/;

  function isObject(v) { return v !== null && typeof v === "object" && !Array.isArray(v); }
  function isTime(t) { return typeof t === "number" && isFinite(t) && t >= 0; }

  /* Ticked means ticked for the item as it is now: a tick given to an item that has since
   * changed (another fingerprint) no longer counts, as on the path page. */
  function ticked(record, item) {
    var saved = isObject(record) && isObject(record.items) ? record.items[item[0]] : null;
    var on = Array.isArray(saved) ? saved[0] : 0;
    return on === 1 || (typeof on === "string" && on === item[1]);
  }

  /* A quiz's recorded result: {score, passed, fp, t}. learning.js records the first complete
   * attempt as ``score`` (later ones are practice); records made before kept a ``best``. */
  function quizOf(record, id) {
    var q = isObject(record) && isObject(record.quizzes) ? record.quizzes[id] : null;
    var score = isObject(q) ? (q.score === undefined ? q.best : q.score) : null;
    if (typeof score !== "number" || score < 0 || score > 100) { return null; }
    return { score: score, passed: q.passed === true, fp: q.fp, t: q.t };
  }

  /* course: {items: [[id, fingerprint]], quizzes: [[id, passMark]]}.
   * The status is SCORM 1.2's vocabulary (cmi5 maps it): the path is "completed" when every
   * item is ticked; with quizzes it is "passed" once every item is ticked and every quiz
   * passed, and "failed" once every quiz was taken and one is below its pass mark. */
  function summarize(record, course) {
    var usable = isObject(record) && record.v === RECORD;
    var done = course.items.filter(function (item) { return usable && ticked(record, item); }).length;
    var quizzes = course.quizzes.map(function (q) {
      var saved = usable ? quizOf(record, q[0]) : null;
      return { id: q[0], pass: q[1], score: saved ? saved.score : null, passed: !!saved && saved.score >= q[1] };
    });
    var taken = quizzes.filter(function (q) { return q.score !== null; });
    var score = taken.length ? Math.round(taken.reduce(function (s, q) { return s + q.score; }, 0) / quizzes.length) : null;
    var allDone = done === course.items.length;
    var status = "incomplete";
    if (quizzes.length && taken.length === quizzes.length && !taken.every(function (q) { return q.passed; })) {
      status = "failed";
    } else if (allDone && quizzes.length && quizzes.every(function (q) { return q.passed; })) {
      status = "passed";
    } else if (allDone && !quizzes.length) {
      status = "completed";
    }
    return { done: done, total: course.items.length, quizzes: quizzes, score: score, status: status };
  }

  /* The path's progress as a short text for the LMS: each ticked item by the first
   * characters of its fingerprint, each taken quiz by id, all as of one time. Fingerprints
   * rather than positions: an item moved or added by a later version of the handbook does
   * not take another's tick, and an item changed since loses it, as on the path page. Short
   * ones keep the text far below SCORM 1.2's 4,096 characters. */
  var SHORT = 6;
  function short(item) { return (item[1] || item[0]).slice(0, SHORT); }

  function encodeSuspend(record, course, now) {
    var usable = isObject(record) && record.v === RECORD;
    var items = [], quizzes = [];
    course.items.forEach(function (item) { if (usable && ticked(record, item)) { items.push(short(item)); } });
    course.quizzes.forEach(function (q) {
      var saved = usable ? quizOf(record, q[0]) : null;
      if (saved) { quizzes.push([q[0], saved.score, saved.passed ? 1 : 0, FP.test(saved.fp) ? saved.fp : ""]); }
    });
    return JSON.stringify({ v: SUSPEND, t: Math.floor(now), i: items, q: quizzes });
  }

  /* The LMS's text, checked: {t, items: [positions in course.items], quizzes: [[position,
   * score, passed, fp]]} for what this version of the course still has; null if unreadable. */
  function decodeSuspend(text, course) {
    var raw;
    try { raw = JSON.parse(text); } catch (e) { return null; }
    if (!isObject(raw) || raw.v !== SUSPEND || !isTime(raw.t) || !Array.isArray(raw.i) || !Array.isArray(raw.q)) { return null; }
    var ids = course.quizzes.map(function (c) { return c[0]; });
    var items = [], quizzes = [];
    course.items.forEach(function (item, n) { if (raw.i.indexOf(short(item)) >= 0) { items.push(n); } });
    raw.q.forEach(function (q) {
      var n = Array.isArray(q) ? ids.indexOf(q[0]) : -1;
      if (n >= 0 && q.length === 4 && typeof q[1] === "number" && q[1] >= 0 && q[1] <= 100 &&
          (q[2] === 0 || q[2] === 1) && typeof q[3] === "string" && (q[3] === "" || FP.test(q[3]))) {
        quizzes.push([n, q[1], q[2], q[3]]);
      }
    });
    return { t: raw.t, items: items, quizzes: quizzes };
  }

  /* The stored record with the LMS's copy folded in, or null when nothing changes. What
   * this browser changed after the LMS's copy was made wins; a record of another format
   * (a later handbook's) is left alone. */
  function seed(record, suspend, course, handbook) {
    if (!suspend) { return null; }
    if (record !== null && !(isObject(record) && record.v === RECORD && record.h === handbook)) { return null; }
    var next = record ? JSON.parse(JSON.stringify(record)) : { v: RECORD, h: handbook, items: {}, quizzes: {}, plans: {} };
    if (!isObject(next.items)) { next.items = {}; }
    if (!isObject(next.quizzes)) { next.quizzes = {}; }
    var changed = false;
    course.items.forEach(function (item, n) {
      var mine = next.items[item[0]];
      var mineTime = Array.isArray(mine) && isTime(mine[1]) ? mine[1] : -1;
      var on = suspend.items.indexOf(n) >= 0 ? item[1] || 1 : 0;
      if (mineTime < suspend.t && (on || mine)) {
        var before = Array.isArray(mine) ? mine[0] : 0;
        if (before !== on) { next.items[item[0]] = [on, suspend.t]; changed = true; }
      }
    });
    suspend.quizzes.forEach(function (q) {
      var id = course.quizzes[q[0]][0], mine = quizOf(next, id);
      // The recorded result is a first attempt: one this browser holds for the same quiz stays.
      if (!mine || (mine.fp !== q[3] && (mine.t || 0) < suspend.t)) {
        next.quizzes[id] = { score: q[1], passed: q[2] === 1, fp: q[3], t: suspend.t };
        changed = true;
      }
    });
    return changed ? next : null;
  }

  /* Seconds as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS. */
  function timespan(seconds) {
    var s = Math.max(0, seconds), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    var rest = (s % 60).toFixed(2);
    function pad(n, w) { n = String(n); while (n.length < w) { n = "0" + n; } return n; }
    return pad(Math.min(h, 9999), 4) + ":" + pad(m, 2) + ":" + pad(rest, 5);
  }

  /* Seconds as an ISO 8601 duration, as xAPI wants it. */
  function duration(seconds) {
    return "PT" + Math.max(0, Math.round(seconds * 100) / 100) + "S";
  }

  return { summarize: summarize, encodeSuspend: encodeSuspend, decodeSuspend: decodeSuspend, seed: seed,
    timespan: timespan, duration: duration, RECORD: RECORD };
}));
