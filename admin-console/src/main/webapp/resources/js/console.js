/*
 * Dirty-form warning: a form of the console marked "dirty-check" that was changed and not sent
 * makes the browser ask before leaving the page. Sending the form (a button of it) clears the mark.
 */
(function () {
  'use strict';
  var dirty = new Set();

  function formOf(el) {
    return el && el.closest ? el.closest('form.dirty-check') : null;
  }

  function changed(event) {
    var form = formOf(event.target);
    if (form) {
      dirty.add(form.id);
      document.body.setAttribute('data-unsaved', 'true');
    }
  }

  function sent(event) {
    var form = formOf(event.target);
    var button = event.target.closest && event.target.closest('button, input[type=submit]');
    if (form && (event.type === 'submit' || button)) {
      dirty.delete(form.id);
      if (dirty.size === 0) {
        document.body.removeAttribute('data-unsaved');
      }
    }
  }

  document.addEventListener('input', changed, true);
  document.addEventListener('change', changed, true);
  document.addEventListener('submit', sent, true);
  document.addEventListener('click', sent, true);
  window.addEventListener('beforeunload', function (event) {
    if (dirty.size > 0) {
      event.preventDefault();
      event.returnValue = '';
      return '';
    }
    return undefined;
  });
})();
