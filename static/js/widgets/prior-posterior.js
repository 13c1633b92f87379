// From prior to posterior: a Beta(α, β) prior and heads/tails counts; the API returns the MAP,
// the MLE and the posterior; the three curves are drawn as densities over θ, with the posterior's
// 95 % equal-tailed credible interval shaded and the posterior predictive P(next flip is heads) listed.
(function () {
  'use strict';
  var A = window.Argmax;

  function slider(label, value) {
    var input = A.el('input', { type: 'range', min: '0.5', max: '20', step: '0.5', value: String(value) });
    var out = A.el('output', { text: String(value) });
    var field = A.labelled(label, input);
    field.appendChild(out);
    var sync = function () {
      out.textContent = input.value;
      input.setAttribute('aria-valuetext', label.split(' ')[0] + ' = ' + input.value);
    };
    sync();
    input.addEventListener('input', sync);
    return { field: field, input: input };
  }

  function count(label, value) {
    var input = A.el('input', { type: 'number', min: '0', max: '5000', step: '1', value: String(value), inputmode: 'numeric' });
    input.style.width = '5.5em';
    return { field: A.labelled(label, input), input: input };
  }

  A.widgets['prior-posterior'] = function (section) {
    var parts = A.frame(section);
    var latest = A.latest();
    var alpha = slider('α (prior pseudo-heads + 1)', 2), beta = slider('β (prior pseudo-tails + 1)', 2);
    var heads = count('Heads', 3), tails = count('Tails', 0);
    [alpha, beta, heads, tails].forEach(function (c) { parts.controls.appendChild(c.field); });
    var plot = A.canvas('Prior, scaled likelihood and posterior densities over θ, with the MLE and MAP marked');
    section.appendChild(plot.box);
    section.appendChild(parts.values);
    section.appendChild(parts.live);
    section.appendChild(parts.error);
    var chart = A.chart(plot.canvas, {
      type: 'line', data: { datasets: [] },
      options: { scales: { x: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'θ' } }, y: { min: 0, title: { display: true, text: 'density' } } } }
    });

    function whole(input, name) {
      var v = Number(input.value);
      if (input.value === '' || !Number.isInteger(v) || v < 0 || v > 5000) throw new Error(name + ' must be a whole number from 0 to 5000.');
      return v;
    }

    function run() {
      var a = Number(alpha.input.value), b = Number(beta.input.value), k, m;
      try {
        k = whole(heads.input, 'Heads');
        m = whole(tails.input, 'Tails');
      } catch (e) {
        A.fail(section, parts, e);
        return;
      }
      var data = [];
      for (var i = 0; i < k; i++) data.push(1);
      for (var j = 0; j < m; j++) data.push(0);
      if (data.length === 0) {
        draw(a, b, 0, 0, null);
        return;
      }
      latest(A.estimate({ model: 'bernoulli', method: 'map', data: data, prior: { alpha: a, beta: b } }))
        .then(function (answer) { draw(a, b, k, m, answer); })
        .catch(function (e) { A.fail(section, parts, e); });
    }

    function draw(a, b, k, m, answer) {
      var grid = A.range(0.0025, 0.9975, 200);
      var curve = function (pa, pb) { return grid.map(function (p) { return { x: p, y: A.betaDensity(p, pa, pb) }; }); };
      var post = answer ? answer.posterior : { alpha: a, beta: b, mode: null, mean: a / (a + b) };
      var sets = [
        { label: 'prior Beta(' + a + ', ' + b + ')', data: curve(a, b), borderColor: A.colors[0], borderDash: [5, 4], pointRadius: 0, borderWidth: 2 },
        { label: 'likelihood (scaled to area 1)', data: answer ? curve(k + 1, m + 1) : [], borderColor: A.colors[2], pointRadius: 0, borderWidth: 2 },
        { label: 'posterior Beta(' + A.fmt(post.alpha) + ', ' + A.fmt(post.beta) + ')', data: curve(post.alpha, post.beta), borderColor: A.colors[1], pointRadius: 0, borderWidth: 3 }
      ];
      var top = 0;
      sets.forEach(function (s) { s.data.forEach(function (pt) { if (isFinite(pt.y)) top = Math.max(top, pt.y); }); });
      top = Math.min(top * 1.08, 30);
      var low = A.betaQuantile(0.025, post.alpha, post.beta), high = A.betaQuantile(0.975, post.alpha, post.beta);
      var band = A.range(low, high, 80).map(function (p) { return { x: p, y: Math.min(A.betaDensity(p, post.alpha, post.beta), top) }; });
      sets.push({ label: '95 % credible interval', data: band, borderColor: 'rgba(214,39,40,0)', backgroundColor: 'rgba(214,39,40,0.15)', fill: 'origin', pointRadius: 0, borderWidth: 0 });
      if (answer) {
        sets.push({ label: 'MLE = ' + A.fmt(answer.mle.p), data: [{ x: answer.mle.p, y: 0 }, { x: answer.mle.p, y: top }], borderColor: A.colors[2], borderDash: [2, 3], pointRadius: 0, borderWidth: 1.5 });
        sets.push({ label: 'MAP = ' + A.fmt(answer.estimate.p), data: [{ x: answer.estimate.p, y: 0 }, { x: answer.estimate.p, y: top }], borderColor: A.colors[1], borderDash: [2, 3], pointRadius: 0, borderWidth: 1.5 });
      }
      A.redraw(chart, sets, { y: { max: top } });
      A.values(parts.values, [
        ['data', k + ' heads, ' + m + ' tails'],
        ['prior', 'Beta(' + a + ', ' + b + ')'],
        ['posterior', 'Beta(' + A.fmt(post.alpha) + ', ' + A.fmt(post.beta) + ')'],
        ['MLE k/n', answer ? A.fmt(answer.mle.p) : 'no data yet', 'mle'],
        ['MAP (posterior mode)', answer ? A.fmt(answer.estimate.p) : '—', 'map'],
        ['posterior mean', A.fmt(post.mean), 'posterior-mean'],
        ['95 % credible interval', '[' + A.fmt(low) + ', ' + A.fmt(high) + ']', 'credible'],
        ['P(next flip is heads) = posterior mean', A.fmt(post.mean), 'predictive']
      ]);
      parts.live.textContent = answer
        ? 'MLE ' + A.fmt(answer.mle.p) + ', MAP ' + A.fmt(answer.estimate.p) + ', posterior mean ' + A.fmt(post.mean)
          + ', 95 % credible interval ' + A.fmt(low) + ' to ' + A.fmt(high) + '.'
        : 'No data: the posterior is the prior.';
      A.ready(section, parts);
    }

    var later = A.debounce(run, 120);
    [alpha, beta, heads, tails].forEach(function (c) { c.input.addEventListener('input', later); });
    run();
  };
})();
