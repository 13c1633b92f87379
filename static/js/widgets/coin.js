// Coin flips: the learner flips (H/T buttons, keys h/t on the flips box, or a pasted sequence);
// the API returns θ̂ = k/n and the likelihood curve over θ ∈ (0, 1), drawn as L(θ) and ℓ(θ).
(function () {
  'use strict';
  var A = window.Argmax;

  A.widgets.coin = function (section) {
    var parts = A.frame(section);
    var flips = [];
    var latest = A.latest();

    var heads = A.el('button', { type: 'button', text: 'Heads (H)' });
    var tails = A.el('button', { type: 'button', text: 'Tails (T)' });
    var reset = A.el('button', { type: 'button', class: 'secondary', text: 'Reset' });
    var sequence = A.el('input', { type: 'text', placeholder: 'e.g. HHTHT', autocomplete: 'off', spellcheck: 'false', size: '14', maxlength: '2000' });
    var use = A.el('button', { type: 'submit', class: 'secondary', text: 'Use this sequence' });
    var form = A.el('form', { class: 'widget-inline-form' }, [A.labelled('Paste flips', sequence), use]);
    [heads, tails, reset].forEach(function (b) { parts.controls.appendChild(b); });
    parts.controls.appendChild(form);

    var shown = A.el('p', {
      class: 'flips', tabindex: '0', role: 'group',
      'aria-label': 'Flips so far. Press H for heads or T for tails while this box has focus.'
    });
    section.appendChild(shown);
    var likelihood = A.canvas('Likelihood L(θ) of the flips for θ from 0 to 1, with θ̂ marked');
    var logLikelihood = A.canvas('Log-likelihood ℓ(θ) of the flips for θ from 0 to 1, with θ̂ marked');
    section.appendChild(A.el('div', { class: 'widget-pair' }, [likelihood.box, logLikelihood.box]));
    section.appendChild(parts.values);
    section.appendChild(parts.live);
    section.appendChild(parts.error);

    var axes = function (title) {
      return {
        x: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'θ (probability of heads)' } },
        y: { title: { display: true, text: title } }
      };
    };
    var lChart = A.chart(likelihood.canvas, { type: 'line', data: { datasets: [] }, options: { scales: axes('L(θ)') } });
    var llChart = A.chart(logLikelihood.canvas, { type: 'line', data: { datasets: [] }, options: { scales: axes('ℓ(θ) = log L(θ)') } });

    function add(side) {
      if (flips.length >= 2000) return;
      flips.push(side);
      update();
    }

    function update() {
      var k = flips.filter(function (f) { return f === 'H'; }).length, n = flips.length;
      shown.textContent = n ? flips.join('') : 'No flips yet.';
      shown.scrollTop = shown.scrollHeight;
      if (n === 0) {
        A.redraw(lChart, []);
        A.redraw(llChart, []);
        A.values(parts.values, [['flips n', '0'], ['heads k', '0'], ['θ̂ = k/n', 'flip the coin to start', 'theta-hat']]);
        parts.live.textContent = 'No flips yet.';
        A.ready(section, parts);
        return;
      }
      var request = {
        model: 'bernoulli', method: 'mle',
        data: flips.map(function (f) { return f === 'H' ? 1 : 0; }),
        options: { curve: { parameter: 'p', from: 0, to: 1, points: 201 } }
      };
      latest(A.estimate(request)).then(function (answer) { draw(answer, k, n); })
        .catch(function (e) { A.fail(section, parts, e); });
    }

    function draw(answer, k, n) {
      var c = answer.curve, p = answer.estimate.p;
      // L(θ) underflows for long sequences: then draw it relative to its maximum
      var maxL = Math.max.apply(null, c.likelihood.map(function (v) { return v || 0; }));
      var relative = !(maxL > 1e-280);
      var ys = relative ? c.relativeLikelihood : c.likelihood;
      var Lhat = relative ? 1 : Math.exp(answer.logLikelihood);
      var maxLl = answer.logLikelihood, minLl = maxLl - 25;
      var llPoints = [];
      c.grid.forEach(function (x, i) { if (c.logLikelihood[i] !== null && c.logLikelihood[i] >= minLl) llPoints.push({ x: x, y: c.logLikelihood[i] }); });
      var marker = function (y0, y1) {
        return { label: 'θ̂ = ' + A.fmt(p), data: [{ x: p, y: y0 }, { x: p, y: y1 }], borderColor: A.colors[1], borderDash: [6, 4], pointRadius: [0, 5], pointBackgroundColor: A.colors[1], borderWidth: 2 };
      };
      A.redraw(lChart, [
        { label: relative ? 'L(θ) / L(θ̂)' : 'L(θ)', data: c.grid.map(function (x, i) { return { x: x, y: ys[i] }; }), borderColor: A.colors[0], pointRadius: 0, borderWidth: 2 },
        marker(0, Lhat)
      ], { y: { min: 0, title: { display: true, text: relative ? 'L(θ) / L(θ̂)' : 'L(θ)' } } });
      A.redraw(llChart, [
        { label: 'ℓ(θ)', data: llPoints, borderColor: A.colors[2], pointRadius: 0, borderWidth: 2 },
        marker(minLl, maxLl)
      ], { y: { min: minLl, max: maxLl + 0.05 * (maxLl - minLl) } });
      A.values(parts.values, [
        ['flips n', String(n)],
        ['heads k', String(k)],
        ['θ̂ = k/n', k + '/' + n + ' = ' + A.fmt(p), 'theta-hat'],
        ['ℓ(θ̂)', A.fmt(answer.logLikelihood)],
        ['L(θ̂)', A.fmt(Math.exp(answer.logLikelihood))]
      ]);
      parts.live.textContent = k + ' heads in ' + n + ' flips: θ̂ = ' + k + '/' + n + ' = ' + A.fmt(p) + '.';
      A.ready(section, parts);
    }

    heads.addEventListener('click', function () { add('H'); });
    tails.addEventListener('click', function () { add('T'); });
    reset.addEventListener('click', function () { flips = []; update(); });
    shown.addEventListener('keydown', function (event) {
      var key = event.key.toLowerCase();
      if (key === 'h' || key === 't') {
        event.preventDefault();
        add(key.toUpperCase());
      }
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var text = sequence.value.toUpperCase().replace(/[\s,]/g, '');
      if (!/^[HT]*$/.test(text)) {
        A.fail(section, parts, new Error('Use only H and T in the sequence, e.g. HHTHT.'));
        return;
      }
      flips = text.slice(0, 2000).split('').filter(Boolean);
      update();
    });
    update();
  };
})();
