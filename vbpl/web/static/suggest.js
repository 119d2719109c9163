// Suggestions under the search box (GET /api/suggest?q=…), and jumping from a finding to its place in the text.
(function () {
  "use strict";

  function suggestions(input) {
    var list = document.getElementById("suggestions");
    var timer = null, active = -1, last = "";

    function close() { list.hidden = true; list.textContent = ""; active = -1; }

    function show(items) {
      list.textContent = "";
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = item.href;
        var count = document.createElement("span");
        count.className = "count";
        count.textContent = item.citers ? "được trích dẫn " + item.citers : "";
        a.appendChild(count);
        a.appendChild(document.createTextNode(item.label));
        if (item.title) {
          var title = document.createElement("span");
          title.className = "title";
          title.textContent = item.title;
          a.appendChild(title);
        }
        li.appendChild(a);
        list.appendChild(li);
      });
      list.hidden = items.length === 0;
      active = -1;
    }

    function ask() {
      var q = input.value.trim();
      if (q === last) { return; }
      last = q;
      if (q.length < 2) { close(); return; }
      fetch(input.dataset.suggest + "?limit=8&q=" + encodeURIComponent(q))
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (input.value.trim() === q) { show(items); } })
        .catch(close);
    }

    function move(step) {
      var items = list.querySelectorAll("li");
      if (!items.length) { return; }
      if (active >= 0) { items[active].classList.remove("active"); }
      active = (active + step + items.length) % items.length;
      items[active].classList.add("active");
    }

    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 120); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { move(1); e.preventDefault(); }
      else if (e.key === "ArrowUp") { move(-1); e.preventDefault(); }
      else if (e.key === "Escape") { close(); }
      else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        window.location = list.querySelectorAll("li a")[active].href;
      }
    });
    document.addEventListener("click", function (e) { if (!list.contains(e.target) && e.target !== input) { close(); } });
  }

  function jumps() {
    document.querySelectorAll("[data-jump]").forEach(function (link) {
      link.addEventListener("click", function (e) {
        e.preventDefault();
        var offset = Number(link.dataset.jump), seen = 0;
        var marks = document.querySelectorAll(".doc-text .cite, .doc-text mark");
        var text = document.querySelector(".doc-text");
        if (!text) { return; }
        var walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        var node;
        while ((node = walker.nextNode())) {
          if (seen + node.length > offset) {
            var target = node.parentElement === text ? null : node.parentElement;
            if (target) { target.scrollIntoView({ block: "center" }); target.classList.add("flash"); }
            else {
              var range = document.createRange();
              range.setStart(node, offset - seen);
              range.getBoundingClientRect && window.scrollTo(0, window.scrollY + range.getBoundingClientRect().top - 200);
            }
            return;
          }
          seen += node.length;
        }
        return marks;
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.querySelector("input[data-suggest]");
    if (input) { suggestions(input); }
    jumps();
  });
})();
