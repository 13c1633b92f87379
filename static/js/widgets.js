// Builds every widget a lesson embeds: each <section class="widget" data-widget=NAME> gets the
// builder registered under NAME by static/js/widgets/*.js. A section says data-ready="true" once
// drawn, or data-error="message" when something failed (tests and curious learners read these).
(function () {
  'use strict';
  function start() {
    var A = window.Argmax;
    document.querySelectorAll('section.widget[data-widget]').forEach(function (section) {
      var name = section.getAttribute('data-widget');
      try {
        if (!window.Chart) throw new Error('The chart library did not load, so this figure cannot be drawn.');
        if (!A || !A.widgets[name]) throw new Error('There is no widget called "' + name + '".');
        A.widgets[name](section);
        // every chart is described by the widget's values, as text
        var values = section.querySelector('.widget-values[id]');
        section.querySelectorAll('canvas').forEach(function (canvas) {
          if (!canvas.hasAttribute('tabindex')) canvas.setAttribute('tabindex', '0');
          if (values && !canvas.hasAttribute('aria-describedby')) canvas.setAttribute('aria-describedby', values.id);
        });
      } catch (e) {
        section.setAttribute('data-error', e.message);
        section.appendChild(Object.assign(document.createElement('p'), { className: 'widget-error', textContent: e.message }));
      }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
