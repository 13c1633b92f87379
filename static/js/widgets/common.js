// Shared pieces of the lesson widgets: the POST to /api/estimate with its error message, Chart.js
// defaults (no animation, so what a test reads is what is drawn), number formatting, small DOM
// builders, and the ready/error flags on each widget's section. Data is drawn by the core
// (/api/sample), so a widget's sample is the same generator and seed an exercise would use.
(function () {
  'use strict';
  var A = window.Argmax = window.Argmax || {};
  A.widgets = A.widgets || {};

  A.colors = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];
  A.rgb = [[31, 119, 180], [214, 39, 40], [44, 160, 44], [148, 103, 189], [255, 127, 14]];

  /** POSTs JSON to one of the public API routes; rejects with the API's own message on a 4xx. */
  function post(path, request) {
    return fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(request)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) throw new Error(json.error || ('The server answered ' + response.status + '.'));
        return json;
      });
    }, function () {
      throw new Error('Could not reach the server. Check the connection and try again.');
    });
  }

  /** A fit by the estimation core: POST /api/estimate. */
  A.estimate = function (request) { return post('/api/estimate', request); };

  /** Seeded data from the core's generators (the ones exercises use): POST /api/sample. */
  A.sample = function (request) { return post('/api/sample', request); };

  /** Keeps only the newest answer when requests overlap (e.g. a slider dragged quickly). */
  A.latest = function () {
    var counter = 0;
    return function (promise) {
      var mine = ++counter;
      return promise.then(function (value) {
        if (mine !== counter) return new Promise(function () {});
        return value;
      }, function (error) {
        if (mine !== counter) return new Promise(function () {});
        throw error;
      });
    };
  };

  A.debounce = function (fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  };

  /** A number for people: 4 significant digits, exponent form only for very large or small values. */
  A.fmt = function (x, digits) {
    if (x === null || x === undefined || !isFinite(x)) return '—';
    digits = digits || 4;
    var ax = Math.abs(x);
    if (ax !== 0 && (ax < 1e-3 || ax >= 1e6)) return x.toExponential(digits - 1).replace('e', '×10^');
    var s = Number(x.toPrecision(digits)).toString();
    return s === '-0' ? '0' : s;
  };

  /** el('button', {type: 'button', class: 'secondary', text: 'Reset'}, [children]) */
  A.el = function (tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  };

  var ids = 0;
  A.id = function (prefix) { ids += 1; return prefix + '-' + ids; };

  /** A labelled control: <label for=id>text</label> followed by the control. */
  A.labelled = function (text, control) {
    if (!control.id) control.id = A.id('w');
    return A.el('span', { class: 'widget-field' }, [A.el('label', { for: control.id, text: text }), control]);
  };

  /** A canvas in a .widget-canvas box, described for screen readers. */
  A.canvas = function (label) {
    // focusable, so a keyboard user reaches it; widgets.js points aria-describedby at the values as text
    var canvas = A.el('canvas', { role: 'img', 'aria-label': label, tabindex: '0' });
    return { box: A.el('div', { class: 'widget-canvas' }, [canvas]), canvas: canvas };
  };

  /** Creates or replaces the chart on a canvas; Chart.getChart(canvas) finds it. */
  A.chart = function (canvas, config) {
    var old = window.Chart.getChart(canvas);
    if (old) old.destroy();
    config.options = Object.assign({
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false },
      plugins: {}
    }, config.options || {});
    config.options.plugins.legend = Object.assign({ labels: { boxWidth: 14 } }, config.options.plugins.legend || {});
    var chart = new window.Chart(canvas, config);
    if (!canvas.dataset.tooltipWatch) {
      // a tooltip never outlives the pointer or the focus
      canvas.dataset.tooltipWatch = '1';
      var hide = function () {
        var c = window.Chart.getChart(canvas);
        if (c && c.tooltip && c.tooltip.getActiveElements().length) {
          c.tooltip.setActiveElements([], { x: 0, y: 0 });
          c.setActiveElements([]);
          c.update('none');
        }
      };
      canvas.addEventListener('mouseleave', hide);
      canvas.addEventListener('blur', hide);
    }
    return chart;
  };

  /**
   * An axis from lo to hi with round ends and round ticks: the step is 1, 2 or 5 × 10^k giving about
   * {@code count} intervals, and both ends are multiples of it (EM's −5.8 … 7.4 becomes −6 … 8).
   */
  A.niceAxis = function (lo, hi, count) {
    if (!isFinite(lo) || !isFinite(hi)) return {};
    if (hi <= lo) { lo -= 1; hi += 1; }
    var raw = (hi - lo) / (count || 6), power = Math.pow(10, Math.floor(Math.log10(raw))), step = power;
    [1, 2, 5, 10].some(function (m) { step = m * power; return step >= raw; });
    var min = Math.floor(lo / step + 1e-9) * step, max = Math.ceil(hi / step - 1e-9) * step;
    var digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
    return { min: Number(min.toFixed(digits)), max: Number(max.toFixed(digits)), ticks: { stepSize: step } };
  };

  /** Replaces a chart's datasets (and optionally axis limits) and redraws without animation. */
  A.redraw = function (chart, datasets, scales) {
    chart.data.datasets = datasets;
    if (scales) Object.keys(scales).forEach(function (axis) {
      var s = scales[axis], target = chart.options.scales[axis];
      Object.keys(s).forEach(function (key) {
        if (key === 'ticks') target.ticks = Object.assign({}, target.ticks || {}, s.ticks);
        else target[key] = s[key];
      });
    });
    chart.update('none');
  };

  /** A <dl class="widget-values"> filled from [[term, value], …]. */
  A.values = function (dl, pairs) {
    dl.textContent = '';
    pairs.forEach(function (p) {
      var dd = A.el('dd', { text: p[1] });
      if (p[2]) dd.className = p[2];
      dl.appendChild(A.el('dt', { text: p[0] }));
      dl.appendChild(dd);
    });
  };

  /** The parts every widget has: controls, values, a polite live region and an error line. */
  A.frame = function (section) {
    var parts = {
      controls: A.el('div', { class: 'widget-controls' }),
      values: A.el('dl', { class: 'widget-values', id: A.id('values') }),
      live: A.el('p', { class: 'widget-live visually-hidden', 'aria-live': 'polite' }),
      error: A.el('p', { class: 'widget-error', role: 'alert', hidden: '' })
    };
    section.appendChild(parts.controls);
    return parts;
  };

  A.ready = function (section, parts) {
    parts.error.hidden = true;
    parts.error.textContent = '';
    section.removeAttribute('data-error');
    section.setAttribute('data-ready', 'true');
  };

  /** Shows the error and clears what no longer matches the input: the values and every chart of the widget. */
  A.fail = function (section, parts, error, keepOutput) {
    var message = error && error.message ? error.message : String(error);
    if (!keepOutput) {
      parts.values.textContent = '';
      section.querySelectorAll('canvas').forEach(function (canvas) {
        var c = window.Chart && window.Chart.getChart(canvas);
        if (c) { c.data.datasets = []; c.update('none'); }
      });
    }
    parts.error.textContent = message;
    parts.error.hidden = false;
    section.setAttribute('data-error', message);
  };

  /** Numbers typed or pasted by a learner: separated by spaces, commas, semicolons or new lines. */
  A.parseNumbers = function (text) {
    var tokens = text.split(/[\s,;]+/).filter(function (t) { return t !== ''; });
    var values = [];
    for (var i = 0; i < tokens.length; i++) {
      var v = Number(tokens[i]);
      if (!isFinite(v)) return { error: '"' + tokens[i] + '" (value ' + (i + 1) + ') is not a number.' };
      values.push(v);
    }
    return { values: values };
  };

  A.normalDensity = function (x, mean, variance) {
    return Math.exp(-0.5 * (x - mean) * (x - mean) / variance) / Math.sqrt(2 * Math.PI * variance);
  };

  /** log Γ(x) by the Lanczos approximation (g = 7), for beta densities. */
  A.logGamma = function (x) {
    var c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61508307284597, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
    if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - A.logGamma(1 - x);
    x -= 1;
    var s = c[0];
    for (var i = 1; i < 9; i++) s += c[i] / (x + i);
    var t = x + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
  };

  A.betaDensity = function (p, a, b) {
    return Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log(1 - p) + A.logGamma(a + b) - A.logGamma(a) - A.logGamma(b));
  };

  /** Continued fraction of the regularized incomplete beta function (modified Lentz). */
  function betaFraction(x, a, b) {
    var tiny = 1e-300, qab = a + b, qap = a + 1, qam = a - 1, c = 1, d = 1 - qab * x / qap;
    if (Math.abs(d) < tiny) d = tiny;
    d = 1 / d;
    var h = d;
    for (var m = 1; m <= 500; m++) {
      var m2 = 2 * m, aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d; h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      var step = d * c;
      h *= step;
      if (Math.abs(step - 1) < 1e-15) break;
    }
    return h;
  }

  /** P(θ ≤ x) for θ ~ Beta(a, b): the regularized incomplete beta function I_x(a, b). */
  A.betaCdf = function (x, a, b) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    var front = Math.exp(A.logGamma(a + b) - A.logGamma(a) - A.logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    return x < (a + 1) / (a + b + 2) ? front * betaFraction(x, a, b) / a : 1 - front * betaFraction(1 - x, b, a) / b;
  };

  /** The p-quantile of Beta(a, b), by bisection on the distribution function (the core does the same). */
  A.betaQuantile = function (p, a, b) {
    var lo = 0, hi = 1;
    for (var i = 0; i < 60; i++) {
      var mid = 0.5 * (lo + hi);
      if (A.betaCdf(mid, a, b) < p) lo = mid; else hi = mid;
    }
    return 0.5 * (lo + hi);
  };

  /**
   * A small seeded random number generator (mulberry32) for widgets that simulate in the page:
   * uniform(), normal() (Box–Muller) and exponential(rate).
   */
  A.rng = function (seed) {
    var state = (seed >>> 0) || 1, spare = null;
    var uniform = function () {
      state = (state + 0x6D2B79F5) >>> 0;
      var t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
    };
    return {
      uniform: uniform,
      normal: function () {
        if (spare !== null) { var s = spare; spare = null; return s; }
        var r = Math.sqrt(-2 * Math.log(uniform())), angle = 2 * Math.PI * uniform();
        spare = r * Math.sin(angle);
        return r * Math.cos(angle);
      },
      exponential: function (rate) { return -Math.log(uniform()) / rate; }
    };
  };

  /** Histogram as density: bar centres, heights (area 1) and the bin width. */
  A.histogram = function (values, bins) {
    var min = Math.min.apply(null, values), max = Math.max.apply(null, values);
    if (max === min) { min -= 0.5; max += 0.5; }
    var width = (max - min) / bins, counts = new Array(bins).fill(0);
    values.forEach(function (v) { counts[Math.min(bins - 1, Math.floor((v - min) / width))] += 1; });
    return {
      min: min, max: max, width: width,
      points: counts.map(function (c, i) { return { x: min + (i + 0.5) * width, y: c / (values.length * width) }; })
    };
  };

  A.range = function (from, to, points) {
    var out = [];
    for (var i = 0; i < points; i++) out.push(from + (to - from) * i / (points - 1));
    return out;
  };
})();
