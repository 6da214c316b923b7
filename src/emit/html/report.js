"use strict";
(function () {
  var data = JSON.parse(document.getElementById("candor-data").textContent);
  var findings = data.findings;
  var form = document.querySelector("form.filters");
  var list = document.getElementById("list");
  var more = document.getElementById("more");
  var countLine = document.getElementById("count");
  var PAGE = 100;
  var matches = [];
  var shown = 0;

  // Control characters, bidirectional overrides and line separators from a
  // scanned repository are shown as \u{..}, as the page's other text
  // (candor's text::escape_controls).
  function safe(s) {
    return String(s).replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, function (c) {
      return "\\u{" + c.charCodeAt(0).toString(16) + "}";
    });
  }

  function esc(s) {
    return safe(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function fill(select, counts, label) {
    Object.keys(counts).sort().forEach(function (key) {
      var option = document.createElement("option");
      option.value = key;
      option.textContent = safe(label(key)) + " (" + counts[key] + ")";
      select.appendChild(option);
    });
  }

  // Keys come from the scanned code: no key may reach Object's own members.
  var byCategory = Object.create(null), byRecipient = Object.create(null);
  findings.forEach(function (f) {
    f.c.forEach(function (c) { byCategory[c] = (byCategory[c] || 0) + 1; });
    if (f.to) { byRecipient[f.to] = (byRecipient[f.to] || 0) + 1; }
    f.text = (f.m + "\n" + f.x + "\n" + f.r + "\n" + f.c.join(" ") + "\n" + (f.to || "")).toLowerCase();
  });
  fill(form.elements.category, byCategory, function (key) {
    var name = Object.prototype.hasOwnProperty.call(data.categories, key) ? data.categories[key] : "";
    return name && name !== key ? name + " \u2014 " + key : key;
  });
  fill(form.elements.recipient, byRecipient, function (key) { return key; });

  function filters() {
    var levels = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=level]"), function (box) {
      levels[box.value] = box.checked;
    });
    return {
      levels: levels,
      kind: form.elements.kind.value,
      category: form.elements.category.value,
      recipient: form.elements.recipient.value,
      path: form.elements.path.value.trim(),
      q: form.elements.q.value.trim().toLowerCase(),
      suppressed: form.elements.suppressed.value,
      promise: form.elements.promise.value
    };
  }

  function keep(f, w) {
    if (!w.levels[f.l]) { return false; }
    if (w.suppressed === "" && f.u) { return false; }
    if (w.suppressed === "only" && !f.u) { return false; }
    if (w.kind && f.k !== w.kind) { return false; }
    if (w.category && f.c.indexOf(w.category) < 0) { return false; }
    if (w.recipient && f.to !== w.recipient) { return false; }
    if (w.path && f.p.indexOf(w.path) < 0) { return false; }
    if (w.promise !== "" && (!f.b || f.b.indexOf(Number(w.promise)) < 0)) { return false; }
    if (w.q && f.text.indexOf(w.q) < 0) { return false; }
    return true;
  }

  function card(f) {
    var h = '<article class="finding ' + f.l + (f.u ? " suppressed" : "") + '">';
    h += '<h3><span class="lvl ' + f.l + '">' + f.l + "</span>" + esc(f.m) + "</h3>";
    h += '<div class="meta"><span class="where">' + esc(f.p) + ":" + f.n + "</span>";
    if (f.c.length) { h += '<span class="kind ' + f.k + '">' + f.k + "</span>"; }
    h += "<span>" + esc(f.r) + "</span>";
    if (f.c.length) {
      h += "<span>" + f.c.map(function (c) { return "<code>" + esc(c) + "</code>"; }).join(" ") +
        (f.s ? ' <span class="badge sensitive">sensitive</span>' : "") + "</span>";
    }
    if (f.to) { h += "<span>to <strong>" + esc(f.to) + "</strong></span>"; }
    if (f.st) { h += "<span>in " + esc(f.st) + "</span>"; }
    if (f.role) { h += "<span>" + esc(f.role) + " code</span>"; }
    h += "</div>";
    if (f.x) { h += '<pre class="snippet"><span class="ln">' + f.n + "</span>" + esc(f.x) + "</pre>"; }
    if (f.t.length > 1) {
      h += '<ol class="trail">' + f.t.map(function (s) {
        return '<li><span class="where">' + esc(s[0]) + ":" + s[1] + "</span>" + esc(s[2]) + "</li>";
      }).join("") + "</ol>";
    }
    if (f.pol) {
      h += '<div class="policy-ref">Judged against the manifest, line ' + f.pol[0] +
        (f.pol[1] ? ", policy clause " + esc(f.pol[1]) : "") + "</div>";
    }
    if (f.u) {
      h += '<div class="why">Suppressed by ' + (f.u[0] === "baseline" ? "the baseline" : "a candor:ignore comment") +
        (f.u[1] ? ": " + esc(f.u[1]) : " (no reason given)") + "</div>";
    }
    return h + "</article>";
  }

  function showMore(all) {
    var end = all ? matches.length : Math.min(matches.length, shown + PAGE);
    var html = [];
    for (var i = shown; i < end; i++) { html.push(card(findings[matches[i]])); }
    list.insertAdjacentHTML("beforeend", html.join(""));
    shown = end;
    more.hidden = shown >= matches.length;
    more.textContent = "Show " + Math.min(PAGE, matches.length - shown) + " more of " + (matches.length - shown);
  }

  // Errors first, then warnings, then notes; the report's order within each.
  var rank = { error: 0, warning: 1, note: 2 };
  var order = findings.map(function (f, i) { return i; });
  order.sort(function (a, b) { return (rank[findings[a].l] - rank[findings[b].l]) || (a - b); });

  function apply() {
    var w = filters();
    matches = [];
    for (var j = 0; j < order.length; j++) {
      if (keep(findings[order[j]], w)) { matches.push(order[j]); }
    }
    list.innerHTML = "";
    shown = 0;
    var line = matches.length + " of " + findings.length + " findings";
    if (w.promise !== "") {
      line += ' \u00b7 breaking the promise on <code>' + esc(data.promises[Number(w.promise)] || "") +
        '</code> <a href="#findings?">clear</a>';
    }
    countLine.innerHTML = line;
    if (!matches.length) { list.innerHTML = '<p class="empty">No finding matches these filters.</p>'; }
    showMore(false);
  }

  var timer = null;
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(apply, 120);
  });
  form.addEventListener("change", apply);
  more.addEventListener("click", function () { showMore(false); });
  window.addEventListener("beforeprint", function () { showMore(true); });

  // `#findings?category=user.contact.email&kind=stored` sets the filters.
  function route() {
    var at = location.hash.indexOf("?");
    if (location.hash.slice(1, at < 0 ? undefined : at) !== "findings" || at < 0) { return false; }
    var params = Object.create(null);
    location.hash.slice(at + 1).split("&").forEach(function (pair) {
      var eq = pair.indexOf("=");
      if (eq > 0) {
        var value = pair.slice(eq + 1);
        try { value = decodeURIComponent(value); } catch (e) { /* a bad escape stays as written */ }
        params[pair.slice(0, eq)] = value;
      }
    });
    form.reset();
    Array.prototype.forEach.call(form.querySelectorAll("input[name=level]"), function (box) {
      box.checked = !params.level || params.level === box.value;
    });
    ["kind", "category", "recipient", "path", "q", "suppressed", "promise"].forEach(function (name) {
      form.elements[name].value = params[name] || "";
    });
    apply();
    document.getElementById("findings").scrollIntoView();
    return true;
  }
  window.addEventListener("hashchange", route);
  if (!route()) { apply(); }
})();
