// EM on a mixture of two Gaussians: 200 seeded points (weights 0.4/0.6, means −2/3, sd 1/1.5),
// one API call for 30 EM iterations from a deliberately poor start, then the learner steps through
// the returned trace: the mixture over the histogram, and ℓ rising iteration by iteration.
(function () {
  'use strict';
  var A = window.Argmax;
  var ITERATIONS = 30;
  var START = { weights: [0.5, 0.5], means: [-0.5, 0.5], covariances: [4, 4] };

  function generate(seed) {
    var rng = A.rng(seed), xs = [];
    for (var i = 0; i < 200; i++) {
      xs.push(rng() < 0.4 ? rng.normal(-2, 1) : rng.normal(3, 1.5));
    }
    return xs.map(function (x) { return Math.round(x * 1000) / 1000; });
  }

  A.widgets.em = function (section) {
    var parts = A.frame(section);
    var latest = A.latest();
    var seed = 1, data = [], trace = [], current = 0, hist = null;

    var previous = A.el('button', { type: 'button', class: 'secondary', text: '◀ Previous' });
    var next = A.el('button', { type: 'button', text: 'Next ▶' });
    var slider = A.el('input', { type: 'range', min: '0', max: String(ITERATIONS), step: '1', value: '0' });
    var fresh = A.el('button', { type: 'button', class: 'secondary', text: 'New data' });
    var step = A.el('output', { class: 'em-iteration', text: 'Iteration 0' });
    parts.controls.appendChild(previous);
    parts.controls.appendChild(next);
    parts.controls.appendChild(A.labelled('Iteration', slider));
    parts.controls.appendChild(step);
    parts.controls.appendChild(fresh);
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

    function run() {
      data = generate(seed);
      hist = A.histogram(data, 24);
      var request = { model: 'gmm', data: data, options: { k: 2, iterations: ITERATIONS, init: START } };
      latest(A.estimate(request)).then(function (answer) {
        trace = answer.trace;
        slider.max = String(trace.length - 1);
        llChart.options.scales.x.max = trace.length - 1;
        show(0);
      }).catch(function (e) { A.fail(section, parts, e); });
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
      var xs = A.range(hist.min - 1, hist.max + 1, 200);
      var component = function (c) { return xs.map(function (x) { return { x: x, y: w[c] * A.normalDensity(x, mu[c], v[c]) }; }); };
      A.redraw(mixChart, [
        { type: 'bar', label: 'data', data: hist.points, backgroundColor: 'rgba(120,130,150,0.3)', borderColor: 'rgba(120,130,150,0.8)', borderWidth: 1, barPercentage: 1, categoryPercentage: 1 },
        { type: 'line', label: 'mixture', data: xs.map(function (x, j) { return { x: x, y: component(0)[j].y + component(1)[j].y }; }), borderColor: '#1d2433', borderWidth: 2.5, pointRadius: 0 },
        { type: 'line', label: 'component 1', data: component(0), borderColor: A.colors[0], borderDash: [5, 4], borderWidth: 2, pointRadius: 0 },
        { type: 'line', label: 'component 2', data: component(1), borderColor: A.colors[1], borderDash: [5, 4], borderWidth: 2, pointRadius: 0 }
      ], { x: { min: hist.min - 1, max: hist.max + 1 } });
      A.redraw(llChart, [
        { label: 'ℓ', data: trace.map(function (s) { return { x: s.iteration, y: s.logLikelihood }; }), borderColor: A.colors[2], borderWidth: 2,
          pointRadius: trace.map(function (s, j) { return j === current ? 6 : 2; }),
          pointBackgroundColor: trace.map(function (s, j) { return j === current ? A.colors[1] : A.colors[2]; }) }
      ]);
      step.textContent = 'Iteration ' + t.iteration + ' of ' + (trace.length - 1);
      slider.setAttribute('aria-valuetext', 'Iteration ' + t.iteration + ', log-likelihood ' + A.fmt(t.logLikelihood, 6));
      A.values(parts.values, [
        ['iteration', String(t.iteration), 'iteration'],
        ['log-likelihood ℓ', A.fmt(t.logLikelihood, 7), 'log-likelihood'],
        ['weights π₁, π₂', A.fmt(w[0]) + ', ' + A.fmt(w[1])],
        ['means μ₁, μ₂', A.fmt(mu[0]) + ', ' + A.fmt(mu[1])],
        ['variances σ₁², σ₂²', A.fmt(v[0]) + ', ' + A.fmt(v[1])],
        ['data', data.length + ' points, seed ' + seed]
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
    fresh.addEventListener('click', function () { seed += 1; run(); });
    run();
  };
})();
