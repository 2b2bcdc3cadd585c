"use strict";
// Copy a Textbaustein to the clipboard; fall back to selecting it where the clipboard API is
// not allowed (a page opened from disk in some browsers).
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-copy]");
  if (!button) { return; }
  var source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) { return; }
  var text = source.textContent.trim();
  var status = button.parentElement.querySelector(".copy-status");
  // The page's language: the button carries its own words (German if an older page lacks them).
  var copied = button.getAttribute("data-copied") || "Kopiert.";
  var selected = button.getAttribute("data-selected") || "Markiert: mit Strg+C kopieren.";
  function done(message) { if (status) { status.textContent = message; } }
  function fallback() {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    done(ok ? copied : selected);
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () { done(copied); }, fallback);
  } else {
    fallback();
  }
});
// Print everything, also the sections a reader had folded.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
});
