// Least squares, ridge and lasso: scatter of (x, y) pairs the learner can edit; the OLS line, and
// the ridge and lasso lines for λ on a log slider (0, then 0.01 … 1000), coefficients listed.
// Each penalized line uses the objective of the lesson: ridge Σr² + λΣβ², lasso ½Σr² + λΣ|β|.
(function () {
  'use strict';
  var A = window.Argmax;
  var EXAMPLE = ['0.5, 2.1', '1.0, 2.4', '1.5, 3.9', '2.0, 3.2', '2.5, 4.8', '3.0, 4.1', '3.5, 5.9', '4.0, 5.2',
    '4.5, 6.8', '5.0, 6.1', '5.5, 7.9', '6.0, 7.0'].join('\n');

  /** Slider position 0 → λ = 0; 1…100 → λ from 0.01 to 1000 on a log scale. */
  function lambdaAt(position) {
    return position === 0 ? 0 : Math.pow(10, -2 + 5 * (position - 1) / 99);
  }

  function parsePairs(text) {
    var lines = text.split('\n'), x = [], y = [];
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i].trim();
      if (line === '') continue;
      var parts = line.split(/[\s,;]+/);
      if (parts.length !== 2 || !isFinite(Number(parts[0])) || !isFinite(Number(parts[1]))) {
        throw new Error('Line ' + (i + 1) + ' ("' + line + '") should be two numbers: x, y.');
      }
      x.push([Number(parts[0])]);
      y.push(Number(parts[1]));
    }
    return { x: x, y: y };
  }

  A.widgets.regression = function (section) {
    var parts = A.frame(section);
    var latest = A.latest();
    var text = A.el('textarea', { rows: '4', spellcheck: 'false', maxlength: '20000' });
    text.value = EXAMPLE;
    var field = A.labelled('Points, one "x, y" pair per line', text);
    field.classList.add('widget-field-wide');
    var slider = A.el('input', { type: 'range', min: '0', max: '100', step: '1', value: '50' });
    var shown = A.el('output', {});
    var lambdaField = A.labelled('Penalty λ', slider);
    lambdaField.appendChild(shown);
    parts.controls.appendChild(field);
    parts.controls.appendChild(lambdaField);
    var plot = A.canvas('Scatter of the points with the least-squares, ridge and lasso lines');
    section.appendChild(plot.box);
    section.appendChild(parts.values);
    section.appendChild(parts.live);
    section.appendChild(parts.error);
    var chart = A.chart(plot.canvas, {
      type: 'scatter', data: { datasets: [] },
      options: { scales: { x: { type: 'linear', title: { display: true, text: 'x' } }, y: { title: { display: true, text: 'y' } } } }
    });

    function syncSlider() {
      var lambda = lambdaAt(Number(slider.value));
      shown.textContent = A.fmt(lambda, 3);
      slider.setAttribute('aria-valuetext', 'λ = ' + A.fmt(lambda, 3));
      return lambda;
    }

    function run() {
      var lambda = syncSlider(), data;
      try {
        data = parsePairs(text.value);
      } catch (e) {
        A.fail(section, parts, e);
        return;
      }
      latest(Promise.all([
        A.estimate({ model: 'linear', data: data }),
        A.estimate({ model: 'ridge', data: data, options: { lambda: lambda } }),
        A.estimate({ model: 'lasso', data: data, options: { lambda: lambda } })
      ])).then(function (answers) { draw(data, lambda, answers[0], answers[1], answers[2]); })
        .catch(function (e) { A.fail(section, parts, e); });
    }

    function draw(data, lambda, ols, ridge, lasso) {
      var xs = data.x.map(function (r) { return r[0]; });
      var lo = Math.min.apply(null, xs), hi = Math.max.apply(null, xs), pad = 0.05 * (hi - lo || 1);
      var line = function (c) { return [{ x: lo - pad, y: c[0] + c[1] * (lo - pad) }, { x: hi + pad, y: c[0] + c[1] * (hi + pad) }]; };
      var b = ols.estimate.coefficients, r = ridge.estimate.coefficients, l = lasso.estimate.coefficients;
      A.redraw(chart, [
        { label: 'points', data: xs.map(function (x, i) { return { x: x, y: data.y[i] }; }), backgroundColor: 'rgba(29,36,51,0.7)', pointRadius: 4 },
        { type: 'line', label: 'least squares (MLE)', data: line(b), borderColor: A.colors[0], borderWidth: 2, pointRadius: 0 },
        { type: 'line', label: 'ridge, λ = ' + A.fmt(lambda, 3), data: line(r), borderColor: A.colors[1], borderDash: [7, 4], borderWidth: 2, pointRadius: 0 },
        { type: 'line', label: 'lasso, λ = ' + A.fmt(lambda, 3), data: line(l), borderColor: A.colors[2], borderDash: [2, 3], borderWidth: 2, pointRadius: 0 }
      ]);
      A.values(parts.values, [
        ['least squares', 'intercept ' + A.fmt(b[0]) + ', slope ' + A.fmt(b[1]), 'ols'],
        ['ridge (λ = ' + A.fmt(lambda, 3) + ')', 'intercept ' + A.fmt(r[0]) + ', slope ' + A.fmt(r[1]), 'ridge'],
        ['lasso (λ = ' + A.fmt(lambda, 3) + ')', 'intercept ' + A.fmt(l[0]) + ', slope ' + A.fmt(l[1]) + (l[1] === 0 ? ' (dropped)' : ''), 'lasso'],
        ['residual sum of squares', 'least squares ' + A.fmt(ols.residualSumOfSquares) + ', ridge ' + A.fmt(ridge.residualSumOfSquares)
          + ', lasso ' + A.fmt(lasso.residualSumOfSquares)],
        ['n', String(ols.n)]
      ]);
      parts.live.textContent = 'Least squares slope ' + A.fmt(b[1]) + '; ridge slope ' + A.fmt(r[1]) + ' and lasso slope ' + A.fmt(l[1])
        + ' at λ = ' + A.fmt(lambda, 3) + '.';
      A.ready(section, parts);
    }

    slider.addEventListener('input', A.debounce(run, 100));
    slider.addEventListener('input', syncSlider);
    text.addEventListener('input', A.debounce(run, 400));
    run();
  };
})();
