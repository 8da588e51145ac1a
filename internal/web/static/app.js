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
