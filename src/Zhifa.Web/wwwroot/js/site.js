// Behaviour of the pages. The Content-Security-Policy runs no inline script and no on* attribute, so elements ask for
// behaviour with data- attributes and this file, loaded on every page, attaches it by event delegation (which also
// covers content that htmx swaps in later).
(function () {
    'use strict';

    // <select data-autosubmit> submits its form as soon as the choice changes.
    document.addEventListener('change', function (event) {
        var el = event.target;
        if (el instanceof Element && el.matches('[data-autosubmit]') && el.form) {
            el.form.submit();
        }
    });
})();
