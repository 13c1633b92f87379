// EM on a mixture of two Gaussians. The core draws the data (/api/sample) from a mixture the
// learner can change (default weights 0.4/0.6, means −2/3, sd 1/1.5, 200 points), or the learner
// pastes numbers of their own; one API call runs 30 EM iterations from a starting guess the learner
// sets, and the learner steps through the returned trace: the mixture over the histogram, and ℓ
// rising iteration by iteration, with the lower bound each M-step reached (the ELBO with the previous
// iteration's responsibilities) below it: the gap between the two is what the next E-step closes.
(function () {
  'use strict';
  var A = window.Argmax;
  var ITERATIONS = 30;
  var TRUTH = { weight: 0.4, mean1: -2, sd1: 1, mean2: 3, sd2: 1.5, n: 200 };
  var START = { mean1: -0.5, mean2: 0.5 };

  function number(value, min, max, step) {
    return A.el('input', { type: 'number', value: String(value), min: String(min), max: String(max), step: String(step), class: 'widget-number' });
  }

  A.widgets.em = function (section) {
    var parts = A.frame(section);
    var latest = A.latest();
    var seed = 1, data = [], trace = [], current = 0, hist = null, own = false;

    var previous = A.el('button', { type: 'button', class: 'secondary', text: '◀ Previous' });
    var next = A.el('button', { type: 'button', text: 'Next ▶' });
    var slider = A.el('input', { type: 'range', min: '0', max: String(ITERATIONS), step: '1', value: '0' });
    var step = A.el('output', { class: 'em-iteration', text: 'Iteration 0' });
    parts.controls.appendChild(previous);
    parts.controls.appendChild(next);
    parts.controls.appendChild(A.labelled('Iteration', slider));
    parts.controls.appendChild(step);

    // The mixture the core samples from, the starting guess, and the learner's own numbers.
    var weight = number(TRUTH.weight, 0.05, 0.95, 0.05), n = number(TRUTH.n, 10, 2000, 10);
    var mean1 = number(TRUTH.mean1, -20, 20, 0.5), sd1 = number(TRUTH.sd1, 0.1, 10, 0.1);
    var mean2 = number(TRUTH.mean2, -20, 20, 0.5), sd2 = number(TRUTH.sd2, 0.1, 10, 0.1);
    var start1 = number(START.mean1, -20, 20, 0.5), start2 = number(START.mean2, -20, 20, 0.5);
    var fresh = A.el('button', { type: 'button', class: 'secondary', text: 'New sample' });
    var mine = A.el('textarea', { rows: '2', spellcheck: 'false', maxlength: '20000', placeholder: 'e.g. 1.2 0.8 5.1 4.7 …' });
    var fitMine = A.el('button', { type: 'button', class: 'secondary', text: 'Fit my numbers' });
    var mineField = A.labelled('Or paste numbers of your own (spaces, commas or new lines)', mine);
    mineField.classList.add('widget-field-wide');
    var settings = A.el('details', { class: 'widget-settings' }, [
      A.el('summary', { text: 'Data and starting point' }),
      A.el('div', { class: 'widget-controls' }, [
        A.el('strong', { text: 'True mixture:' }),
        A.labelled('π₁', weight), A.labelled('μ₁', mean1), A.labelled('σ₁', sd1),
        A.labelled('μ₂', mean2), A.labelled('σ₂', sd2), A.labelled('points', n), fresh
      ]),
      A.el('div', { class: 'widget-controls' }, [
        A.el('strong', { text: 'EM starts from:' }),
        A.labelled('μ₁⁽⁰⁾', start1), A.labelled('μ₂⁽⁰⁾', start2),
        A.el('span', { class: 'widget-hint', text: 'weights ½, ½ and variances 4, 4' })
      ]),
      A.el('div', { class: 'widget-controls' }, [mineField, fitMine])
    ]);
    section.appendChild(settings);
    section.appendChild(A.el('p', { class: 'widget-hint', text: 'Step with the buttons, the slider, or the ← and → keys.' }));
    var mixture = A.canvas('Histogram of the data with the mixture density at the current EM iteration');
    var climb = A.canvas('Log-likelihood at each EM iteration, current iteration marked');
    section.appendChild(A.el('div', { class: 'widget-pair' }, [mixture.box, climb.box]));
    section.appendChild(parts.values);
    section.appendChild(parts.live);
    section.appendChild(parts.error);

    var mixChart = A.chart(mixture.canvas, {
      type: 'bar', data: { datasets: [] },
      options: { scales: { x: { type: 'linear', title: { display: true, text: 'x' } }, y: { min: 0, title: { display: true, text: 'density' } } } }
    });
    var llChart = A.chart(climb.canvas, {
      type: 'line', data: { datasets: [] },
      options: { scales: { x: { type: 'linear', min: 0, max: ITERATIONS, title: { display: true, text: 'EM iteration' } }, y: { title: { display: true, text: 'log-likelihood ℓ' } } } }
    });

    function value(input, name) {
      var v = Number(input.value);
      if (input.value.trim() === '' || !isFinite(v)) throw new Error(name + ' must be a number.');
      return v;
    }

    /** The learner's numbers, or a fresh sample from the core with the mixture in the settings. */
    function dataset() {
      if (own) {
        var parsed = A.parseNumbers(mine.value);
        if (parsed.error) return Promise.reject(new Error(parsed.error));
        if (parsed.values.length < 2) return Promise.reject(new Error('Paste at least two numbers to fit two components.'));
        return Promise.resolve(parsed.values);
      }
      try {
        var w = value(weight, 'π₁');
        if (!(w > 0 && w < 1)) throw new Error('π₁ must lie strictly between 0 and 1 (π₂ = 1 − π₁).');
        var request = {
          model: 'gmm', n: value(n, 'The number of points'), seed: seed, decimals: 3,
          parameters: { weights: [w, 1 - w], means: [value(mean1, 'μ₁'), value(mean2, 'μ₂')], sds: [value(sd1, 'σ₁'), value(sd2, 'σ₂')] }
        };
      } catch (e) {
        return Promise.reject(e);
      }
      return A.sample(request).then(function (answer) { return answer.data; });
    }

    function run() {
      latest(dataset().then(function (values) {
        data = values;
        var init = { weights: [0.5, 0.5], means: [value(start1, 'μ₁⁽⁰⁾'), value(start2, 'μ₂⁽⁰⁾')], covariances: [4, 4] };
        return A.estimate({ model: 'gmm', data: data, options: { k: 2, iterations: ITERATIONS, init: init } });
      })).then(function (answer) {
        hist = A.histogram(data, 24);
        trace = answer.trace;
        slider.max = String(trace.length - 1);
        llChart.options.scales.x.max = trace.length - 1;
        show(0);
      }).catch(function (e) { A.fail(section, parts, e); });
    }

    /** log(πₖ N(x | μₖ, vₖ)) for every point and component at trace entry t. */
    function logJoint(t) {
      var w = t.weights, mu = t.means.map(function (m) { return m[0]; }), v = t.covariances.map(function (c) { return c[0][0]; });
      return data.map(function (x) {
        return [0, 1].map(function (c) { return Math.log(w[c]) - 0.5 * Math.log(2 * Math.PI * v[c]) - 0.5 * (x - mu[c]) * (x - mu[c]) / v[c]; });
      });
    }

    /** ELBO(q, θ_t) with q the responsibilities at θ_(t−1): the bound the M-step of iteration t maximized. */
    function bound(t) {
      var before = logJoint(trace[t - 1]), after = logJoint(trace[t]), total = 0;
      before.forEach(function (row, i) {
        var top = Math.max(row[0], row[1]), norm = top + Math.log(Math.exp(row[0] - top) + Math.exp(row[1] - top));
        for (var c = 0; c < 2; c++) {
          var logQ = row[c] - norm;
          if (logQ > -700) total += Math.exp(logQ) * (after[i][c] - logQ);
        }
      });
      return total;
    }

    function show(i) {
      if (!trace.length) return;
      current = Math.max(0, Math.min(trace.length - 1, i));
      slider.value = String(current);
      // aria-disabled, not disabled: a disabled button would drop the keyboard focus
      previous.setAttribute('aria-disabled', String(current === 0));
      next.setAttribute('aria-disabled', String(current === trace.length - 1));
      var t = trace[current];
      var w = t.weights, mu = t.means.map(function (m) { return m[0]; }), v = t.covariances.map(function (c) { return c[0][0]; });
      var axis = A.niceAxis(hist.min - 1, hist.max + 1);
      var xs = A.range(axis.min, axis.max, 200);
      var component = function (c) { return xs.map(function (x) { return { x: x, y: w[c] * A.normalDensity(x, mu[c], v[c]) }; }); };
      A.redraw(mixChart, [
        { type: 'bar', label: 'data', data: hist.points, backgroundColor: 'rgba(120,130,150,0.3)', borderColor: 'rgba(120,130,150,0.8)', borderWidth: 1, barPercentage: 1, categoryPercentage: 1 },
        { type: 'line', label: 'mixture', data: xs.map(function (x, j) { return { x: x, y: component(0)[j].y + component(1)[j].y }; }), borderColor: '#1d2433', borderWidth: 2.5, pointRadius: 0 },
        { type: 'line', label: 'component 1', data: component(0), borderColor: A.colors[0], borderDash: [5, 4], borderWidth: 2, pointRadius: 0 },
        { type: 'line', label: 'component 2', data: component(1), borderColor: A.colors[1], borderDash: [5, 4], borderWidth: 2, pointRadius: 0 }
      ], { x: A.niceAxis(hist.min - 1, hist.max + 1) });
      var bounds = trace.slice(1).map(function (s, j) { return { x: s.iteration, y: bound(j + 1) }; });
      A.redraw(llChart, [
        { label: 'ℓ', data: trace.map(function (s) { return { x: s.iteration, y: s.logLikelihood }; }), borderColor: A.colors[2], borderWidth: 2,
          pointRadius: trace.map(function (s, j) { return j === current ? 6 : 2; }),
          pointBackgroundColor: trace.map(function (s, j) { return j === current ? A.colors[1] : A.colors[2]; }) },
        { label: 'bound after the M-step (ELBO before the next E-step)', data: bounds, borderColor: A.colors[3], borderDash: [4, 3], borderWidth: 1.5,
          pointRadius: 2, showLine: true }
      ]);
      var gap = current > 0 ? t.logLikelihood - bounds[current - 1].y : null;
      step.textContent = 'Iteration ' + t.iteration + ' of ' + (trace.length - 1);
      slider.setAttribute('aria-valuetext', 'Iteration ' + t.iteration + ', log-likelihood ' + A.fmt(t.logLikelihood, 6));
      A.values(parts.values, [
        ['iteration', String(t.iteration), 'iteration'],
        ['log-likelihood ℓ', A.fmt(t.logLikelihood, 7), 'log-likelihood'],
        ['bound reached by this M-step', current > 0 ? A.fmt(bounds[current - 1].y, 7) : '— (the start)', 'bound'],
        ['gap ℓ − bound = KL, closed by the next E-step', current > 0 ? A.fmt(gap, 3) : '—', 'gap'],
        ['weights π₁, π₂', A.fmt(w[0]) + ', ' + A.fmt(w[1]), 'weights'],
        ['means μ₁, μ₂', A.fmt(mu[0]) + ', ' + A.fmt(mu[1]), 'means'],
        ['variances σ₁², σ₂²', A.fmt(v[0]) + ', ' + A.fmt(v[1]), 'variances'],
        ['data', own ? 'your ' + data.length + ' numbers'
          : data.length + ' points drawn by the core, seed ' + seed + ' (true π₁ ' + weight.value + ', μ ' + mean1.value + ', ' + mean2.value
            + ', σ² ' + A.fmt(Number(sd1.value) * Number(sd1.value)) + ', ' + A.fmt(Number(sd2.value) * Number(sd2.value)) + ')', 'data']
      ]);
      parts.live.textContent = 'Iteration ' + t.iteration + ': log-likelihood ' + A.fmt(t.logLikelihood, 6) + '.';
      A.ready(section, parts);
    }

    previous.addEventListener('click', function () { show(current - 1); });
    next.addEventListener('click', function () { show(current + 1); });
    slider.addEventListener('input', function () { show(Number(slider.value)); });
    section.addEventListener('keydown', function (event) {
      if (event.target === slider || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName)) return;
      if (event.key === 'ArrowRight') { event.preventDefault(); show(current + 1); }
      if (event.key === 'ArrowLeft') { event.preventDefault(); show(current - 1); }
    });
    fresh.addEventListener('click', function () { own = false; seed += 1; run(); });
    var again = A.debounce(function () { own = false; run(); }, 400);
    [weight, mean1, sd1, mean2, sd2, n].forEach(function (input) { input.addEventListener('input', again); });
    var restart = A.debounce(run, 400);
    [start1, start2].forEach(function (input) { input.addEventListener('input', restart); });
    fitMine.addEventListener('click', function () { own = true; run(); });
    run();
  };
})();
