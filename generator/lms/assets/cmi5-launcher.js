/* The cmi5 assignable unit (AU): follows the cmi5 launch contract while the handbook's pages
 * run in the inner frame.
 *
 * The LMS launches index.html?endpoint=…&fetch=…&actor=…&registration=…&activityId=…. The
 * AU posts once to `fetch` for its token, reads the LMS.LaunchData state (the context every
 * statement must carry, the launch mode, a mastery score), sends "initialized", then
 * "completed", "passed" or "failed" as the progress record the pages keep in localStorage
 * says so, and "terminated" when the learner leaves. Statements go through the xAPI queue
 * (assets/xapi.js), so a network failure delays them instead of losing them. */
(function () {
  "use strict";
  var P = window.HandbookLms, X = window.HandbookXapi;
  var course = JSON.parse(document.getElementById("course").textContent);
  var storeKey = "sales-handbook:" + course.handbook;
  var CATEGORY = "https://w3id.org/xapi/cmi5/context/categories/";
  var started = Date.now();
  var launch = readLaunch(new URLSearchParams(window.location.search));
  var session = null; // {queue, actor, activity, registration, context, mode, mastery}
  var sent = {};
  var lastTime = 0; // statements of one session get strictly increasing times: their order
  var words = pickLanguage();

  function readLaunch(q) {
    var actor;
    try { actor = JSON.parse(q.get("actor") || "null"); } catch (e) { actor = null; }
    var launch = { endpoint: q.get("endpoint"), fetch: q.get("fetch"), actor: actor,
      registration: q.get("registration"), activity: q.get("activityId") };
    return launch.endpoint && launch.fetch && actor && launch.registration && launch.activity ? launch : null;
  }

  /* The learner's language, when the package has it; the handbook's default otherwise. */
  function pickLanguage() {
    var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) { return String(l).slice(0, 2); });
    var lang = wanted.filter(function (l) { return course.starts[l]; })[0];
    if (lang) { course.start = course.starts[lang]; document.documentElement.lang = lang; }
    return lang ? course.languages[lang] : course.words;
  }

  function endpoint() { return launch.endpoint.replace(/\/?$/, "/"); }

  function start() {
    return fetch(launch.fetch, { method: "POST" }).then(function (r) { return r.json(); }).then(function (answer) {
      if (!answer || !answer["auth-token"]) { throw new Error("the LMS gave no token"); }
      var auth = "Basic " + answer["auth-token"];
      var q = new URLSearchParams({ stateId: "LMS.LaunchData", activityId: launch.activity,
        agent: JSON.stringify(launch.actor), registration: launch.registration });
      return fetch(endpoint() + "activities/state?" + q, {
        headers: { Authorization: auth, "X-Experience-API-Version": X.VERSION }
      }).then(function (r) { if (!r.ok) { throw new Error("no LMS.LaunchData"); } return r.json(); }).then(function (data) {
        var send = X.sender(endpoint(), auth, window.fetch.bind(window));
        session = {
          queue: new X.Queue(window.localStorage, "sales-handbook-xapi:" + course.handbook + ":" + launch.registration, send, window.setTimeout.bind(window)),
          context: data.contextTemplate || {},
          mode: data.launchMode || "Normal",
          mastery: typeof data.masteryScore === "number" ? data.masteryScore : null,
          returnURL: typeof data.returnURL === "string" ? data.returnURL : ""
        };
        record("initialized");
        report();
      });
    });
  }

  /* A cmi5 statement: the launch's context, the cmi5 category, moveon for the verbs that
   * let the learner move on. */
  function record(verb, result) {
    if (!session || sent[verb]) { return; }
    sent[verb] = true;
    var context = JSON.parse(JSON.stringify(session.context));
    context.registration = launch.registration;
    var activities = context.contextActivities = context.contextActivities || {};
    var categories = activities.category = activities.category || [];
    categories.push({ id: CATEGORY + "cmi5" });
    if (verb === "completed" || verb === "passed" || verb === "failed") { categories.push({ id: CATEGORY + "moveon" }); }
    lastTime = Math.max(Date.now(), lastTime + 1);
    var s = X.statement({ id: X.uuid(), actor: launch.actor, verb: verb, activity: launch.activity,
      now: lastTime, context: context, result: result });
    session.queue.add(s);
  }

  function seconds() { return (Date.now() - started) / 1000; }

  /* In Browse and Review modes cmi5 allows only initialized and terminated. */
  function report() {
    var raw;
    try { raw = JSON.parse(window.localStorage.getItem(storeKey) || "null"); } catch (e) { return; }
    var now = P.summarize(raw, course);
    show(now);
    if (!session || session.mode !== "Normal") { return; }
    if (now.done === now.total) { record("completed", { completion: true, duration: P.duration(seconds()) }); }
    var taken = now.quizzes.length && now.quizzes.every(function (q) { return q.score !== null; });
    if (!taken) { return; }
    var scaled = now.score / 100;
    var passed = session.mastery === null ? now.quizzes.every(function (q) { return q.passed; }) : scaled >= session.mastery;
    var result = { success: passed, score: { scaled: scaled, raw: now.score, min: 0, max: 100 }, duration: P.duration(seconds()) };
    if (passed) { record("passed", result); } else if (!sent.failed) { record("failed", result); }
  }

  function finish() {
    if (!session || sent.terminated) { return; }
    report();
    record("terminated", { duration: P.duration(seconds()) });
  }

  function show(now) {
    var line = document.getElementById("lms-status");
    if (!line) { return; }
    line.textContent = words.progress.replace("{done}", now.done).replace("{total}", now.total) +
      (now.score === null ? "" : " · " + words.score.replace("{score}", now.score)) + " · " + (words[now.status] || now.status);
  }

  window.addEventListener("storage", function (event) { if (event.key === storeKey) { report(); } });
  window.addEventListener("pagehide", finish);
  document.addEventListener("DOMContentLoaded", function () {
    var line = document.getElementById("lms-status");
    var done = document.getElementById("lms-finish");
    done.textContent = words.finish;
    document.getElementById("content").src = course.start;
    if (!launch) { line.textContent = words.offline; return; }
    start().catch(function () { line.textContent = words.offline; });
    done.addEventListener("click", function () {
      finish();
      done.disabled = true;
      // cmi5: once the statements are out, go back where the LMS asked the AU to return.
      if (session && session.returnURL) {
        session.queue.flush().then(function () { window.location.assign(session.returnURL); });
      }
    });
  });
  window.HandbookCmi5 = { report: report, finish: finish, pending: function () { return session ? session.queue.pending().length : -1; } };
}());
