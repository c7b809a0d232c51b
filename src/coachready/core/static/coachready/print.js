/* Buttons marked data-print open the browser's print dialog. Kept out of the
   page (no onclick=) so the Content-Security-Policy allows no inline script. */
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.addEventListener("click", function () { window.print(); });
});
