/* The handbook's behaviour in the browser: small, framework-free, and safe with
 * Material's instant navigation (every feature is set up again on each page view).
 * Nothing here builds HTML from strings: text goes in through textContent only. */
(function () {
  "use strict";

  /* Run setup(root) on every page view: Material's document$ fires on each instant
   * navigation; without it (plain pages, file://), once on load. */
  function onPage(setup) {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(function () { setup(document); });
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { setup(document); });
    } else {
      setup(document);
    }
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) {
      return key in values ? String(values[key]) : "";
    });
  }

  /* --- script library: filter the tables by channel and purpose ------------------ */
  function scriptFilter(root) {
    root.querySelectorAll("form.script-filter:not([data-hb-ready])").forEach(function (form) {
      form.dataset.hbReady = "1";
      var columns = (form.dataset.columns || "").split(" ").map(Number);
      var selects = form.querySelectorAll("select");
      var output = form.querySelector("output");
      var rows = Array.prototype.slice.call(root.querySelectorAll(".md-content table tbody tr"));
      function apply() {
        var shown = 0;
        rows.forEach(function (row) {
          var match = Array.prototype.every.call(selects, function (select, i) {
            var cell = row.cells[columns[i]];
            return !select.value || (cell && cell.textContent.trim() === select.value);
          });
          row.hidden = !match;
          if (match) { shown += 1; }
        });
        root.querySelectorAll(".md-content table").forEach(function (table) {
          var visible = table.querySelector("tbody tr:not([hidden])");
          var block = table.closest(".md-typeset__scrollwrap") || table;
          block.hidden = !visible;
          var heading = block.previousElementSibling;
          if (heading && /^H[2-6]$/.test(heading.tagName)) { heading.hidden = !visible; }
        });
        if (output) { output.textContent = fill(output.dataset.template || "", { shown: shown, total: rows.length }); }
      }
      form.addEventListener("change", apply);
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      form.hidden = false;
      apply();
    });
  }

  /* --- KPI calculator: a safe evaluator for + - * / ( ), numbers, names and the
     functions of generator/model/formula.py (a list input gives an array) ---------- */
  var FUNCTIONS = {
    mean: function (xs) { return FUNCTIONS.sum(xs) / xs.length; },
    sum: function (xs) { return xs.reduce(function (a, b) { return a + b; }, 0); },
    min: function (xs) { return Math.min.apply(null, xs); },
    max: function (xs) { return Math.max.apply(null, xs); }
  };
  function tokenize(source) {
    var tokens = source.match(/\d+(?:\.\d+)?|[a-z_][a-z0-9_]*|[-+*/(),]/gi) || [];
    if (tokens.join("") !== source.replace(/\s+/g, "")) { throw new Error("bad formula"); }
    return tokens;
  }

  function evaluate(source, values) {
    var tokens = tokenize(source);
    var pos = 0;
    function peek() { return tokens[pos]; }
    function next() { return tokens[pos++]; }
    function primary() {
      var token = next();
      if (token === "(") { var inner = sum(); if (next() !== ")") { throw new Error(")"); } return inner; }
      if (token === "-") { return -primary(); }
      if (token === "+") { return primary(); }
      if (/^\d/.test(token || "")) { return parseFloat(token); }
      if (peek() === "(" && (Object.prototype.hasOwnProperty.call(FUNCTIONS, token) || token === "round")) { return call(token); }
      if (token && Object.prototype.hasOwnProperty.call(values, token)) { return values[token](); }
      throw new Error("missing " + token);
    }
    function call(name) {
      next();
      var args = [sum()];
      while (peek() === ",") { next(); args.push(sum()); }
      if (next() !== ")") { throw new Error(")"); }
      if (name === "round") { var f = Math.pow(10, args[1] || 0); return Math.round(args[0] * f) / f; }
      var xs = [].concat.apply([], args);
      if (!xs.length) { throw new Error("empty"); }
      return FUNCTIONS[name](xs);
    }
    function product() {
      var value = primary();
      while (peek() === "*" || peek() === "/") {
        var op = next(), right = primary();
        value = op === "*" ? value * right : value / right;
      }
      return value;
    }
    function sum() {
      var value = product();
      while (peek() === "+" || peek() === "-") {
        var op = next(), right = product();
        value = op === "+" ? value + right : value - right;
      }
      return value;
    }
    var result = sum();
    if (pos !== tokens.length) { throw new Error("trailing"); }
    return result;
  }

  /* The result as the page shows every value of this KPI: the page's language (data-locale),
   * its currency, percent, ratio (3.0×) or the catalog's pattern around the number ("{n} 天"). */
  function formatResult(data, result) {
    var locale = data.locale || document.documentElement.lang || "en";
    var digits = { maximumFractionDigits: 2 };
    try {
      if (data.currency) {
        return new Intl.NumberFormat(locale, { style: "currency", currency: data.currency, minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(result);
      }
      if (data.unit === "percent") {
        return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(result / 100);
      }
      if (data.unit === "ratio") {
        return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(result) + "×";
      }
      var text = new Intl.NumberFormat(locale, digits).format(result);
      return (data.pattern || "{n}").replace("{n}", text);
    } catch (error) { // an unknown locale or currency: the plain number is still right
      return String(Math.round(result * 100) / 100);
    }
  }

  function kpiCalculator(root) {
    root.querySelectorAll("form.kpi-calculator:not([data-hb-ready])").forEach(function (form) {
      form.dataset.hbReady = "1";
      var inputs = form.querySelectorAll("input[name]");
      var output = form.querySelector("output");
      function compute() {
        var values = {};
        var busy = {};
        inputs.forEach(function (input) {
          values[input.name] = function () {
            if (input.dataset.list && input.value.trim() !== "") {
              return input.value.split(/[,，;\s]+/).filter(Boolean).map(Number);
            }
            if (input.value.trim() !== "") { return Number(input.value); }
            if (!input.dataset.formula || busy[input.name]) { throw new Error("missing"); }
            busy[input.name] = true;
            return evaluate(input.dataset.formula, values);
          };
        });
        var result;
        try { result = evaluate(form.dataset.formula, values); } catch (error) { result = NaN; }
        output.textContent = isFinite(result) ? formatResult(form.dataset, result) : "–";
      }
      form.addEventListener("input", compute);
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      compute();
    });
  }

  /* Shared with learning.js, which is loaded after this file. */
  window.Handbook = { onPage: onPage, fill: fill };

  onPage(function (root) {
    scriptFilter(root);
    kpiCalculator(root);
  });
}());
