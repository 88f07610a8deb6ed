// Cité portal: the little script citizen pages need, served from the platform itself (the
// Content-Security-Policy allows no inline script). Buttons with data-confirm ask first.
document.addEventListener('click', function (event) {
  var button = event.target.closest ? event.target.closest('[data-confirm]') : null;
  if (button && !window.confirm(button.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
