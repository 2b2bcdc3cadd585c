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
  function done(message) { if (status) { status.textContent = message; } }
  function fallback() {
    var range = document.createRange();
    range.selectNodeContents(source);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    done(ok ? "Kopiert." : "Markiert: mit Strg+C kopieren.");
  }
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(function () { done("Kopiert."); }, fallback);
  } else {
    fallback();
  }
});
// Print everything, also the sections a reader had folded.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
});
