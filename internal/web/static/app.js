// offerloop: progressive enhancement only. Every action here also works as a
// plain form without JavaScript.
(function () {
  "use strict";

  // Copy buttons: <button data-copy="id-of-textarea" hidden>.
  document.querySelectorAll("[data-copy]").forEach(function (btn) {
    var target = document.getElementById(btn.getAttribute("data-copy"));
    if (!target || !navigator.clipboard) return;
    btn.hidden = false;
    var label = btn.textContent;
    btn.addEventListener("click", function () {
      navigator.clipboard.writeText(target.value).then(function () {
        btn.textContent = "Copied";
        setTimeout(function () { btn.textContent = label; }, 1600);
      }, function () {
        target.focus();
        target.select();
      });
    });
  });

  // Board: drag a card onto a stage column to move it. The drop posts the
  // card's own move form with the column's stage kind; if the request fails for
  // any reason other than a refusal, the form is submitted the ordinary way.
  var board = document.querySelector("[data-board]");
  if (!board) return;
  var hint = document.querySelector("[data-drag-hint]");
  if (hint && window.matchMedia("(pointer: fine)").matches) hint.hidden = false;
  var dragged = null;

  board.addEventListener("dragstart", function (e) {
    var card = e.target.closest && e.target.closest(".card");
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    e.dataTransfer.effectAllowed = "move";
    e.dataTransfer.setData("text/plain", card.getAttribute("data-app"));
  });
  board.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    board.querySelectorAll(".drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
  });

  function column(e) {
    var col = e.target.closest && e.target.closest("[data-column]");
    if (!col || col.getAttribute("data-column") === "closed") return null;
    return col;
  }
  board.addEventListener("dragover", function (e) {
    var col = column(e);
    if (!col || !dragged) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    board.querySelectorAll(".drop-target").forEach(function (c) { if (c !== col) c.classList.remove("drop-target"); });
    col.classList.add("drop-target");
  });
  board.addEventListener("dragleave", function (e) {
    var col = column(e);
    if (col && !col.contains(e.relatedTarget)) col.classList.remove("drop-target");
  });
  board.addEventListener("drop", function (e) {
    var col = column(e);
    if (!col || !dragged) return;
    e.preventDefault();
    col.classList.remove("drop-target");
    var card = dragged;
    var from = card.closest("[data-column]");
    if (from === col) return;
    var form = card.querySelector("form.move");
    var select = form.querySelector("select");
    select.value = col.getAttribute("data-column");
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, {
      method: "POST",
      body: body,
      headers: { "Accept": "application/json" },
      credentials: "same-origin"
    }).then(function (res) {
      return res.json().then(function (data) { return { ok: res.ok, data: data }; });
    }).then(function (r) {
      if (!r.ok) {
        toast(r.data.error || "The move was refused.");
        return;
      }
      var list = col.querySelector(".cards");
      var empty = list.querySelector(".column-empty");
      if (empty) empty.remove();
      list.insertBefore(card, list.firstChild);
      var days = card.querySelector(".card-meta .muted");
      if (days) days.textContent = "moved today";
      card.classList.add("moved");
      recount(from);
      recount(col);
    }).catch(function () {
      form.submit();
    });
  });

  // toast shows a message for a few seconds, announced to screen readers.
  var toastEl = null, toastTimer = 0;
  function toast(msg) {
    if (!toastEl) {
      toastEl = document.createElement("div");
      toastEl.className = "toast";
      toastEl.setAttribute("role", "alert");
      document.body.appendChild(toastEl);
    }
    toastEl.textContent = msg.charAt(0).toUpperCase() + msg.slice(1);
    toastEl.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toastEl.hidden = true; }, 5000);
  }

  function recount(col) {
    var n = col.querySelectorAll(".card").length;
    var more = col.querySelector(".more");
    var badge = col.querySelector("h2 .count");
    if (badge && !more) badge.textContent = n;
    if (n === 0 && !col.querySelector(".column-empty")) {
      var li = document.createElement("li");
      li.className = "column-empty";
      li.textContent = "Nothing here";
      col.querySelector(".cards").appendChild(li);
    }
  }
})();

// Drill: the topic filter submits on change; the review page reveals with
// Space (or the Show answer link) and rates with 1–4 (or the buttons), posting
// the rating with fetch and swapping in the next card the server renders.
// Without JavaScript the link and the buttons do the same with page loads.
(function () {
  "use strict";

  document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
    form.querySelectorAll("[data-nojs]").forEach(function (b) { b.hidden = true; });
    form.addEventListener("change", function () { form.submit(); });
  });
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var b = form.querySelector("button[type=submit]");
      if (b) { b.disabled = true; b.textContent = form.getAttribute("data-busy"); }
    });
  });

  var review = document.getElementById("review");
  if (!review || !window.fetch) return;
  var shownAt = 0, busy = false;

  function card() { return review.querySelector("[data-card]"); }
  function revealed() {
    var a = review.querySelector("[data-answer]");
    return a && !a.hidden;
  }
  function start() {
    shownAt = (window.performance ? performance.now() : Date.now());
    review.querySelectorAll(".kbd-hint").forEach(function (h) { h.hidden = false; });
    if (revealed()) hints();
  }
  function hints() {
    review.querySelectorAll(".rate-buttons .key").forEach(function (k) { k.hidden = false; });
  }
  function reveal() {
    var a = review.querySelector("[data-answer]");
    if (!a || !a.hidden) return;
    a.hidden = false;
    var row = review.querySelector("[data-reveal-row]");
    if (row) row.hidden = true;
    var good = review.querySelector('.rate-buttons button[value="3"]');
    if (good) good.focus({ preventScroll: true });
  }

  var toastEl = null, toastTimer = 0;
  function toast(msg) {
    if (!toastEl) {
      toastEl = document.createElement("div");
      toastEl.className = "toast";
      toastEl.setAttribute("role", "alert");
      document.body.appendChild(toastEl);
    }
    toastEl.textContent = msg;
    toastEl.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { toastEl.hidden = true; }, 5000);
  }

  function rate(form, value) {
    if (busy) return;
    busy = true;
    var body = new URLSearchParams(new FormData(form));
    body.set("rating", value);
    var now = (window.performance ? performance.now() : Date.now());
    body.set("ms", String(Math.max(0, Math.round(now - shownAt))));
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    fetch(form.action, {
      method: "POST",
      body: body,
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (res) {
      return res.text().then(function (text) { return { res: res, text: text }; });
    }).then(function (r) {
      busy = false;
      var html = (r.res.headers.get("Content-Type") || "").indexOf("text/html") === 0;
      if ((r.res.ok || r.res.status === 409) && html) {
        review.innerHTML = r.text;
        start();
        var c = card();
        if (c) { c.setAttribute("tabindex", "-1"); c.focus({ preventScroll: true }); }
        if (review.getBoundingClientRect().top < 0) review.scrollIntoView();
        return;
      }
      form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
      toast(r.text || "The rating could not be saved.");
    }).catch(function () {
      // Offline or the server went away: send the form the ordinary way.
      busy = false;
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "rating";
      input.value = value;
      form.appendChild(input);
      form.submit();
    });
  }

  review.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("[data-reveal]");
    if (link) {
      e.preventDefault();
      reveal();
    }
  });
  review.addEventListener("submit", function (e) {
    var form = e.target.closest && e.target.closest("form[data-rate]");
    if (!form) return;
    e.preventDefault();
    var b = e.submitter || form.querySelector('button[value="3"]');
    rate(form, b.value);
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) return;
    if (!card()) return;
    if ((e.key === " " || e.key === "Enter") && !revealed()) {
      if (e.key === "Enter" && t && t.tagName === "A" && !t.hasAttribute("data-reveal")) return;
      e.preventDefault();
      reveal();
      return;
    }
    if (revealed() && e.key >= "1" && e.key <= "4") {
      var form = review.querySelector("form[data-rate]");
      if (!form) return;
      e.preventDefault();
      rate(form, e.key);
    }
  });
  start();
})();
