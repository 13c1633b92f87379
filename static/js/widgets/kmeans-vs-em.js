// K-means versus soft EM on the same 2-D points: hard assignments beside responsibilities, with
// the points where the two disagree most listed, and each EM component's covariance drawn as an
// ellipse two standard deviations out along its axes. The points start as a sample the core draws from
// three overlapping clusters; the learner adds points by clicking a chart or typing x₁ and x₂ (keyboard),
// edits the list, or clears it and draws their own. Each chart has a legend of the clusters' colours.
(function () {
  'use strict';
  var A = window.Argmax;
  var CLUSTERS = { weights: [60 / 150, 50 / 150, 40 / 150], means: [[0, 0], [3, 1], [1.2, 3.2]], sds: [[1, 0.8], [1.1, 1], [0.9, 1.2]] };

  /** Both charts show at least this box, so clicks land where expected even with few points. */
  var BOX = { min: -4, max: 7 };

  function round2(x) { return Math.round(x * 100) / 100; }

  /** "x₁ x₂" pairs, one per line (any separators): an even count of numbers. */
  function parsePoints(text) {
    var parsed = A.parseNumbers(text);
    if (parsed.error) return parsed;
    if (parsed.values.length % 2 !== 0) return { error: 'Give the points as pairs x₁, x₂: there are ' + parsed.values.length + ' numbers, an odd count.' };
    var points = [];
    for (var i = 0; i < parsed.values.length; i += 2) points.push([parsed.values[i], parsed.values[i + 1]]);
    return { values: points };
  }

  function distance2(a, b) { return (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]); }

  /** Greedy matching of EM components to k-means clusters by the distance between their centres. */
  function match(centers, means) {
    var pairs = [], used = {}, taken = {}, map = [];
    centers.forEach(function (c, i) { means.forEach(function (m, j) { pairs.push([distance2(c, m), i, j]); }); });
    pairs.sort(function (a, b) { return a[0] - b[0]; });
    pairs.forEach(function (p) { if (!(p[1] in used) && !(p[2] in taken)) { used[p[1]] = true; taken[p[2]] = true; map[p[1]] = p[2]; } });
    return map; // k-means cluster i ↔ EM component map[i]
  }

  A.widgets['kmeans-vs-em'] = function (section) {
    var parts = A.frame(section);
    var latest = A.latest();
    var points = [], seed = 1, dataSeed = 7;
    var k = A.el('select', {});
    [2, 3, 4, 5].forEach(function (v) { k.appendChild(A.el('option', { value: String(v), text: String(v) })); });
    k.value = '3';
    var rerun = A.el('button', { type: 'button', class: 'secondary', text: 'Re-run with another seed' });
    var fresh = A.el('button', { type: 'button', class: 'secondary', text: 'New sample' });
    var clear = A.el('button', { type: 'button', class: 'secondary', text: 'Clear all points' });
    parts.controls.appendChild(A.labelled('Clusters k', k));
    parts.controls.appendChild(rerun);
    parts.controls.appendChild(fresh);
    parts.controls.appendChild(clear);
    var list = A.el('textarea', { rows: '3', spellcheck: 'false', maxlength: '20000', class: 'points' });
    var fitList = A.el('button', { type: 'button', class: 'secondary', text: 'Fit these points' });
    var listField = A.labelled('The points, one "x₁ x₂" pair per line (edit, paste, or click a chart to add one)', list);
    listField.classList.add('widget-field-wide');
    var edit = A.el('details', { class: 'widget-settings' }, [A.el('summary', { text: 'Points' }), A.el('div', { class: 'widget-controls' }, [listField, fitList])]);
    section.appendChild(edit);
    // adding a point without a mouse: two bounded numbers and a button (Enter in either field adds too)
    var addX = A.el('input', { type: 'number', min: '-50', max: '50', step: '0.1', value: '0', class: 'widget-number', name: 'x1' });
    var addY = A.el('input', { type: 'number', min: '-50', max: '50', step: '0.1', value: '0', class: 'widget-number', name: 'x2' });
    var addButton = A.el('button', { type: 'submit', class: 'secondary', text: 'Add point' });
    var addForm = A.el('form', { class: 'widget-inline-form add-point' }, [A.labelled('x₁', addX), A.labelled('x₂', addY), addButton]);
    section.appendChild(addForm);
    section.appendChild(A.el('p', { class: 'widget-hint', text: 'Click anywhere on either chart, or type x₁ and x₂ above, to add a point.' }));
    var hard = A.canvas('K-means: points coloured by their cluster, centres marked with crosses');
    var soft = A.canvas('EM: points coloured by a blend of component colours weighted by responsibility, means marked with crosses');
    section.appendChild(A.el('div', { class: 'widget-pair' }, [
      A.el('figure', {}, [hard.box, A.el('figcaption', { text: 'K-means (hard assignments)' })]),
      A.el('figure', {}, [soft.box, A.el('figcaption', { text: 'EM (soft responsibilities)' })])
    ]));
    section.appendChild(parts.values);
    var disagreements = A.el('ol', { class: 'widget-disagreements' });
    section.appendChild(A.el('h4', { text: 'Where hard and soft disagree most' }));
    section.appendChild(disagreements);
    section.appendChild(parts.live);
    section.appendChild(parts.error);
    var scatter = function (legend) {
      return { type: 'scatter', data: { datasets: [] }, options: {
        plugins: { legend: legend },
        scales: { x: { type: 'linear', title: { display: true, text: 'x₁' } }, y: { title: { display: true, text: 'x₂' } } },
        onClick: function (event, elements, chart) { add([chart.scales.x.getValueForPixel(event.x), chart.scales.y.getValueForPixel(event.y)]); }
      } };
    };
    hard.canvas.classList.add('clickable');
    soft.canvas.classList.add('clickable');
    // legends: the clusters' colours (and the crosses); EM's points blend those colours by responsibility
    var softLegend = { position: 'top', onClick: null, labels: { boxWidth: 12, generateLabels: function (chart) {
      var n = Math.max(0, (chart.data.datasets[1] && chart.data.datasets[1].data.length) || 0);
      var out = [];
      for (var i = 0; i < n; i++) out.push({ text: 'cluster ' + (i + 1) + ' (blend = unsure)', fillStyle: A.colors[i], strokeStyle: A.colors[i], lineWidth: 0, hidden: false });
      if (n) out.push({ text: 'means', pointStyle: 'crossRot', fillStyle: '#1d2433', strokeStyle: '#1d2433', lineWidth: 2, hidden: false });
      return out;
    } } };
    var hardChart = A.chart(hard.canvas, scatter({ position: 'top', onClick: null, labels: { boxWidth: 12, usePointStyle: true } })),
        softChart = A.chart(soft.canvas, scatter(softLegend));

    function add(point) {
      if (!isFinite(point[0]) || !isFinite(point[1])) return;
      points.push([round2(point[0]), round2(point[1])]);
      run();
    }

    /** Fixed axes: the box above widened to the points, the same on both charts. */
    function axes() {
      var lo = [BOX.min, BOX.min], hi = [BOX.max, BOX.max];
      points.forEach(function (p) {
        for (var d = 0; d < 2; d++) { lo[d] = Math.min(lo[d], Math.floor(p[d] - 0.5)); hi[d] = Math.max(hi[d], Math.ceil(p[d] + 0.5)); }
      });
      return { x: A.niceAxis(lo[0], hi[0]), y: A.niceAxis(lo[1], hi[1]) };
    }

    function run() {
      var kk = Number(k.value);
      list.value = points.map(function (p) { return p[0] + ' ' + p[1]; }).join('\n');
      if (points.length < kk) {
        A.redraw(hardChart, [{ label: 'points', data: points.map(function (p) { return { x: p[0], y: p[1] }; }), backgroundColor: '#1d2433', pointRadius: 4 }], axes());
        A.redraw(softChart, [{ label: 'points', data: points.map(function (p) { return { x: p[0], y: p[1] }; }), backgroundColor: '#1d2433', pointRadius: 4 }], axes());
        A.fail(section, parts, new Error('There are ' + points.length + ' points; click on a chart or type points to add at least ' + kk + ' (one per cluster).'), true);
        return;
      }
      latest(Promise.all([
        A.estimate({ model: 'kmeans', data: points, options: { k: kk, seed: seed } }),
        A.estimate({ model: 'gmm', data: points, options: { k: kk, iterations: 200, tolerance: 1e-8, init: 'kmeans++', seed: seed } })
      ])).then(function (answers) { draw(kk, answers[0], answers[1]); })
        .catch(function (e) { A.fail(section, parts, e); });
    }

    function sample() {
      latest(A.sample({ model: 'gmm', parameters: CLUSTERS, n: 150, seed: dataSeed, decimals: 2 }))
        .then(function (answer) { points = answer.data; run(); })
        .catch(function (e) { A.fail(section, parts, e); });
    }

    function centres(list, label) {
      return { label: label, data: list.map(function (c) { return { x: c[0], y: c[1] }; }), pointStyle: 'crossRot', pointRadius: 10, borderWidth: 3, borderColor: '#1d2433' };
    }

    /** Points on the ellipse μ + 2·(√λ₁ u₁ cos t + √λ₂ u₂ sin t) of a 2 × 2 covariance with eigenpairs (λ, u). */
    function ellipse(mean, cov) {
      var a = cov[0][0], b = cov[0][1], d = cov[1][1];
      var mid = (a + d) / 2, half = Math.sqrt((a - d) * (a - d) / 4 + b * b);
      var l1 = mid + half, l2 = Math.max(mid - half, 0), angle = 0.5 * Math.atan2(2 * b, a - d);
      var c = Math.cos(angle), s = Math.sin(angle), r1 = 2 * Math.sqrt(l1), r2 = 2 * Math.sqrt(l2);
      return A.range(0, 2 * Math.PI, 73).map(function (t) {
        var u = r1 * Math.cos(t), v = r2 * Math.sin(t);
        return { x: mean[0] + c * u - s * v, y: mean[1] + s * u + c * v };
      });
    }

    function draw(kk, km, em) {
      var centers = km.estimate.centers, means = em.estimate.means, resp = em.responsibilities;
      var byCluster = [];
      for (var c = 0; c < kk; c++) byCluster.push({ label: 'cluster ' + (c + 1), data: [], backgroundColor: A.colors[c], pointRadius: 4 });
      points.forEach(function (p, i) { byCluster[km.assignments[i]].data.push({ x: p[0], y: p[1] }); });
      A.redraw(hardChart, byCluster.concat([centres(centers, 'centres')]), axes());

      var map = match(centers, means), colorOf = [];
      map.forEach(function (j, i) { colorOf[j] = A.rgb[i]; }); // EM component j gets the colour of its k-means twin
      var blended = points.map(function (p, i) {
        var rgb = [0, 0, 0];
        resp[i].forEach(function (r, j) { for (var d = 0; d < 3; d++) rgb[d] += r * colorOf[j][d]; });
        return 'rgba(' + rgb.map(Math.round).join(',') + ',' + (0.35 + 0.65 * Math.max.apply(null, resp[i])).toFixed(2) + ')';
      });
      var ellipses = em.estimate.covariances.map(function (cov, j) {
        return { type: 'line', label: 'component ' + (j + 1) + ' covariance', data: ellipse(means[j], cov), showLine: true, fill: false,
          borderColor: 'rgb(' + (colorOf[j] || [29, 36, 51]).join(',') + ')', borderWidth: 1.5, pointRadius: 0 };
      });
      A.redraw(softChart, [
        { label: 'points', data: points.map(function (p) { return { x: p[0], y: p[1] }; }), backgroundColor: blended, borderColor: blended, pointRadius: 4 },
        centres(means, 'means')
      ].concat(ellipses), axes());

      var scored = points.map(function (p, i) {
        var own = map[km.assignments[i]], best = 0;
        resp[i].forEach(function (r, j) { if (r > resp[i][best]) best = j; });
        return { i: i, p: p, cluster: km.assignments[i], agree: resp[i][own], best: best, bestR: resp[i][best] };
      }).sort(function (a, b) { return a.agree - b.agree; });
      var twin = function (j) { return map.indexOf(j) + 1; };
      disagreements.textContent = '';
      scored.slice(0, 5).forEach(function (s) {
        disagreements.appendChild(A.el('li', { text: 'Point (' + s.p[0] + ', ' + s.p[1] + '): k-means puts it in cluster ' + (s.cluster + 1)
            + '; EM gives that cluster ' + A.fmt(s.agree, 2) + (twin(s.best) !== s.cluster + 1 ? ' and cluster ' + twin(s.best) + ' ' + A.fmt(s.bestR, 2) : '') + '.' }));
      });
      var unsure = scored.filter(function (s) { return s.bestR < 0.9; }).length;
      A.values(parts.values, [
        ['points', String(points.length), 'points'],
        ['k, seed', kk + ', ' + seed],
        ['k-means inertia Σ‖x − c‖²', A.fmt(km.inertia), 'inertia'],
        ['EM log-likelihood ℓ', A.fmt(em.logLikelihood, 6), 'log-likelihood'],
        ['EM BIC', A.fmt(em.bic, 6)],
        ['points EM is unsure about (max responsibility < 0.9)', String(unsure), 'unsure']
      ]);
      parts.live.textContent = 'k = ' + kk + ': inertia ' + A.fmt(km.inertia) + ', log-likelihood ' + A.fmt(em.logLikelihood, 6) + '.';
      A.ready(section, parts);
    }

    addForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var x = Number(addX.value), y = Number(addY.value);
      if (addX.value === '' || addY.value === '' || !isFinite(x) || !isFinite(y) || Math.abs(x) > 50 || Math.abs(y) > 50) {
        A.fail(section, parts, new Error('Give x₁ and x₂ as numbers between −50 and 50.'), true);
        return;
      }
      add([x, y]);
      parts.live.textContent = 'Added the point (' + round2(x) + ', ' + round2(y) + '); ' + (points.length) + ' points.';
    });
    k.addEventListener('change', run);
    rerun.addEventListener('click', function () { seed += 1; run(); });
    fresh.addEventListener('click', function () { dataSeed += 1; sample(); });
    clear.addEventListener('click', function () { points = []; run(); });
    fitList.addEventListener('click', function () {
      var parsed = parsePoints(list.value);
      if (parsed.error) { A.fail(section, parts, new Error(parsed.error)); return; }
      points = parsed.values;
      run();
    });
    sample();
  };
})();
