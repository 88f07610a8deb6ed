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

/*
 * PrimeFaces gives each message's <li> the role "alert", which takes it out of its list (a list
 * of no items for assistive technologies). The messages' container is already a polite live
 * region: the items become plain list items again, on load and after every partial update.
 */
(function () {
  'use strict';
  function listItems() {
    document.querySelectorAll('.ui-messages li[role="alert"]').forEach(function (li) {
      li.removeAttribute('role');
    });
  }
  document.addEventListener('DOMContentLoaded', listItems);
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', listItems);
  }
})();
