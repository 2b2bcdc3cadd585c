// The audit report's documents table: expand a document, sort by a column, filter the rows.
(function () {
  var table = document.getElementById("dokumente-tabelle");
  if (!table) { return; }
  var bodies = Array.prototype.slice.call(table.tBodies);
  var text = document.getElementById("filter-text");
  var status = document.getElementById("filter-status");
  var count = document.getElementById("filter-count");
  var collator = new Intl.Collator("de", { numeric: true, sensitivity: "base" });

  function toggle(button, open) {
    var details = document.getElementById(button.getAttribute("aria-controls"));
    button.setAttribute("aria-expanded", open ? "true" : "false");
    details.hidden = !open;
  }
  bodies.forEach(function (body) {
    var button = body.querySelector("button.toggle");
    if (button) { toggle(button, false); }
  });
  table.addEventListener("click", function (event) {
    var button = event.target.closest("button.toggle");
    if (button) { toggle(button, button.getAttribute("aria-expanded") !== "true"); }
  });

  // A link to #dok-N (from elsewhere or typed) opens that document.
  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var body = id && document.getElementById(id);
    if (body && body.tagName === "TBODY") {
      var button = body.querySelector("button.toggle");
      if (button) { toggle(button, true); button.focus(); }
    }
  }
  window.addEventListener("hashchange", openFromHash);
  openFromHash();

  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function value(body, column, numeric) {
    var raw = body.rows[0].cells[column].getAttribute("data-value") || "";
    return numeric ? parseFloat(raw) : raw;
  }
  headers.forEach(function (th, column) {
    var button = th.querySelector("button.sort");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var order = bodies.map(function (body, i) { return [value(body, column, numeric), i, body]; });
      order.sort(function (x, y) {
        var c = numeric ? x[0] - y[0] : collator.compare(x[0], y[0]);
        if (!ascending) { c = -c; }
        return c || x[1] - y[1];
      });
      var fragment = document.createDocumentFragment();
      order.forEach(function (item) { fragment.appendChild(item[2]); });
      table.appendChild(fragment);
      bodies = order.map(function (item) { return item[2]; });
    });
  });

  function matches(body, words, mode) {
    var haystack = body.getAttribute("data-search") || "";
    for (var i = 0; i < words.length; i++) {
      if (haystack.indexOf(words[i]) < 0) { return false; }
    }
    if (mode === "errors") { return parseInt(body.getAttribute("data-errors"), 10) > 0; }
    if (mode === "missing") { return parseInt(body.getAttribute("data-missing"), 10) > 0; }
    if (mode === "unreadable") { return body.getAttribute("data-unreadable") === "ja"; }
    return true;
  }
  function filter() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    bodies.forEach(function (body) {
      var ok = matches(body, words, status.value);
      body.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " von " + bodies.length + " Dokumenten angezeigt";
  }
  text.addEventListener("input", filter);
  status.addEventListener("change", filter);
  document.querySelector("form.filters").addEventListener("submit", function (event) {
    event.preventDefault();
  });
  filter();
})();
