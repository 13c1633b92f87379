// Choosing λ: polynomial ridge regression on a few noisy points of sin(2πx), computed in the page.
// The learner sets the degree, λ (a log slider, 0 at the left end), whether the powers x, x², … are
// standardized before the penalty, and draws new samples. Left: the points, the true curve and the
// ridge fit. Right: training, leave-one-out cross-validation and test errors (RMSE) over a grid of λ,
// the current λ marked. The intercept is never penalized (features and y are centred); LOO uses the
// exact shortcut e_i / (1 − h_ii) with the ridge leverages.
(function () {
  'use strict';
  var A = window.Argmax;
  var NOISE = 0.25, TEST = 500;
  var GRID = [];
  for (var g = 0; g <= 60; g++) GRID.push(Math.pow(10, -8 + 10 * g / 60));

  /** Slider position 0 → λ = 0; 1…100 → λ from 10⁻⁸ to 10² on a log scale. */
  function lambdaAt(position) {
    return position === 0 ? 0 : Math.pow(10, -8 + 10 * (position - 1) / 99);
  }

  function truth(x) { return Math.sin(2 * Math.PI * x); }

  /** Solves the symmetric system M v = b by Gaussian elimination with partial pivoting; null if singular. */
  function solve(m, b) {
    var d = b.length, a = m.map(function (row, i) { return row.concat([b[i]]); });
    var scale = 0;
    for (var s = 0; s < d; s++) scale = Math.max(scale, Math.abs(a[s][s]));
    for (var col = 0; col < d; col++) {
      var pivot = col;
      for (var r = col + 1; r < d; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
      if (!(Math.abs(a[pivot][col]) > 1e-300 * scale)) return null;
      var tmp = a[col]; a[col] = a[pivot]; a[pivot] = tmp;
      for (var r2 = col + 1; r2 < d; r2++) {
        var f = a[r2][col] / a[col][col];
        for (var c = col; c <= d; c++) a[r2][c] -= f * a[col][c];
      }
    }
    var v = new Array(d);
    for (var i = d - 1; i >= 0; i--) {
      var sum = a[i][d];
      for (var j = i + 1; j < d; j++) sum -= a[i][j] * v[j];
      v[i] = sum / a[i][i];
    }
    return v;
  }

  /** The features x, x², …, x^degree of the training points, centred (and scaled if asked), with the recipe to apply elsewhere. */
  function design(xs, degree, standardize) {
    var n = xs.length, centre = [], scale = [];
    for (var j = 1; j <= degree; j++) {
      var mean = 0, sq = 0;
      xs.forEach(function (x) { mean += Math.pow(x, j) / n; });
      xs.forEach(function (x) { sq += (Math.pow(x, j) - mean) * (Math.pow(x, j) - mean) / n; });
      centre.push(mean);
      scale.push(standardize ? Math.sqrt(sq) : 1);
    }
    var row = function (x) { return centre.map(function (c, j) { return (Math.pow(x, j + 1) - c) / scale[j]; }); };
    return { row: row, rows: xs.map(row) };
  }

  /** Ridge fit with an unpenalized intercept, its training and LOO errors, and predictions. */
  function fit(data, degree, lambda, standardize) {
    var n = data.x.length, f = design(data.x, degree, standardize), z = f.rows;
    // the centred features span at most n − 1 directions: more of them and least squares has no unique fit
    if (lambda === 0 && degree > n - 1) return null;
    var ybar = data.y.reduce(function (s, v) { return s + v; }, 0) / n;
    var m = [], b = [];
    for (var a = 0; a < degree; a++) {
      m.push([]);
      b.push(0);
      for (var c = 0; c < degree; c++) m[a].push(0);
    }
    for (var i = 0; i < n; i++) {
      for (var p = 0; p < degree; p++) {
        b[p] += z[i][p] * (data.y[i] - ybar);
        for (var q = 0; q < degree; q++) m[p][q] += z[i][p] * z[i][q];
      }
    }
    for (var d = 0; d < degree; d++) m[d][d] += lambda;
    var beta = solve(m, b);
    if (!beta) return null;
    var predict = function (x) {
      var r = f.row(x), s = ybar;
      for (var j = 0; j < degree; j++) s += beta[j] * r[j];
      return s;
    };
    var train = 0, loo = 0, interpolates = false;
    for (var k = 0; k < n; k++) {
      var e = data.y[k] - predict(data.x[k]);
      var w = solve(m, z[k]), h = 1 / n;
      if (!w) return null;
      for (var t = 0; t < degree; t++) h += z[k][t] * w[t];
      train += e * e / n;
      if (1 - h < 1e-9) interpolates = true;
      else loo += (e / (1 - h)) * (e / (1 - h)) / n;
    }
    var test = 0;
    data.testX.forEach(function (x, i) { test += (data.testY[i] - predict(x)) * (data.testY[i] - predict(x)) / data.testX.length; });
    var largest = 0;
    beta.forEach(function (v) { largest = Math.max(largest, Math.abs(v)); });
    return { predict: predict, train: Math.sqrt(train), loo: interpolates ? Infinity : Math.sqrt(loo), test: Math.sqrt(test), largest: largest };
  }

  function sample(seed, n) {
    var rng = A.rng(seed), x = [], y = [], testX = [], testY = [];
    for (var i = 0; i < n; i++) x.push(rng.uniform());
    x.sort(function (a, b) { return a - b; });
    x.forEach(function (v) { y.push(truth(v) + NOISE * rng.normal()); });
    var test = A.rng(1000003);
    for (var j = 0; j < TEST; j++) {
      var t = test.uniform();
      testX.push(t);
      testY.push(truth(t) + NOISE * test.normal());
    }
    return { x: x, y: y, testX: testX, testY: testY };
  }

  A.widgets['choose-lambda'] = function (section) {
    var parts = A.frame(section);
    var seed = 7, data = null;
    var degree = A.el('input', { type: 'number', value: '9', min: '1', max: '12', step: '1', class: 'widget-number' });
    var points = A.el('input', { type: 'number', value: '10', min: '5', max: '40', step: '1', class: 'widget-number' });
    var slider = A.el('input', { type: 'range', min: '0', max: '100', step: '1', value: '0' });
    var shown = A.el('output', {});
    var lambdaField = A.labelled('Penalty λ', slider);
    lambdaField.appendChild(shown);
    var standardize = A.el('input', { type: 'checkbox', checked: '' });
    var fresh = A.el('button', { type: 'button', class: 'secondary', text: 'New sample' });
    parts.controls.appendChild(A.labelled('Polynomial degree', degree));
    parts.controls.appendChild(A.labelled('Points', points));
    parts.controls.appendChild(lambdaField);
    parts.controls.appendChild(A.labelled('Standardize x, x², … before penalizing', standardize));
    parts.controls.appendChild(fresh);
    var left = A.canvas('The training points, the true curve sin(2πx) and the ridge polynomial fit');
    var right = A.canvas('Training, leave-one-out cross-validation and test error against λ on a log scale, current λ marked');
    section.appendChild(A.el('div', { class: 'widget-pair' }, [left.box, right.box]));
    section.appendChild(parts.values);
    section.appendChild(parts.live);
    section.appendChild(parts.error);
    var fitChart = A.chart(left.canvas, {
      type: 'scatter', data: { datasets: [] },
      options: { scales: { x: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'x' } }, y: { min: -2.5, max: 2.5, title: { display: true, text: 'y' } } } }
    });
    var errorChart = A.chart(right.canvas, {
      type: 'line', data: { datasets: [] },
      options: { scales: {
        x: { type: 'linear', min: -8, max: 2, title: { display: true, text: 'log₁₀ λ' } },
        y: { type: 'logarithmic', title: { display: true, text: 'root mean squared error' } }
      } }
    });

    function read(input, name, low, high) {
      var v = Number(input.value);
      if (input.value.trim() === '' || !Number.isInteger(v) || v < low || v > high) throw new Error(name + ' must be a whole number from ' + low + ' to ' + high + '.');
      return v;
    }

    function syncSlider() {
      var lambda = lambdaAt(Number(slider.value));
      shown.textContent = lambda === 0 ? '0' : A.fmt(lambda, 2);
      slider.setAttribute('aria-valuetext', 'λ = ' + shown.textContent);
      return lambda;
    }

    function update(newSample) {
      var lambda = syncSlider(), d, n;
      try {
        d = read(degree, 'The degree', 1, 12);
        n = read(points, 'The number of points', 5, 40);
      } catch (e) {
        A.fail(section, parts, e);
        return;
      }
      if (newSample || !data || data.x.length !== n) data = sample(seed, n);
      var std = standardize.checked;
      var now = fit(data, d, lambda, std);
      var curve = { train: [], loo: [], test: [] }, best = null;
      GRID.forEach(function (l) {
        var r = fit(data, d, l, std);
        if (!r) return;
        var at = Math.log10(l);
        curve.train.push({ x: at, y: r.train });
        curve.test.push({ x: at, y: r.test });
        if (isFinite(r.loo)) {
          curve.loo.push({ x: at, y: r.loo });
          if (!best || r.loo < best.loo) best = { lambda: l, loo: r.loo };
        }
      });
      var xs = A.range(0, 1, 201);
      var sets = [
        { label: 'points', data: data.x.map(function (x, i) { return { x: x, y: data.y[i] }; }), backgroundColor: '#1d2433', pointRadius: 4 },
        { type: 'line', label: 'true curve sin(2πx)', data: xs.map(function (x) { return { x: x, y: truth(x) }; }), borderColor: A.colors[2], borderDash: [6, 4], borderWidth: 2, pointRadius: 0 }
      ];
      if (now) {
        sets.push({ type: 'line', label: 'ridge fit, degree ' + d, data: xs.map(function (x) { return { x: x, y: Math.max(-10, Math.min(10, now.predict(x))) }; }),
          borderColor: A.colors[1], borderWidth: 2.5, pointRadius: 0 });
      }
      A.redraw(fitChart, sets);
      var marker = lambda > 0 ? Math.log10(lambda) : -8;
      var ys = curve.train.concat(curve.loo, curve.test).map(function (p) { return p.y; }).filter(function (v) { return v > 0 && isFinite(v); });
      var low = Math.min.apply(null, ys.concat([0.1])), high = Math.max.apply(null, ys.concat([1]));
      A.redraw(errorChart, [
        { label: 'training', data: curve.train, borderColor: A.colors[0], borderWidth: 2, pointRadius: 0 },
        { label: 'leave-one-out CV', data: curve.loo, borderColor: A.colors[1], borderWidth: 2.5, pointRadius: 0 },
        { label: 'test (500 new points)', data: curve.test, borderColor: A.colors[2], borderDash: [5, 4], borderWidth: 2, pointRadius: 0 },
        { label: lambda > 0 ? 'current λ' : 'current λ = 0 (drawn at the left edge)', data: [{ x: marker, y: low }, { x: marker, y: high }], borderColor: '#1d2433', borderDash: [2, 3], borderWidth: 1.5, pointRadius: 0 }
      ]);
      if (!now) {
        A.fail(section, parts, new Error('With λ = 0 the least-squares system is singular here (degree ' + d + ' with ' + n + ' points): raise λ or lower the degree.'));
        return;
      }
      A.values(parts.values, [
        ['model', 'degree ' + d + ' on ' + n + ' points (sample ' + (seed - 6) + '), features ' + (std ? 'standardized' : 'only centred')],
        ['λ', shown.textContent, 'lambda'],
        ['training RMSE', A.fmt(now.train), 'train'],
        ['leave-one-out CV RMSE', isFinite(now.loo) ? A.fmt(now.loo) : '∞: the fit passes through every point', 'loo'],
        ['test RMSE (500 new points)', A.fmt(now.test), 'test'],
        ['largest |coefficient|', A.fmt(now.largest), 'largest'],
        ['λ with the smallest CV error on the grid', best ? A.fmt(best.lambda, 2) + ' (CV RMSE ' + A.fmt(best.loo) + ')' : '—', 'best']
      ]);
      parts.live.textContent = 'Degree ' + d + ', λ = ' + shown.textContent + ': training RMSE ' + A.fmt(now.train)
        + ', cross-validation RMSE ' + (isFinite(now.loo) ? A.fmt(now.loo) : 'infinite') + ', test RMSE ' + A.fmt(now.test) + '.';
      A.ready(section, parts);
    }

    slider.addEventListener('input', syncSlider);
    slider.addEventListener('input', A.debounce(function () { update(false); }, 80));
    [degree, points].forEach(function (input) { input.addEventListener('change', function () { update(false); }); });
    standardize.addEventListener('change', function () { update(false); });
    fresh.addEventListener('click', function () { seed += 1; update(true); });
    update(true);
  };
})();
