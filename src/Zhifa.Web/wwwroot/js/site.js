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

    // [data-picker]: a select of organisations or people made searchable. A search box (labelled, keyboard-usable)
    // filters the options by name and path; a multiple select becomes checkboxes with chips of what is chosen.
    // The select stays the form field, so the page works the same without this script.
    var pickerCount = 0;
    function matches(text, query) {
        return !query || text.toLowerCase().indexOf(query.toLowerCase()) >= 0;
    }
    function enhancePicker(root) {
        if (root.hasAttribute('data-picker-ready')) {
            return;
        }
        var select = root.querySelector('select');
        if (!select) {
            return;
        }
        root.setAttribute('data-picker-ready', '');
        var n = ++pickerCount;
        var search = document.createElement('input');
        search.type = 'search';
        search.className = 'form-control form-control-sm zf-picker-search mb-1';
        search.id = (select.id || 'picker') + '-search';
        search.setAttribute('aria-label', root.getAttribute('data-search-label') || 'Search');
        search.placeholder = root.getAttribute('data-search-label') || '';
        search.setAttribute('aria-controls', select.id);
        select.parentNode.insertBefore(search, select);
        var empty = document.createElement('div');
        empty.className = 'form-text zf-picker-empty';
        empty.hidden = true;
        empty.textContent = root.getAttribute('data-no-match') || '';
        empty.setAttribute('role', 'status');

        if (!select.multiple) {
            select.parentNode.insertBefore(empty, select.nextSibling);
            search.addEventListener('input', function () {
                var shown = 0;
                Array.prototype.forEach.call(select.options, function (o) {
                    var hit = o.value === '' || o.selected || matches(o.textContent, search.value);
                    o.hidden = !hit;
                    if (hit && o.value !== '') {
                        shown++;
                    }
                });
                empty.hidden = shown > 0;
            });
            return;
        }

        // Multiple: checkboxes instead of Ctrl-click, chips of the chosen ones above.
        var chips = document.createElement('div');
        chips.className = 'zf-picker-chips';
        chips.setAttribute('aria-live', 'polite');
        var list = document.createElement('div');
        list.className = 'zf-picker-list';
        list.setAttribute('role', 'group');
        var label = root.querySelector('label[for="' + select.id + '"]');
        if (label) {
            label.id = label.id || select.id + '-label';
            list.setAttribute('aria-labelledby', label.id);
            label.htmlFor = search.id;
        }
        var boxes = [];
        Array.prototype.forEach.call(select.options, function (o, i) {
            var row = document.createElement('div');
            row.className = 'form-check';
            var box = document.createElement('input');
            box.type = 'checkbox';
            box.className = 'form-check-input';
            box.id = 'picker' + n + '-' + i;
            box.checked = o.selected;
            var text = document.createElement('label');
            text.className = 'form-check-label';
            text.htmlFor = box.id;
            text.textContent = o.textContent;
            box.addEventListener('change', function () {
                o.selected = box.checked;
                select.dispatchEvent(new Event('change', { bubbles: true }));
                drawChips();
            });
            row.appendChild(box);
            row.appendChild(text);
            list.appendChild(row);
            boxes.push({ option: o, box: box, row: row });
        });
        function drawChips() {
            chips.textContent = '';
            boxes.forEach(function (b) {
                if (!b.option.selected) {
                    return;
                }
                var chip = document.createElement('button');
                chip.type = 'button';
                chip.className = 'zf-chip';
                chip.textContent = b.option.textContent + ' ×';
                chip.addEventListener('click', function () {
                    b.option.selected = false;
                    b.box.checked = false;
                    select.dispatchEvent(new Event('change', { bubbles: true }));
                    drawChips();
                });
                chips.appendChild(chip);
            });
        }
        search.addEventListener('input', function () {
            var shown = 0;
            boxes.forEach(function (b) {
                var hit = matches(b.option.textContent, search.value);
                b.row.hidden = !hit;
                if (hit) {
                    shown++;
                }
            });
            empty.hidden = shown > 0;
        });
        select.hidden = true;
        select.setAttribute('aria-hidden', 'true');
        select.tabIndex = -1;
        search.parentNode.insertBefore(chips, search);
        select.parentNode.insertBefore(list, select);
        select.parentNode.insertBefore(empty, select);
        drawChips();
    }
    function enhancePickers(scope) {
        Array.prototype.forEach.call((scope || document).querySelectorAll('[data-picker]'), enhancePicker);
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { enhancePickers(document); });
    } else {
        enhancePickers(document);
    }
    // Content htmx swaps in (htmx:load fires on each new element).
    document.addEventListener('htmx:load', function (event) {
        if (event.target instanceof Element) {
            if (event.target.matches('[data-picker]')) {
                enhancePicker(event.target);
            }
            enhancePickers(event.target);
        }
    });
})();
