// offerloop: the kit pages. Without JavaScript they still work: the word
// count and the report come from Check, the pitch's outline is printed
// without its timer, and the portfolio checklist is a plain list.
(function () {
  "use strict";

  function clock(secs) {
    secs = Math.max(0, Math.floor(secs));
    var m = Math.floor(secs / 60), s = secs % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  // Words and spoken time (150 words a minute) as you type.
  var area = document.querySelector("textarea[data-kit-count]");
  var out = document.querySelector("[data-kit-words]");
  if (area && out) {
    var count = function () {
      var t = area.value.trim();
      var n = t ? t.split(/\s+/).length : 0;
      out.textContent = n + (n === 1 ? " word" : " words") + " as typed · about " + clock(n * 60 / 150) + " spoken";
    };
    area.addEventListener("input", count);
    count();
  }

  // The pitch's practice timer, against three minutes.
  document.querySelectorAll("[data-kit-timer]").forEach(function (box) {
    var target = parseInt(box.getAttribute("data-target"), 10) || 180;
    var face = box.querySelector("[data-clock]");
    var start = box.querySelector("[data-start]");
    var reset = box.querySelector("[data-reset]");
    var verdict = box.querySelector("[data-verdict]");
    var began = 0, timer = 0, secs = 0;
    box.hidden = false;
    function show() {
      face.textContent = clock(secs);
      face.classList.toggle("over", secs > target);
    }
    function stop() {
      clearInterval(timer);
      timer = 0;
      start.textContent = "Start again";
      reset.hidden = false;
      var s = Math.floor(secs);
      if (s < target - 40) verdict.textContent = clock(s) + ": short. Say your strongest result with its number, and why this company.";
      else if (s <= target + 40) verdict.textContent = clock(s) + ": about right.";
      else verdict.textContent = clock(s) + ": " + (s - target) + " seconds long. Cut how you came to ML to two sentences.";
    }
    start.addEventListener("click", function () {
      if (timer) { stop(); return; }
      began = Date.now();
      secs = 0;
      verdict.textContent = "";
      start.textContent = "Stop";
      timer = setInterval(function () { secs = (Date.now() - began) / 1000; show(); }, 250);
      show();
    });
    reset.addEventListener("click", function () {
      clearInterval(timer);
      timer = 0;
      secs = 0;
      verdict.textContent = "";
      start.textContent = "Start";
      reset.hidden = true;
      show();
    });
  });

  // The portfolio checklist: ticks kept in this browser's localStorage.
  document.querySelectorAll("[data-kit-checklist]").forEach(function (list) {
    var key = "offerloop.kit." + list.getAttribute("data-kit-checklist");
    var store;
    try { store = window.localStorage; store.getItem(key); } catch (e) { return; }
    var ticked = {};
    try { ticked = JSON.parse(store.getItem(key) || "{}") || {}; } catch (e) { ticked = {}; }
    list.querySelectorAll("input[data-item]").forEach(function (box) {
      var id = box.getAttribute("data-item");
      box.hidden = false;
      box.checked = !!ticked[id];
      box.addEventListener("change", function () {
        if (box.checked) ticked[id] = true; else delete ticked[id];
        try { store.setItem(key, JSON.stringify(ticked)); } catch (e) { /* full or private: keep going */ }
      });
    });
    var note = document.querySelector("[data-kit-stored]");
    if (note) note.hidden = false;
  });
})();
