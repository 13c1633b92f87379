// Draws one horizontal bar chart per exercise on the instructor overview: how often each named
// mistake fired. The same numbers are in the table under each chart.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    if (!window.Chart) return;
    document.querySelectorAll('.rule-chart canvas').forEach(function (canvas) {
      var labels = canvas.dataset.labels.split('|');
      var counts = canvas.dataset.counts.split('|').map(Number);
      new Chart(canvas, {
        type: 'bar',
        data: { labels: labels, datasets: [{ label: 'times fired', data: counts, backgroundColor: '#1f4e79' }] },
        options: {
          indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { display: false } },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  });
})();
