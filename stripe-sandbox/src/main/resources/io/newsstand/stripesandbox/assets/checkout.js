// The hosted checkout's help while typing, as Stripe's Checkout gives it: the brand from the number's
// prefix, groups of four (Amex 4-6-5), MM / YY, errors beside their field, and a processing state.
// Progressive enhancement only: without it the form posts as it is and the server checks everything.
(function () {
  'use strict';
  var form = document.getElementById('checkout');
  if (!form) { return; }
  var number = document.getElementById('cardNumber');
  var expiry = document.getElementById('cardExpiry');
  var cvc = document.getElementById('cardCvc');
  var brandMark = document.getElementById('cardBrand');
  var submit = document.getElementById('submit');
  var labels = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover', unknown: '' };

  function digits(value) { return value.replace(/\D/g, ''); }

  function brandOf(d) {
    var two = parseInt(d.slice(0, 2), 10);
    var three = parseInt(d.slice(0, 3), 10);
    var four = parseInt(d.slice(0, 4), 10);
    if (/^3[47]/.test(d)) { return 'amex'; }
    if (/^4/.test(d)) { return 'visa'; }
    if ((two >= 51 && two <= 55) || (d.length >= 4 && four >= 2221 && four <= 2720)) { return 'mastercard'; }
    if (/^6011/.test(d) || /^65/.test(d) || (d.length >= 3 && three >= 644 && three <= 649)) { return 'discover'; }
    return 'unknown';
  }

  function grouped(d, brand) {
    var sizes = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4, 3];
    var parts = [];
    var at = 0;
    for (var i = 0; i < sizes.length && at < d.length; i++) {
      parts.push(d.slice(at, at + sizes[i]));
      at += sizes[i];
    }
    return parts.join(' ');
  }

  function luhn(d) {
    var sum = 0;
    for (var i = 0; i < d.length; i++) {
      var n = parseInt(d.charAt(d.length - 1 - i), 10);
      if (i % 2 === 1) { n *= 2; if (n > 9) { n -= 9; } }
      sum += n;
    }
    return d.length > 0 && sum % 10 === 0;
  }

  function show(input, message) {
    var error = document.getElementById(input.id + '-error');
    if (error) { error.textContent = message; }
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
  }

  function checkNumber() {
    var d = digits(number.value);
    var brand = brandOf(d);
    var length = brand === 'amex' ? 15 : 16;
    if (d.length === 0) {
      return form.dataset.cardOptional === 'true' ? '' : 'Enter your card number.';
    }
    return d.length !== length || !luhn(d) ? 'Your card number is invalid.' : '';
  }

  function checkExpiry() {
    var d = digits(expiry.value);
    if (d.length === 0 && digits(number.value).length === 0) { return ''; }
    if (d.length !== 4) { return "Your card's expiration date is incomplete."; }
    var month = parseInt(d.slice(0, 2), 10);
    var year = 2000 + parseInt(d.slice(2), 10);
    if (month < 1 || month > 12) { return "Your card's expiration date is incomplete."; }
    var now = new Date();
    if (year < now.getFullYear() || (year === now.getFullYear() && month < now.getMonth() + 1)) {
      return "Your card's expiration year is in the past.";
    }
    return '';
  }

  function checkCvc() {
    var d = digits(cvc.value);
    if (d.length === 0 && digits(number.value).length === 0) { return ''; }
    var length = brandOf(digits(number.value)) === 'amex' ? 4 : 3;
    return d.length !== length ? "Your card's security code is incomplete." : '';
  }

  number.addEventListener('input', function () {
    var d = digits(number.value).slice(0, 16);
    var brand = brandOf(d);
    number.value = grouped(d, brand);
    brandMark.dataset.brand = brand;
    brandMark.textContent = labels[brand];
    cvc.maxLength = brand === 'amex' ? 4 : 3;
  });
  expiry.addEventListener('input', function () {
    var d = digits(expiry.value).slice(0, 4);
    expiry.value = d.length > 2 ? d.slice(0, 2) + ' / ' + d.slice(2) : d;
  });
  number.addEventListener('blur', function () { show(number, checkNumber()); });
  expiry.addEventListener('blur', function () { show(expiry, checkExpiry()); });
  cvc.addEventListener('blur', function () { show(cvc, checkCvc()); });

  form.addEventListener('submit', function (event) {
    var problems = [[number, checkNumber()], [expiry, checkExpiry()], [cvc, checkCvc()]];
    var first = null;
    problems.forEach(function (problem) {
      show(problem[0], problem[1]);
      if (problem[1] && !first) { first = problem[0]; }
    });
    if (first) {
      event.preventDefault();
      first.focus();
      return;
    }
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    submit.textContent = submit.dataset.busy;
  });
}());
