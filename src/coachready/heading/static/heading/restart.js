/* Redraw the field as soon as the division changes; without script the
   "Show this division's field" button does the same. */
(function () {
  var select = document.getElementById("id_division");
  if (!select) return;
  document.querySelectorAll(".js-hide").forEach(function (el) { el.hidden = true; });
  select.addEventListener("change", function () {
    var form = select.form, flag = document.createElement("input");
    flag.type = "hidden"; flag.name = "redraw"; flag.value = "1";
    form.appendChild(flag); form.submit();
  });
})();
