// offerloop: the problem page's editor. Without JavaScript the page is a
// plain form: a textarea posted to /problems/{id}/run, which answers with
// the page and the result. Here CodeMirror turns the textarea into a Python
// editor, a run is posted with fetch and its result swapped in, and "Load
// into editor" fills the editor without a page load.
(function () {
  "use strict";

  var form = document.querySelector("form[data-run]");
  var area = document.getElementById("code");
  if (!form || !area || !window.CodeMirror) return;

  var cm = CodeMirror.fromTextArea(area, {
    mode: { name: "python", version: 3 },
    lineNumbers: true,
    indentUnit: 4,
    tabSize: 4,
    indentWithTabs: false,
    matchBrackets: true,
    viewportMargin: Infinity,
    extraKeys: {
      // Tab indents a selection, else inserts spaces to the next stop.
      "Tab": function (cm) {
        if (cm.somethingSelected()) { cm.indentSelection("add"); return; }
        var col = cm.getCursor().ch;
        cm.replaceSelection(" ".repeat(4 - col % 4), "end");
      },
      "Shift-Tab": function (cm) { cm.indentSelection("subtract"); },
      "Ctrl-Enter": function () { run(); },
      "Cmd-Enter": function () { run(); },
      // Esc leaves the editor, so that Tab does not trap the keyboard.
      "Esc": function (cm) { cm.getInputField().blur(); }
    }
  });
  var label = document.querySelector('label[for="code"]');
  cm.getInputField().setAttribute("aria-label", label ? label.textContent : "Code");
  document.querySelectorAll("[data-editor-hint]").forEach(function (h) { h.hidden = false; });

  var out = document.getElementById("run-out");
  var button = form.querySelector("button[type=submit]");
  var from = document.querySelector("[data-code-from]");
  var busy = false;

  function toast(msg) {
    var t = document.createElement("div");
    t.className = "toast";
    t.setAttribute("role", "alert");
    t.textContent = msg;
    document.body.appendChild(t);
    setTimeout(function () { t.remove(); }, 6000);
  }

  function run() {
    if (!button || busy) return;
    if (form.requestSubmit) form.requestSubmit(button); else button.click();
  }

  form.addEventListener("submit", function (e) {
    if (!window.fetch || !out) return; // the ordinary post
    e.preventDefault();
    if (busy) return;
    busy = true;
    cm.save();
    var label = button.textContent;
    button.disabled = true;
    button.textContent = "Running…";
    out.setAttribute("aria-busy", "true");
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (res) {
      return res.text().then(function (text) { return { res: res, text: text }; });
    }).then(function (r) {
      var html = (r.res.headers.get("Content-Type") || "").indexOf("text/html") === 0;
      if (html) {
        out.innerHTML = r.text;
        if (from) from.textContent = r.res.ok ? "the code you ran" : "the code you sent";
        var top = out.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight - 80) out.scrollIntoView({ block: "start" });
      } else {
        toast(r.text || "The run failed.");
      }
    }).catch(function () {
      // Offline or the server went away: post the form the ordinary way.
      form.submit();
    }).then(function () {
      busy = false;
      button.disabled = false;
      button.textContent = label;
      out.removeAttribute("aria-busy");
    });
  });

  // "Load into editor" on an attempt of the history, and "Reset to starter".
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("[data-load]");
    if (!link) return;
    var src = document.getElementById(link.getAttribute("data-load"));
    if (!src) return;
    e.preventDefault();
    cm.setValue(src.textContent);
    if (from) from.textContent = link.getAttribute("data-from") || "";
    document.getElementById("editor").scrollIntoView({ block: "start" });
    cm.focus();
  });
})();
