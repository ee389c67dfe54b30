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

    // [data-zf-tabs] (Tabs.razor): the tabs are links that work without script; here they switch the panels in place,
    // keep the choice in the address, and move with the arrow, Home and End keys.
    function selectTab(tab, focus) {
        var tabs = tab.closest('[data-zf-tabs]');
        if (!tabs) return;
        tabs.querySelectorAll('[role="tab"]').forEach(function (t) {
            var on = t === tab;
            t.setAttribute('aria-selected', on ? 'true' : 'false');
            t.setAttribute('tabindex', on ? '0' : '-1');
            t.classList.toggle('active', on);
            var panel = document.getElementById(t.getAttribute('aria-controls'));
            if (panel) panel.hidden = !on;
        });
        if (focus) tab.focus();
        if (window.history && window.history.replaceState) window.history.replaceState(null, '', tab.href);
    }

    document.addEventListener('click', function (event) {
        var tab = event.target instanceof Element ? event.target.closest('[data-zf-tabs] [role="tab"]') : null;
        if (!tab || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        selectTab(tab, true);
    });

    document.addEventListener('keydown', function (event) {
        var tab = event.target instanceof Element ? event.target.closest('[data-zf-tabs] [role="tab"]') : null;
        if (!tab) return;
        var all = Array.prototype.slice.call(tab.closest('[role="tablist"]').querySelectorAll('[role="tab"]'));
        var i = all.indexOf(tab), next = null;
        if (event.key === 'ArrowRight') next = all[(i + 1) % all.length];
        else if (event.key === 'ArrowLeft') next = all[(i - 1 + all.length) % all.length];
        else if (event.key === 'Home') next = all[0];
        else if (event.key === 'End') next = all[all.length - 1];
        else if (event.key === ' ') next = tab;
        if (!next) return;
        event.preventDefault();
        selectTab(next, true);
    });
})();
