/* The arrange page, enhanced: "move up" and "move down" buttons swap a row with its neighbour and
   renumber the order boxes, which the form saves as typed numbers without JavaScript too. */
(function () {
  "use strict";
  var table = document.querySelector(".arrange-table tbody");
  if (!table) return;
  function renumber() {
    Array.prototype.forEach.call(table.querySelectorAll("tr"), function (row, index) {
      row.querySelector(".arrange-position").value = index + 1;
    });
  }
  table.querySelectorAll(".arrange-up, .arrange-down").forEach(function (button) { button.hidden = false; });
  table.addEventListener("click", function (event) {
    var button = event.target.closest(".arrange-up, .arrange-down");
    if (!button) return;
    var row = button.closest("tr");
    if (button.classList.contains("arrange-up") && row.previousElementSibling) {
      row.parentNode.insertBefore(row, row.previousElementSibling);
    } else if (button.classList.contains("arrange-down") && row.nextElementSibling) {
      row.parentNode.insertBefore(row.nextElementSibling, row);
    }
    renumber();
    button.focus();
  });
})();
