// offerloop: the practice pages' clocks. Without JavaScript every page still
// works: a design step's time is counted by the server from when the step
// began, the story form's word count is the saved story's, and the timers
// are left out (their pages list the phases and minutes).
(function () {
  "use strict";

  function clock(secs) {
    secs = Math.max(0, Math.floor(secs));
    var m = Math.floor(secs / 60), s = secs % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  function words(text) {
    var t = text.trim();
    return t ? t.split(/\s+/).length : 0;
  }

  // The story form: words and spoken time (150 words a minute) as you type.
  document.querySelectorAll("form[data-wordcount]").forEach(function (form) {
    var out = form.querySelector("[data-words]");
    var areas = form.querySelectorAll("textarea[data-count]");
    if (!out || !areas.length) return;
    function count() {
      var n = 0;
      areas.forEach(function (a) { n += words(a.value); });
      var secs = Math.round(n * 60 / 150);
      out.textContent = n + (n === 1 ? " word" : " words") + " · about " + clock(secs) + " spoken";
      out.className = secs > 150 ? "warn-text" : secs >= 90 ? "ok-text" : "";
    }
    areas.forEach(function (a) { a.addEventListener("input", count); });
    count();
  });

  // The practice question: time your answer against two minutes.
  document.querySelectorAll("[data-answer-timer]").forEach(function (box) {
    var target = parseInt(box.getAttribute("data-target"), 10) || 120;
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
      if (s < 90) verdict.textContent = clock(s) + ": short. Add the options you weighed and what the result changed.";
      else if (s <= target + 30) verdict.textContent = clock(s) + ": about right.";
      else verdict.textContent = clock(s) + ": " + (s - target) + " seconds long. Cut the situation to two sentences.";
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
      start.textContent = "Start answering";
      reset.hidden = true;
      show();
    });
  });

  // A design session's step: the step's clock and the session's, counted
  // here; Next posts the step's seconds with the notes.
  var design = document.querySelector("[data-design-clock]");
  if (design) {
    var num = function (k) { return parseInt(design.getAttribute(k), 10) || 0; };
    var elapsed0 = num("data-elapsed"), before = num("data-before");
    var budget = num("data-budget"), totalBudget = num("data-total-budget");
    var stepFace = design.querySelector("[data-step-clock]");
    var totalFace = design.querySelector("[data-total-clock]");
    var loaded = Date.now();
    var elapsed = function () { return elapsed0 + (Date.now() - loaded) / 1000; };
    var tick = function () {
      var e = elapsed();
      stepFace.textContent = clock(e);
      stepFace.classList.toggle("over", e > budget);
      stepFace.title = e > budget ? "Over this step's time: move on" : "";
      totalFace.textContent = clock(before + e);
      totalFace.classList.toggle("over", before + e > totalBudget);
    };
    tick();
    setInterval(tick, 250);
    var form = document.querySelector("form[data-step-form]");
    if (form) {
      form.addEventListener("submit", function () {
        var field = form.querySelector("[data-seconds]");
        if (field) field.value = String(Math.floor(elapsed()));
        var button = form.querySelector("button[type=submit]");
        if (button) setTimeout(function () { button.disabled = true; }, 0);
      });
    }
  }

  // Mock-round timer: phase by phase, with a visible announcement and a
  // short beep at each change.
  var mock = document.querySelector("[data-mock]");
  if (mock) {
    var items = Array.prototype.slice.call(document.querySelectorAll("li.phase"));
    var phases = items.map(function (li) {
      var say = li.querySelector("[data-say]");
      return { name: li.getAttribute("data-name"), secs: 60 * (parseInt(li.getAttribute("data-minutes"), 10) || 0), say: say ? say.textContent : "" };
    });
    var total = phases.reduce(function (n, p) { return n + p.secs; }, 0);
    var q = function (sel) { return mock.querySelector(sel); };
    var face = q("[data-mock-clock]"), nameEl = q("[data-phase-name]"), countEl = q("[data-phase-count]");
    var sayEl = q("[data-phase-say]"), totalEl = q("[data-mock-total]"), bar = q("[data-mock-progress]");
    var announce = q("[data-announce]");
    var startBtn = q("[data-mock-start]"), pauseBtn = q("[data-mock-pause]"), skipBtn = q("[data-mock-skip]"), resetBtn = q("[data-mock-reset]");
    var beepBox = q("[data-mock-beep]");
    var idx = 0, used = 0, doneBefore = 0, running = false, last = 0, timer = 0, audio = null, over = false;

    var beep = function (n) {
      if (!beepBox || !beepBox.checked) return;
      try {
        if (!audio) audio = new (window.AudioContext || window.webkitAudioContext)();
        for (var i = 0; i < n; i++) {
          var t = audio.currentTime + i * 0.25;
          var osc = audio.createOscillator(), gain = audio.createGain();
          osc.frequency.value = 880;
          gain.gain.setValueAtTime(0.0001, t);
          gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
          gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.18);
          osc.connect(gain);
          gain.connect(audio.destination);
          osc.start(t);
          osc.stop(t + 0.2);
        }
      } catch (e) { /* no sound here: the announcement is still shown */ }
    };
    var say = function (text) {
      announce.textContent = text;
      announce.classList.remove("flash");
      void announce.offsetWidth; // restart the highlight
      announce.classList.add("flash");
    };
    var render = function () {
      var p = phases[Math.min(idx, phases.length - 1)];
      var left = over ? 0 : p.secs - used;
      face.textContent = clock(Math.ceil(left));
      face.classList.toggle("soon", !over && left <= 60 && p.secs > 120);
      face.classList.toggle("over", over);
      nameEl.textContent = over ? "Time" : p.name;
      countEl.textContent = over ? "Round over" : "Phase " + (idx + 1) + " of " + phases.length;
      sayEl.textContent = over ? "Stop here. Go over what went well and what to change, phase by phase." : p.say;
      var spent = over ? total : doneBefore + used;
      totalEl.textContent = clock(spent);
      if (bar) bar.setAttribute("width", String(total ? Math.round(1000 * spent / total) : 0));
      items.forEach(function (li, i) {
        li.classList.toggle("current", !over && i === idx);
        li.classList.toggle("past", over || i < idx);
      });
    };
    var next = function (skipped) {
      doneBefore += phases[idx].secs;
      used = 0;
      idx++;
      if (idx >= phases.length) {
        idx = phases.length - 1;
        over = true;
        stopTimer();
        pauseBtn.hidden = true;
        skipBtn.disabled = true;
        startBtn.hidden = false;
        startBtn.textContent = "Start again";
        say("Time: the round is over.");
        beep(3);
      } else {
        var p = phases[idx];
        say((skipped ? "Skipped ahead. " : "Time. ") + "Now: " + p.name + ", " + p.secs / 60 + " min.");
        beep(2);
      }
      render();
    };
    var stopTimer = function () { clearInterval(timer); timer = 0; running = false; };
    var tick = function () {
      var now = Date.now();
      used += (now - last) / 1000;
      last = now;
      if (used >= phases[idx].secs) next(false);
      else render();
    };
    var run = function () {
      running = true;
      last = Date.now();
      timer = setInterval(tick, 200);
      pauseBtn.hidden = false;
      pauseBtn.textContent = "Pause";
      startBtn.hidden = true;
      skipBtn.disabled = false;
      resetBtn.disabled = false;
    };
    var reset = function () {
      stopTimer();
      idx = 0; used = 0; doneBefore = 0; over = false;
      startBtn.hidden = false;
      startBtn.textContent = "Start";
      pauseBtn.hidden = true;
      skipBtn.disabled = true;
      resetBtn.disabled = true;
      announce.textContent = "";
      render();
    };
    startBtn.addEventListener("click", function () {
      if (over) reset();
      beep(1);
      say("Go: " + phases[0].name + ", " + phases[0].secs / 60 + " min.");
      run();
    });
    pauseBtn.addEventListener("click", function () {
      if (running) {
        stopTimer();
        pauseBtn.textContent = "Resume";
        say("Paused.");
      } else {
        say("Resumed: " + phases[idx].name + ".");
        run();
      }
    });
    skipBtn.addEventListener("click", function () {
      if (!over) next(true);
    });
    resetBtn.addEventListener("click", reset);
    mock.hidden = false;
    render();
  }
})();
