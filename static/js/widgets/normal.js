// Normal data: the learner types or pastes numbers (or asks the core for a random sample); the API returns μ̂, σ̂² (divided by n) and the
// n − 1 version; a histogram shows the data with the fitted density on top.
(function () {
  'use strict';
  var A = window.Argmax;
  var EXAMPLE = '4.9 5.6 6.1 5.2 4.4 5.8 6.6 5.0 5.5 4.7 6.0 5.3 5.9 4.8 5.1 6.3 5.4 5.7 4.6 5.2';

  A.widgets.normal = function (section) {
    var parts = A.frame(section);
    var latest = A.latest();
    // Each press asks the core for 20 points from a new normal; the seed only varies the example.
    var presses = Math.floor(Date.now() / 1000) % 100000;

    var text = A.el('textarea', { rows: '3', spellcheck: 'false', maxlength: '20000' });
    text.value = EXAMPLE;
    var fit = A.el('button', { type: 'button', text: 'Fit' });
    var sample = A.el('button', { type: 'button', class: 'secondary', text: 'Sample 20 random points' });
    var field = A.labelled('Your numbers (separated by spaces, commas or new lines)', text);
    field.classList.add('widget-field-wide');
    parts.controls.appendChild(field);
    parts.controls.appendChild(fit);
    parts.controls.appendChild(sample);
    var plot = A.canvas('Histogram of the numbers with the fitted normal density');
    section.appendChild(plot.box);
    section.appendChild(parts.values);
    section.appendChild(parts.live);
    section.appendChild(parts.error);

    var chart = A.chart(plot.canvas, {
      type: 'bar', data: { datasets: [] },
      options: { scales: { x: { type: 'linear', title: { display: true, text: 'x' } }, y: { min: 0, title: { display: true, text: 'density' } } } }
    });

    function run() {
      var parsed = A.parseNumbers(text.value);
      if (parsed.error) { A.fail(section, parts, new Error(parsed.error)); return; }
      latest(A.estimate({ model: 'normal', method: 'mle', data: parsed.values }))
        .then(function (answer) { draw(parsed.values, answer); })
        .catch(function (e) { A.fail(section, parts, e); });
    }

    function draw(values, answer) {
      var mean = answer.estimate.mean, variance = answer.estimate.variance;
      var bins = Math.max(4, Math.min(30, Math.round(Math.sqrt(values.length)) + 1));
      var h = A.histogram(values, bins);
      var sd = Math.sqrt(variance);
      var from = Math.min(h.min, mean - 3.5 * sd), to = Math.max(h.max, mean + 3.5 * sd);
      A.redraw(chart, [
        { type: 'bar', label: 'data (histogram, area 1)', data: h.points, backgroundColor: 'rgba(31,119,180,0.35)', borderColor: A.colors[0], borderWidth: 1, barPercentage: 1, categoryPercentage: 1 },
        { type: 'line', label: 'N(μ̂, σ̂²)', data: A.range(from, to, 160).map(function (x) { return { x: x, y: A.normalDensity(x, mean, variance) }; }), borderColor: A.colors[1], borderWidth: 2, pointRadius: 0 }
      ], { x: A.niceAxis(from, to) });
      A.values(parts.values, [
        ['n', String(answer.n)],
        ['μ̂ (sample mean)', A.fmt(mean), 'mean'],
        ['σ̂² (MLE, divided by n)', A.fmt(variance), 'variance'],
        ['s² (unbiased, divided by n − 1)', A.fmt(answer.estimate.unbiasedVariance), 'unbiased-variance'],
        ['σ̂ = √σ̂²', A.fmt(sd)],
        ['ℓ(μ̂, σ̂²)', A.fmt(answer.logLikelihood)]
      ]);
      parts.live.textContent = 'n = ' + answer.n + ', mean ' + A.fmt(mean) + ', variance ' + A.fmt(variance) + ' (divided by n), ' + A.fmt(answer.estimate.unbiasedVariance) + ' divided by n − 1.';
      A.ready(section, parts);
    }

    fit.addEventListener('click', run);
    text.addEventListener('input', A.debounce(run, 400));
    sample.addEventListener('click', function () {
      presses += 1;
      var mean = presses % 11, sd = 0.5 + (presses * 7 % 31) / 10;
      latest(A.sample({ model: 'normal', parameters: { mean: mean, variance: sd * sd }, n: 20, seed: presses, decimals: 2 }))
        .then(function (answer) { text.value = answer.data.join(' '); run(); })
        .catch(function (e) { A.fail(section, parts, e); });
    });
    run();
  };
})();
