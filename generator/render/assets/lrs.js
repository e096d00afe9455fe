/* Progress as xAPI statements, for a learning record store named in the handbook's
 * configuration (handbook.yaml: handbook.lrs): an item completed, a quiz's recorded first
 * attempt passed or failed, a practice attempt attempted, each with the learner the assign
 * link or the hire named, and each confirmation of reading a page. Statements wait in a
 * queue in this browser (assets/xapi.js) and are sent again after a failure; sending never
 * blocks the page and never throws into it.
 * Without an endpoint, or without a learner's name, nothing is sent. */
(function () {
  "use strict";
  if (typeof window === "undefined" || !window.Handbook || !window.HandbookXapi) { return; }
  var H = window.Handbook, X = window.HandbookXapi;
  var info = window.HandbookData || {};
  if (!/^https?:\/\/[^\s]+$/.test(info.lrs_endpoint || "")) { return; }
  var endpoint = info.lrs_endpoint.replace(/\/?$/, "/");
  var handbook = info.id || "handbook";
  var lang = info.lang === "zh" ? "zh-CN" : "en-US";
  // Activity ids are the same in every language and version of the handbook.
  var base = location.origin + "/xapi/" + encodeURIComponent(handbook) + "/";

  var memory = {};
  var storage = {
    getItem: function (k) { try { return window.localStorage.getItem(k); } catch (e) { return memory[k] || null; } },
    setItem: function (k, v) { try { window.localStorage.setItem(k, v); } catch (e) { memory[k] = v; } }
  };
  var send = X.sender(endpoint, info.lrs_authorization || "", function (url, options) { return window.fetch(url, options); });
  var queue = new X.Queue(storage, "sales-handbook:" + handbook + ":xapi", send, function (run, ms) { window.setTimeout(run, ms); });

  /* The learner: the name on this page's path, else the latest name given on any path. */
  function actor() {
    var state = H.progress && H.progress.state(), path = H.progress && H.progress.path();
    if (!state) { return null; }
    var plan = state.plans[path], name = plan && plan.name;
    if (!name) {
      var named = Object.keys(state.plans).map(function (k) { return state.plans[k]; }).filter(function (p) { return p.name; });
      named.sort(function (a, b) { return b.t - a.t; });
      name = named.length ? named[0].name : "";
    }
    if (!name) { return null; }
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(name)) { return { objectType: "Agent", name: name, mbox: "mailto:" + name }; }
    return { objectType: "Agent", name: name, account: { homePage: location.origin + "/", name: name } };
  }

  function tell(verb, activity, title, result, practice) {
    try {
      var who = actor();
      if (!who) { return; }
      var s = X.statement({ id: X.uuid(), actor: who, verb: verb, activity: base + activity, now: Date.now(), result: result });
      var name = {};
      name[lang] = title || activity;
      s.object.definition = { name: name };
      if (practice) { s.context = { extensions: {} }; s.context.extensions[base + "practice"] = true; }
      queue.add(s).catch(function () { /* kept in the queue */ });
    } catch (e) { /* a statement is never worth breaking the page */ }
  }

  H.lrs = {
    item: function (key, title) { tell("completed", "item/" + encodeURIComponent(key), title, { completion: true }); },
    /* result: {percent, passed, practice} of one complete attempt. */
    quiz: function (id, title, result) {
      var score = { scaled: result.percent / 100, raw: result.percent, min: 0, max: 100 };
      var verb = result.practice ? "attempted" : result.passed ? "passed" : "failed";
      tell(verb, "quiz/" + encodeURIComponent(id), title, { score: score, success: result.passed, completion: true }, result.practice);
    }
  };
  /* A confirmation of "read and understood": the page (or entry) and the version of its
   * content confirmed, by its fingerprint, so the LRS can tell a new version's from an old one's. */
  if (H.acks) {
    H.acks.listeners.push(function (ack) {
      var extensions = {};
      extensions[base + "fingerprint"] = ack.fingerprint;
      tell("accepted", "ack/" + encodeURIComponent(ack.key), ack.title, { completion: true, extensions: extensions });
    });
  }
  window.addEventListener("online", function () { queue.flush(); });
  queue.flush();
}());
