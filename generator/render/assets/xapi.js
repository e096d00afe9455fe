/* A small xAPI client: statements for a learning record store (LRS), sent in order from a
 * queue that survives a reload or a closed tab and retries when the network or the LRS
 * fails. Sending never blocks the page and never throws into it.
 *
 * Plain functions and one small queue, without the DOM: pages get them as
 * window.HandbookXapi, and Node's test runner imports the same file
 * (tests/js/xapi.test.mjs). */
(function (root, build) {
  "use strict";
  var rules = build();
  if (typeof module === "object" && module.exports) { module.exports = rules; } else { root.HandbookXapi = rules; }
}(this, function () {
  "use strict";
  var VERSION = "1.0.3";
  var VERBS = {
    initialized: "http://adlnet.gov/expapi/verbs/initialized",
    completed: "http://adlnet.gov/expapi/verbs/completed",
    passed: "http://adlnet.gov/expapi/verbs/passed",
    failed: "http://adlnet.gov/expapi/verbs/failed",
    terminated: "http://adlnet.gov/expapi/verbs/terminated",
    attempted: "http://adlnet.gov/expapi/verbs/attempted",
    // "Read and understood this version" (ADL's registry: Activity Streams' accept).
    accepted: "http://activitystrea.ms/schema/1.0/accept"
  };
  var MAX_QUEUE = 500; // a queue that never drains must not fill the browser's storage
  var BATCH = 50;

  function uuid(random) {
    var r = random || Math.random;
    return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, function (c) {
      var n = Math.floor(r() * 16);
      return (c === "x" ? n : (n % 4) + 8).toString(16);
    });
  }

  /* One statement: who did what to which activity, with optional result and context.
   * `now` and `id` are passed in, so that the same call gives the same statement. */
  function statement(o) {
    if (!VERBS[o.verb]) { throw new Error("unknown verb " + o.verb); }
    var s = {
      id: o.id,
      actor: o.actor,
      verb: { id: VERBS[o.verb], display: { "en-US": o.verb } },
      object: { objectType: "Activity", id: o.activity },
      timestamp: new Date(o.now).toISOString()
    };
    if (o.result) { s.result = o.result; }
    if (o.context) { s.context = o.context; }
    return s;
  }

  /* How long to wait before the n-th retry (from 0): doubling from 2 s up to 5 minutes. */
  function retryDelay(n) { return Math.min(300000, 2000 * Math.pow(2, Math.max(0, n))); }

  function readQueue(storage, key) {
    try {
      var raw = JSON.parse(storage.getItem(key) || "[]");
      return Array.isArray(raw) ? raw.filter(function (s) { return s && typeof s.id === "string"; }) : [];
    } catch (e) { return []; }
  }

  /* A queue kept in `storage` (localStorage, or any object with getItem/setItem) under
   * `key`. send(statements) returns a promise that resolves once the LRS stored them. The
   * oldest statements go first; a failed batch stays at the head and is retried later.
   * `timer(fn, ms)` schedules a retry (setTimeout in a page). */
  function Queue(storage, key, send, timer) {
    this.storage = storage;
    this.key = key;
    this.send = send;
    this.timer = timer || function () {};
    this.failures = 0;
    this.busy = null;
    this.waiting = false;
  }
  Queue.prototype.pending = function () { return readQueue(this.storage, this.key); };
  Queue.prototype.save = function (list) {
    try { this.storage.setItem(this.key, JSON.stringify(list.slice(-MAX_QUEUE))); return true; } catch (e) { return false; }
  };
  Queue.prototype.add = function (s) {
    var list = this.pending();
    list.push(s);
    this.save(list);
    return this.flush();
  };
  /* Send what is pending; resolves to the number still pending. Concurrent calls share one
   * run, so that a statement is never sent twice at once. */
  Queue.prototype.flush = function () {
    var self = this;
    if (self.busy) { return self.busy; }
    function next() {
      var list = self.pending();
      if (!list.length) { self.failures = 0; return Promise.resolve(0); }
      var batch = list.slice(0, BATCH);
      return Promise.resolve().then(function () { return self.send(batch); }).then(function () {
        var sent = {};
        batch.forEach(function (s) { sent[s.id] = true; });
        self.save(self.pending().filter(function (s) { return !sent[s.id]; }));
        self.failures = 0;
        return next();
      }, function () {
        if (!self.waiting) {
          self.waiting = true;
          self.timer(function () { self.waiting = false; self.flush(); }, retryDelay(self.failures));
        }
        self.failures += 1;
        return self.pending().length;
      });
    }
    self.busy = next().then(function (left) { self.busy = null; return left; }, function () { self.busy = null; return self.pending().length; });
    return self.busy;
  };

  /* A send function for an LRS at `endpoint` (ending in "/") with an Authorization header
   * value. keepalive lets the last statements leave while the page closes. */
  function sender(endpoint, authorization, fetchFn) {
    return function (statements) {
      var body = JSON.stringify(statements);
      return fetchFn(endpoint + "statements", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Experience-API-Version": VERSION, Authorization: authorization },
        body: body,
        keepalive: body.length < 60000
      }).then(function (response) {
        // 409: the LRS holds a statement of that id already: sent before, so done.
        if (!response.ok && response.status !== 409) { throw new Error("LRS answered " + response.status); }
      });
    };
  }

  return { VERBS: VERBS, VERSION: VERSION, uuid: uuid, statement: statement, retryDelay: retryDelay,
    Queue: Queue, sender: sender };
}));
