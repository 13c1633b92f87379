// The header's menu on narrow screens: the links fold behind a "Menu" button (without JavaScript
// they simply stay in the header). Escape or following a link closes it.
(function () {
  'use strict';
  function init() {
    var header = document.querySelector('.site-header');
    var toggle = header && header.querySelector('.menu-toggle');
    if (!toggle) return;
    header.classList.add('menu-collapsible');
    function set(open) {
      header.classList.toggle('menu-open', open);
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    }
    toggle.addEventListener('click', function () { set(!header.classList.contains('menu-open')); });
    header.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && header.classList.contains('menu-open')) { set(false); toggle.focus(); }
    });
    header.querySelectorAll('nav a').forEach(function (a) { a.addEventListener('click', function () { set(false); }); });
  }
  document.addEventListener('DOMContentLoaded', init);
})();

// A "Print" button (the formula sheet): hidden without JavaScript, since it needs window.print().
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      var holder = button.closest('[hidden]');
      if (holder) holder.hidden = false;
      button.addEventListener('click', function () { window.print(); });
    });
  });
})();
