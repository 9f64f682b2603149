// Filters: each unchecked box adds a rule to one style sheet, and the count of shown findings
// is summed from the (document, rule, severity) counts: no work per finding.
(function () {
  "use strict";
  var counts = JSON.parse(document.getElementById("counts").textContent);
  var sheet = document.createElement("style");
  document.head.appendChild(sheet);
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var shown = document.getElementById("shown");

  function update() {
    var hidden = { s: {}, r: {}, d: {} };
    var css = [];
    boxes.forEach(function (box) {
      if (box.checked) return;
      var kind = box.getAttribute("data-filter");
      hidden[kind][box.value] = true;
      var cls = kind === "s" ? ".s-" + box.value : "." + kind + box.value;
      if (kind === "d") css.push("section" + cls + " { display: none; }");
      css.push("ul.findings li" + cls + " { display: none; }");
      css.push("mark" + cls + " { background: none; border-color: transparent; cursor: auto; }");
    });
    sheet.textContent = css.join("\n");
    var n = 0;
    counts.forEach(function (c) {
      if (!hidden.d[c[0]] && !hidden.r[c[1]] && !hidden.s[c[2]]) n += c[3];
    });
    shown.textContent = String(n);
  }

  boxes.forEach(function (box) { box.addEventListener("change", update); });
  // A click on a marked word goes to its explanation; one listener for the whole page.
  document.querySelector("main").addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-i]");
    if (mark) location.hash = "i" + mark.getAttribute("data-i");
  });
  update();
})();
