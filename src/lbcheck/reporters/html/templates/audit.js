// The audit report's documents table: open a document's findings below its row, sort by a
// column, filter the rows. The findings live in a section after the table (readable without
// script); a row shows them by moving them into a row inserted below it. Only a page of rows is
// shown at once ("Weitere anzeigen" adds the next): the browser lays out only those, so sorting
// and filtering thousands of documents stays quick.
(function () {
  var table = document.getElementById("dokumente-tabelle");
  if (!table) { return; }
  var body = table.tBodies[0];
  var store = document.getElementById("befunde-je-dokument");
  var rows = Array.prototype.slice.call(body.rows);
  var text = document.getElementById("filter-text");
  var status = document.getElementById("filter-status");
  var count = document.getElementById("filter-count");
  var more = document.getElementById("mehr-dokumente");
  var pageSize = parseInt(table.getAttribute("data-page-size"), 10) || 100;
  var limit = pageSize;
  var collator = new Intl.Collator("de", { numeric: true, sensitivity: "base" });
  store.hidden = true;

  function detailsOf(row) {
    var next = row.nextElementSibling;
    return next && next.classList.contains("doc-details") ? next : null;
  }
  function toggle(button, open) {
    var row = button.closest("tr");
    var findings = document.getElementById(button.getAttribute("aria-controls"));
    var details = detailsOf(row);
    if (open && !details && findings) {
      details = document.createElement("tr");
      details.className = "doc-details";
      var cell = document.createElement("td");
      cell.colSpan = row.cells.length;
      cell.appendChild(findings);
      details.appendChild(cell);
      row.parentNode.insertBefore(details, row.nextSibling);
    } else if (!open && details) {
      if (findings) { store.appendChild(findings); }
      details.parentNode.removeChild(details);
    }
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  body.addEventListener("click", function (event) {
    var button = event.target.closest("button.toggle");
    if (button) { toggle(button, button.getAttribute("aria-expanded") !== "true"); }
  });

  // A link to #dok-N or #dok-N-befunde (typed, or from another page) opens that document.
  function openFromHash() {
    var id = decodeURIComponent(location.hash.slice(1)).replace(/-befunde$/, "");
    var row = /^dok-\d+$/.test(id) && document.getElementById(id);
    if (row) {
      if (row.hidden) {
        text.value = "";
        status.value = "all";
        limit = Math.max(pageSize, rows.indexOf(row) + 1);
        render();
      }
      var button = row.querySelector("button.toggle");
      toggle(button, true);
      button.focus();
    }
  }
  window.addEventListener("hashchange", openFromHash);

  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  headers.forEach(function (th, column) {
    var button = th.querySelector("button.sort");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var order = rows.map(function (row, i) {
        var raw = row.cells[column].getAttribute("data-value") || "";
        return [numeric ? parseFloat(raw) : raw, i, row];
      });
      order.sort(function (x, y) {
        var c = numeric ? x[0] - y[0] : collator.compare(x[0], y[0]);
        if (!ascending) { c = -c; }
        return c || x[1] - y[1];
      });
      var fragment = document.createDocumentFragment();
      rows = order.map(function (item) {
        var details = detailsOf(item[2]);
        fragment.appendChild(item[2]);
        if (details) { fragment.appendChild(details); }
        return item[2];
      });
      body.appendChild(fragment);
      render();
    });
  });

  function matches(row, words, mode) {
    var haystack = row.getAttribute("data-search") || "";
    for (var i = 0; i < words.length; i++) {
      if (haystack.indexOf(words[i]) < 0) { return false; }
    }
    if (mode === "errors") { return parseInt(row.getAttribute("data-errors"), 10) > 0; }
    if (mode === "missing") { return parseInt(row.getAttribute("data-missing"), 10) > 0; }
    if (mode === "unreadable") { return row.getAttribute("data-unreadable") === "ja"; }
    return true;
  }
  function render() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var matched = 0;
    var shown = 0;
    rows.forEach(function (row) {
      var visible = false;
      if (matches(row, words, status.value)) {
        matched += 1;
        visible = shown < limit;
        if (visible) { shown += 1; }
      }
      var details = detailsOf(row);
      row.hidden = !visible;
      if (details) { details.hidden = !visible; }
    });
    if (shown === matched) {
      count.textContent = shown + " von " + rows.length + " Dokumenten angezeigt";
    } else {
      count.textContent = shown + " von " + matched +
        (matched < rows.length ? " passenden" : "") + " Dokumenten angezeigt";
    }
    more.hidden = shown >= matched;
    more.textContent = "Weitere " + Math.min(pageSize, matched - shown) + " anzeigen";
  }
  function filter() { limit = pageSize; render(); }
  text.addEventListener("input", filter);
  status.addEventListener("change", filter);
  more.addEventListener("click", function () { limit += pageSize; render(); });
  document.querySelector("form.filters").addEventListener("submit", function (event) {
    event.preventDefault();
  });
  render();
  openFromHash();
})();
