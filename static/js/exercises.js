// Submits exercise forms in place: the same POST the plain form makes, asking for JSON, then
// swaps in the exercise as the server re-rendered it (feedback, attempts left, revealed answer).
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
        var focusTarget = fresh.querySelector('.feedback .verdict, .notice-error');
        if (focusTarget) { focusTarget.setAttribute('tabindex', '-1'); focusTarget.focus(); }
      } else {
        form.submit();
      }
    }).catch(function () {
      form.submit(); // fall back to the plain form
    });
  }

  document.addEventListener('submit', onSubmit);
})();
