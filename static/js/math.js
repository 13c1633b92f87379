// Renders every formula the server marked (.math-inline / .math-display) with KaTeX, which is
// served from this machine. The physics macros (\qty, \pdv, …) were already expanded on the server.
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
      } catch (e) {
        el.classList.add('math-error');
        el.title = e.message;
      }
    });
  }

  window.ArgmaxMath = { renderIn: renderIn };
  document.addEventListener('DOMContentLoaded', function () { renderIn(document); });
})();
