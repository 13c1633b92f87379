// The sampling distribution of an estimator: the page repeats an experiment many times with a known
// truth (a seeded generator in the page, so nothing is sent to the server), applies the estimator to
// each simulated data set and draws the histogram of the estimates with the truth and their average
// marked. It lists the bias, the spread, the MSE and, where the lesson has one, the standard error
// from the Fisher information and the share of 95 % Wald intervals that covered the truth.
(function () {
  'use strict';
  var A = window.Argmax;
  var Z = 1.959963984540054;
  var MAX_DRAWS = 2000000;

  var ESTIMATORS = {
    coin: {
      label: 'Coin: θ̂ = k/n', parameter: 'true θ', truth: 0.3, min: 0.01, max: 0.99, step: 0.01,
      draw: function (rng, theta, n) {
        var k = 0;
        for (var i = 0; i < n; i++) if (rng.uniform() < theta) k++;
        var p = k / n, half = Z * Math.sqrt(p * (1 - p) / n);
        return { estimate: p, low: p - half, high: p + half };
      },
      se: function (theta, n) { return Math.sqrt(theta * (1 - theta) / n); },
      seText: '√(θ(1 − θ)/n) = 1/√I(θ)',
      discrete: true
    },
    'variance-mle': {
      label: 'Normal variance: σ̂² = SS/n (MLE)', parameter: 'true σ²', truth: 4, min: 0.01, max: 100, step: 0.5,
      draw: function (rng, v, n) { return { estimate: sumOfSquares(rng, v, n) / n }; }
    },
    'variance-unbiased': {
      label: 'Normal variance: s² = SS/(n − 1)', parameter: 'true σ²', truth: 4, min: 0.01, max: 100, step: 0.5,
      draw: function (rng, v, n) { return { estimate: sumOfSquares(rng, v, n) / (n - 1) }; }
    },
    rate: {
      label: 'Exponential rate: λ̂ = 1/x̄', parameter: 'true λ', truth: 0.5, min: 0.01, max: 100, step: 0.1,
      draw: function (rng, rate, n) {
        var sum = 0;
        for (var i = 0; i < n; i++) sum += rng.exponential(rate);
        var r = n / sum, half = Z * r / Math.sqrt(n);
        return { estimate: r, low: r - half, high: r + half };
      },
      se: function (rate, n) { return rate / Math.sqrt(n); },
      seText: 'λ/√n = 1/√I(λ)'
    }
  };

  /** Σ(xᵢ − x̄)² of n normal draws with mean 0 and variance v. */
  function sumOfSquares(rng, v, n) {
    var sd = Math.sqrt(v), xs = new Array(n), mean = 0, ss = 0;
    for (var i = 0; i < n; i++) { xs[i] = sd * rng.normal(); mean += xs[i] / n; }
    for (var j = 0; j < n; j++) ss += (xs[j] - mean) * (xs[j] - mean);
    return ss;
  }

  /** A density histogram of k/n values with one bar per possible k, centred on it. */
  function discreteHistogram(values, n) {
    var counts = {}, lo = Infinity, hi = -Infinity;
    values.forEach(function (v) {
      var k = Math.round(v * n);
      counts[k] = (counts[k] || 0) + 1;
      lo = Math.min(lo, k);
      hi = Math.max(hi, k);
    });
    var points = [];
    for (var k = lo; k <= hi; k++) points.push({ x: k / n, y: (counts[k] || 0) * n / values.length });
    return { min: (lo - 0.5) / n, max: (hi + 0.5) / n, width: 1 / n, points: points };
  }

  function number(value, min, max, step) {
    return A.el('input', { type: 'number', value: String(value), min: String(min), max: String(max), step: String(step), class: 'widget-number' });
  }

  A.widgets.sampling = function (section) {
    var parts = A.frame(section);
    var seed = 1;
    var which = A.el('select', {});
    Object.keys(ESTIMATORS).forEach(function (key) { which.appendChild(A.el('option', { value: key, text: ESTIMATORS[key].label })); });
    var truth = number(0.3, 0.01, 0.99, 0.01), n = number(10, 2, 1000, 1), repeats = number(2000, 100, 20000, 100);
    var truthField = A.labelled('true θ', truth);
    var run = A.el('button', { type: 'button', text: 'Repeat the experiment' });
    var again = A.el('button', { type: 'button', class: 'secondary', text: 'New random seed' });
    var four = A.el('button', { type: 'button', class: 'secondary', text: '× 4 data' });
    parts.controls.appendChild(A.labelled('Estimator', which));
    parts.controls.appendChild(truthField);
    parts.controls.appendChild(A.labelled('n per experiment', n));
    parts.controls.appendChild(A.labelled('experiments', repeats));
    parts.controls.appendChild(run);
    parts.controls.appendChild(again);
    parts.controls.appendChild(four);
    var plot = A.canvas('Histogram of the estimates over the repeated experiments, with the true value and the average estimate marked');
    section.appendChild(plot.box);
    section.appendChild(parts.values);
    section.appendChild(parts.live);
    section.appendChild(parts.error);
    var chart = A.chart(plot.canvas, {
      type: 'bar', data: { datasets: [] },
      options: { scales: { x: { type: 'linear', title: { display: true, text: 'estimate' } }, y: { min: 0, title: { display: true, text: 'density' } } } }
    });

    function read(input, name, low, high, whole) {
      var v = Number(input.value);
      if (input.value.trim() === '' || !isFinite(v) || v < low || v > high || (whole && !Number.isInteger(v))) {
        throw new Error(name + ' must be ' + (whole ? 'a whole number' : 'a number') + ' from ' + low + ' to ' + high + '.');
      }
      return v;
    }

    function simulate() {
      var e = ESTIMATORS[which.value], theta, size, count;
      try {
        theta = read(truth, e.parameter.replace('true ', 'The true '), e.min, e.max, false);
        size = read(n, 'n', which.value.indexOf('variance') === 0 ? 2 : 1, 1000, true);
        count = read(repeats, 'The number of experiments', 100, 20000, true);
        if (size * count > MAX_DRAWS) throw new Error('n × experiments must stay below ' + MAX_DRAWS + ' so the page stays responsive.');
      } catch (error) {
        A.fail(section, parts, error);
        return;
      }
      var rng = A.rng(seed * 7919 + size), estimates = [], covered = 0, withIntervals = 0;
      for (var i = 0; i < count; i++) {
        var r = e.draw(rng, theta, size);
        if (!isFinite(r.estimate)) continue;
        estimates.push(r.estimate);
        if (r.low !== undefined) {
          withIntervals++;
          if (r.low <= theta && theta <= r.high) covered++;
        }
      }
      draw(e, theta, size, estimates, withIntervals ? covered / withIntervals : null);
    }

    function draw(e, theta, size, estimates, coverage) {
      var m = estimates.length, mean = 0, mse = 0, spread = 0;
      estimates.forEach(function (v) { mean += v / m; mse += (v - theta) * (v - theta) / m; });
      estimates.forEach(function (v) { spread += (v - mean) * (v - mean) / (m - 1); });
      var sd = Math.sqrt(spread);
      var hist = e.discrete && size <= 400 ? discreteHistogram(estimates, size) : A.histogram(estimates, 40);
      var top = 0;
      hist.points.forEach(function (p) { top = Math.max(top, p.y); });
      var lo = Math.min(hist.min, theta), hi = Math.max(hist.max, theta), pad = 0.05 * (hi - lo || 1);
      A.redraw(chart, [
        { type: 'bar', label: 'estimates', data: hist.points, backgroundColor: 'rgba(31,119,180,0.35)', borderColor: 'rgba(31,119,180,0.8)', borderWidth: 1, barPercentage: 1, categoryPercentage: 1 },
        { type: 'line', label: 'truth = ' + A.fmt(theta), data: [{ x: theta, y: 0 }, { x: theta, y: top * 1.05 }], borderColor: A.colors[1], borderWidth: 2.5, pointRadius: 0 },
        { type: 'line', label: 'average estimate = ' + A.fmt(mean), data: [{ x: mean, y: 0 }, { x: mean, y: top * 1.05 }], borderColor: '#1d2433', borderDash: [6, 4], borderWidth: 2, pointRadius: 0 }
      ], { x: { min: lo - pad, max: hi + pad } });
      var pairs = [
        ['estimator', e.label],
        ['experiments', m + ' of n = ' + size + ' each (seed ' + seed + ')'],
        ['average estimate', A.fmt(mean), 'mean'],
        ['bias (average − truth)', A.fmt(mean - theta), 'bias'],
        ['spread of the estimates (sd)', A.fmt(sd), 'spread'],
        ['mean squared error', A.fmt(mse), 'mse']
      ];
      if (e.se) pairs.push(['standard error ' + e.seText, A.fmt(e.se(theta, size)), 'standard-error']);
      if (coverage !== null) pairs.push(['95 % Wald intervals that covered the truth', A.fmt(100 * coverage, 3) + ' %', 'coverage']);
      A.values(parts.values, pairs);
      parts.live.textContent = m + ' experiments: average estimate ' + A.fmt(mean) + ', bias ' + A.fmt(mean - theta) + ', spread ' + A.fmt(sd) + '.';
      A.ready(section, parts);
    }

    function choose() {
      var e = ESTIMATORS[which.value];
      truthField.querySelector('label').textContent = e.parameter;
      truth.min = String(e.min);
      truth.max = String(e.max);
      truth.step = String(e.step);
      truth.value = String(e.truth);
      simulate();
    }

    which.addEventListener('change', choose);
    run.addEventListener('click', simulate);
    again.addEventListener('click', function () { seed += 1; simulate(); });
    four.addEventListener('click', function () {
      var v = Number(n.value);
      if (Number.isInteger(v) && v * 4 <= 1000) n.value = String(v * 4);
      simulate();
    });
    [truth, n, repeats].forEach(function (input) { input.addEventListener('change', simulate); });
    simulate();
  };
})();
