// A little JavaScript on top of pages that work without it: upload with a
// progress bar and drag-and-drop, and polling while a document is checked.
"use strict";
(function () {
  var form = document.getElementById("upload");
  if (form) {
    var drop = document.getElementById("drop"), input = document.getElementById("file");
    ["dragenter", "dragover"].forEach(function (e) {
      drop.addEventListener(e, function (ev) { ev.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (e) {
      drop.addEventListener(e, function (ev) { ev.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (ev) { input.files = ev.dataTransfer.files; });
    form.addEventListener("submit", function (ev) {
      if (!window.XMLHttpRequest || !input.files.length) return;
      ev.preventDefault();
      var bar = document.querySelector("#progress .bar"), xhr = new XMLHttpRequest();
      document.getElementById("progress").hidden = false;
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) bar.style.width = (100 * e.loaded / e.total) + "%"; };
      xhr.onload = function () {
        if (xhr.status >= 400 || !xhr.responseURL || xhr.responseURL.indexOf("/upload") >= 0) {
          document.open(); document.write(xhr.responseText); document.close(); return;
        }
        location.href = xhr.responseURL;
      };
      xhr.open("POST", form.action);
      xhr.send(new FormData(form));
    });
  }
  // Poll the state of documents being checked; reload when one is done.
  var waiting = document.querySelectorAll("[data-status]");
  if (waiting.length) {
    var poll = function () {
      var pending = 0, left = waiting.length;
      waiting.forEach(function (el) {
        fetch("/api/status/" + el.getAttribute("data-status"), { cache: "no-store" })
          .then(function (r) { return r.json(); })
          .then(function (s) {
            if (s.state === "done" || s.state === "failed") { location.reload(); return; }
            var st = el.querySelector(".state");
            if (st && s.state === "running") st.textContent = st.getAttribute("data-running") || st.textContent;
            pending++;
          })
          .finally(function () { if (--left === 0 && pending) setTimeout(poll, 300); });
      });
    };
    setTimeout(poll, 200);
  }
  // Bring the selected finding into view in the list.
  var sel = document.querySelector("article.finding.selected");
  if (sel) sel.scrollIntoView({ block: "nearest" });
})();
