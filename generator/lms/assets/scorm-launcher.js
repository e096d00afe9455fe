/* The SCORM 1.2 launcher: holds the LMS connection for the whole visit while the handbook's
 * pages run in the inner frame.
 *
 * Loaded in the launcher's <head>, so that the session starts before anything else (an LMS
 * may time a launch out that does not call LMSInitialize soon). The pages keep progress in
 * localStorage as on the plain site; the launcher hears every write through the `storage`
 * event (it fires in the other documents of the same origin), turns the record into
 * status, score and suspend data, and commits. Leaving the launcher ends the session. */
(function () {
  "use strict";
  var P = window.HandbookLms;
  var course = JSON.parse(document.getElementById("course").textContent);
  var storeKey = "sales-handbook:" + course.handbook;
  var started = Date.now();
  var api = findApi(window);
  var live = false, finished = false, last = "";

  /* SCORM 1.2: the LMS puts `API` on a window above the content's: its parents (a few
   * levels at most), or the window that opened it and that window's parents. */
  function findApi(win) {
    function climb(w) {
      for (var level = 0; w && level < 8; level++) {
        try { if (w.API && typeof w.API.LMSInitialize === "function") { return w.API; } } catch (e) { return null; }
        if (w.parent === w) { break; }
        w = w.parent;
      }
      return null;
    }
    return climb(win) || (win.opener ? climb(win.opener) : null);
  }

  function get(name) { return live ? String(api.LMSGetValue(name)) : ""; }
  function set(name, value) { if (live) { api.LMSSetValue(name, String(value)); } }

  function stored() {
    try {
      var raw = window.localStorage.getItem(storeKey);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) { return undefined; } // unreadable: neither report nor overwrite it
  }

  /* Bring back what the LMS kept (a relaunch, or another computer) before the pages load. */
  function resume() {
    var record = stored();
    if (record === undefined) { return; }
    var next = P.seed(record, P.decodeSuspend(get("cmi.suspend_data"), course), course, course.handbook);
    if (next) {
      try { window.localStorage.setItem(storeKey, JSON.stringify(next)); } catch (e) { /* the pages say so */ }
    }
  }

  function report() {
    var record = stored();
    if (!live || record === undefined) { return; }
    var now = P.summarize(record, course);
    var suspend = P.encodeSuspend(record, course, Date.now());
    var fingerprint = JSON.stringify([now.status, now.score, suspend.replace(/"t":\d+,/, "")]);
    if (fingerprint === last) { return; }
    last = fingerprint;
    set("cmi.core.lesson_status", now.status);
    if (now.score !== null) {
      set("cmi.core.score.min", 0);
      set("cmi.core.score.max", 100);
      set("cmi.core.score.raw", now.score);
    }
    set("cmi.suspend_data", suspend);
    api.LMSCommit("");
    showStatus(now);
  }

  function finish() {
    if (!live || finished) { return; }
    finished = true;
    report();
    set("cmi.core.session_time", P.timespan((Date.now() - started) / 1000));
    var status = get("cmi.core.lesson_status");
    set("cmi.core.exit", status === "incomplete" ? "suspend" : "");
    api.LMSCommit("");
    api.LMSFinish("");
  }

  function showStatus(now) {
    var line = document.getElementById("lms-status");
    if (!line) { return; }
    var words = course.words;
    line.textContent = words.progress.replace("{done}", now.done).replace("{total}", now.total) +
      (now.score === null ? "" : " · " + words.score.replace("{score}", now.score)) +
      " · " + (words[now.status] || now.status);
  }

  if (api && String(api.LMSInitialize("")) === "true") {
    live = true;
    if (get("cmi.core.lesson_status") === "not attempted") { set("cmi.core.lesson_status", "incomplete"); }
    resume();
  }

  window.addEventListener("storage", function (event) { if (event.key === storeKey) { report(); } });
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  document.addEventListener("DOMContentLoaded", function () {
    var line = document.getElementById("lms-status");
    if (!live && line) { line.textContent = course.words.offline; }
    report();
    // The pages load only now: they must find the progress brought back from the LMS.
    document.getElementById("content").src = course.start;
    var done = document.getElementById("lms-finish");
    if (done) { done.addEventListener("click", function () { finish(); done.disabled = true; }); }
  });
  window.HandbookScorm = { report: report, finish: finish, connected: function () { return live; } };
}());
