// Renders every formula the server marked (.math-inline / .math-display) with KaTeX, which is
// served from this machine. The physics macros (\qty, \pdv, …) were already expanded on the server.
// Each rendered formula is an image named by its TeX (role=img, aria-label), so a label, a table
// header or a sentence made of math has an accessible name. Wide equations and tables that scroll
// sideways get keyboard focus and a visible cue (class "scrolls").
(function () {
  'use strict';
  var macros = {
    '\\argmax': '\\operatorname*{arg\\,max}',
    '\\argmin': '\\operatorname*{arg\\,min}',
    '\\E': '\\mathbb{E}',
    '\\Var': '\\operatorname{Var}',
    '\\R': '\\mathbb{R}'
  };

  function renderIn(root) {
    if (!window.katex) return;
    root.querySelectorAll('.math').forEach(function (el) {
      if (el.dataset.rendered) return;
      var tex = el.textContent;
      try {
        katex.render(tex, el, {
          displayMode: el.classList.contains('math-display'),
          throwOnError: false,
          strict: false,
          macros: Object.assign({}, macros)
        });
        el.dataset.rendered = '1';
        el.setAttribute('data-tex', tex);
        el.setAttribute('role', 'img');
        el.setAttribute('aria-label', tex.trim());
      } catch (e) {
        el.classList.add('math-error');
        el.title = e.message;
      }
    });
    markScrollers(root);
  }

  // A sideways-scrolling box must be reachable by keyboard (axe: scrollable-region-focusable) and
  // show that it scrolls.
  function markScrollers(root) {
    root.querySelectorAll('.math-inline').forEach(function (el) {
      var box = el.parentElement; // the block the formula's line is in (inline boxes have no width of their own)
      while (box && getComputedStyle(box).display.indexOf('inline') === 0) box = box.parentElement;
      if (!box) return;
      el.classList.remove('math-wide');
      if (el.getBoundingClientRect().width > box.clientWidth) el.classList.add('math-wide');
    });
    var boxes = root.querySelectorAll('.math-display, .math-wide, .lesson-body table, .table-scroll, table.data-table, pre');
    boxes.forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle('scrolls', scrolls);
      if (scrolls && !box.hasAttribute('tabindex')) {
        box.setAttribute('tabindex', '0');
        box.dataset.scrollFocus = '1';
      } else if (!scrolls && box.dataset.scrollFocus) {
        box.removeAttribute('tabindex');
        delete box.dataset.scrollFocus;
      }
      if (scrolls && !box.dataset.scrollWatch) {
        box.dataset.scrollWatch = '1';
        box.addEventListener('scroll', function () {
          box.classList.toggle('scrolled-to-end', box.scrollLeft + box.clientWidth >= box.scrollWidth - 2);
        }, { passive: true });
      }
    });
  }

  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(function () { markScrollers(document); }, 150);
  });

  window.ArgmaxMath = { renderIn: renderIn, markScrollers: markScrollers };
  document.addEventListener('DOMContentLoaded', function () { renderIn(document); });
})();
