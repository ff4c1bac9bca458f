// seo-audit HTML report: sorts the index table by a column. Nothing else runs; the legend's
// switches are plain CSS.
(function () {
  "use strict";
  function value(row, column, numeric) {
    var cell = row.cells[column];
    var raw = cell.getAttribute("data-sort");
    if (raw === null) raw = cell.textContent.trim();
    if (!numeric) return raw;
    var n = parseFloat(raw);
    return isNaN(n) ? -Infinity : n;
  }
  function sortBy(table, head) {
    var column = head.cellIndex;
    var numeric = head.getAttribute("data-type") === "number";
    var ascending = head.getAttribute("aria-sort") !== "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, column, numeric), y = value(b, column, numeric);
      var order = numeric ? x - y : String(x).localeCompare(String(y), "fr");
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var buttons = table.querySelectorAll("thead th button");
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () { sortBy(table, button.parentNode); });
    });
  });
})();
