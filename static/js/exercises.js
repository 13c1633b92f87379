// Submits exercise forms in place: the same POST the plain form makes, asking for JSON, then
// swaps in the exercise as the server re-rendered it (feedback, attempts left, revealed answer;
// after an invalid answer, the learner's values and every field's problem).
(function () {
  'use strict';

  function onSubmit(event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains('exercise-form')) return;
    event.preventDefault();
    var section = form.closest('.exercise');
    var button = form.querySelector('button[type=submit]');
    if (button) button.disabled = true;
    var body = new URLSearchParams(new FormData(form));
    var csrf = form.querySelector('input[name=_csrf]');
    fetch(form.action, {
      method: 'POST',
      body: body,
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf ? csrf.value : '' },
      credentials: 'same-origin'
    }).then(function (response) {
      return response.json().then(function (json) { return { status: response.status, json: json }; });
    }).then(function (result) {
      if (result.json.html) {
        var holder = document.createElement('div');
        holder.innerHTML = result.json.html;
        var fresh = holder.firstElementChild;
        section.replaceWith(fresh);
        if (window.ArgmaxMath) window.ArgmaxMath.renderIn(fresh);
        initSliders(fresh);
        // an invalid answer (400) comes back with every typed value kept and each field's problem
        // beside it; the summary (role=alert) takes the focus, nothing is cleared
        var focusTarget = fresh.querySelector('.invalid-summary') || fresh.querySelector('.feedback .verdict, .notice-error');
        if (focusTarget) { focusTarget.setAttribute('tabindex', '-1'); focusTarget.focus(); }
      } else if (result.status === 503 && result.json.error) {
        // the server is busy (nothing was stored): say so beside the form and let the learner try again
        var notice = section.querySelector('.busy-notice');
        if (!notice) {
          notice = document.createElement('p');
          notice.className = 'notice notice-error busy-notice';
          notice.setAttribute('role', 'alert');
          form.parentNode.insertBefore(notice, form);
        }
        notice.textContent = result.json.error;
        if (button) button.disabled = false;
      } else {
        form.submit();
      }
    }).catch(function () {
      form.submit(); // fall back to the plain form
    });
  }

  // Slider answers: the value beside the slider and, for 0/1 data, the learner's own
  // log-likelihood curve l(θ) = k log θ + (n − k) log(1 − θ) with the chosen θ marked.
  function initSliders(root) {
    root.querySelectorAll('.slider-answer').forEach(function (box) {
      if (box.dataset.ready) return;
      box.dataset.ready = '1';
      var range = box.querySelector('input[type=range]');
      var output = box.querySelector('output');
      var canvas = box.querySelector('canvas');
      var section = box.closest('.exercise');
      var pre = section && section.querySelector('pre.data');
      var values = pre ? pre.textContent.trim().split(/\s+/).map(Number) : [];
      var binary = values.length > 0 && values.every(function (v) { return v === 0 || v === 1; });
      var chart = null;
      if (binary && window.Chart && canvas) {
        var n = values.length, k = values.filter(function (v) { return v === 1; }).length;
        var grid = [], curve = [];
        for (var i = 1; i < 200; i++) {
          var t = i / 200;
          grid.push(t);
          curve.push(k * Math.log(t) + (n - k) * Math.log(1 - t));
        }
        chart = new Chart(canvas, {
          type: 'line',
          data: { labels: grid, datasets: [
            { label: 'log-likelihood', data: curve, pointRadius: 0, borderColor: '#1f4e79', borderWidth: 2 },
            { label: 'your θ', data: [], type: 'scatter', pointRadius: 6, backgroundColor: '#c0392b' }] },
          options: { animation: false, responsive: true, maintainAspectRatio: false, parsing: true,
            scales: { x: { type: 'linear', min: 0, max: 1, title: { display: true, text: 'θ' } },
                      y: { title: { display: true, text: 'log-likelihood' } } },
            plugins: { legend: { display: false } } }
        });
        chart.$loglik = function (t) { return k * Math.log(t) + (n - k) * Math.log(1 - t); };
      }
      function update() {
        var t = Number(range.value);
        output.textContent = 'θ = ' + t.toFixed(3) + (chart ? ',  log-likelihood ' + chart.$loglik(t).toFixed(3) : '');
        range.setAttribute('aria-valuetext', output.textContent);
        if (chart) {
          chart.data.datasets[1].data = [{ x: t, y: chart.$loglik(t) }];
          chart.update();
        }
      }
      range.addEventListener('input', update);
      update();
    });
  }

  document.addEventListener('submit', onSubmit);
  document.addEventListener('DOMContentLoaded', function () { initSliders(document); });
  window.ArgmaxExercises = { initSliders: initSliders };
})();
