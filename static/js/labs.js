// Implementation labs (exercises/TraceAnswer): a chosen file is read in the browser into the answer's
// text area (nothing is sent until the learner checks the answer), and after a submission the
// learner's trace is drawn over the core's. Exercises swapped in after a submission are set up too.
(function () {
  'use strict';

  function setUp(root) {
    root.querySelectorAll('input.trace-file').forEach(function (input) {
      if (input.dataset.ready) return;
      input.dataset.ready = '1';
      input.addEventListener('change', function () {
        var file = input.files && input.files[0];
        var target = document.getElementById(input.dataset.target);
        if (!file || !target) return;
        var reader = new FileReader();
        reader.onload = function () { target.value = String(reader.result); target.dispatchEvent(new Event('input')); };
        reader.readAsText(file);
      });
    });
    root.querySelectorAll('.trace-chart').forEach(function (box) {
      if (box.dataset.ready || !window.Chart) return;
      box.dataset.ready = '1';
      var learner = box.dataset.learner ? JSON.parse(box.dataset.learner) : null;
      var core = box.dataset.core ? JSON.parse(box.dataset.core) : null;
      var length = Math.max(learner ? learner.length : 0, core ? core.length : 0);
      var labels = [];
      for (var i = 1; i <= length; i++) labels.push(i);
      var datasets = [];
      if (core) datasets.push({ label: 'the core\'s run', data: core, borderColor: '#1f4e79', backgroundColor: '#1f4e79', borderWidth: 2, pointRadius: 2 });
      if (learner) datasets.push({ label: 'your run', data: learner, borderColor: '#c0392b', backgroundColor: '#c0392b', borderDash: [6, 4], borderWidth: 2, pointRadius: 3 });
      new Chart(box.querySelector('canvas'), {
        type: 'line',
        data: { labels: labels, datasets: datasets },
        options: { animation: false, responsive: true, maintainAspectRatio: false, spanGaps: false,
          scales: { x: { title: { display: true, text: 'iteration' } }, y: { title: { display: true, text: box.dataset.label } } } }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUp(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (c) { c.addedNodes.forEach(function (node) { if (node.querySelectorAll) setUp(node); }); });
    }).observe(document.body, { childList: true, subtree: true });
  });
})();
