// The words of the reset and report pages, in the browser's language: the server chooses it from the
// Accept-Language the browser sends (its language settings) and answers the page's strings as JSON,
// since the CSP allows no inline data. An element names its text with data-i18n (its aria-label with
// data-i18n-aria-label); a {0} in a text takes the element's first child element, {1} the second...
// Addresses, codes and IP addresses go in as ltr() so that they read left to right in Arabic too.
'use strict';

const I18n = (function () {
    let strings = {};
    let lang = 'en';

    async function load(page) {
        const response = await fetch('/' + page + '/strings', {headers: {'Accept': 'application/json'},
            cache: 'no-store', credentials: 'omit', referrerPolicy: 'no-referrer'});
        if (!response.ok) {
            throw new Error('No strings for ' + page + ': ' + response.status);
        }
        const answer = await response.json();
        strings = answer.strings;
        lang = answer.lang;
        document.documentElement.lang = lang;
        document.documentElement.dir = answer.dir;
        document.querySelectorAll('[data-i18n]').forEach((element) => {
            fill(element, element.dataset.i18n, ...element.children);
        });
        document.querySelectorAll('[data-i18n-aria-label]').forEach((element) => {
            element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
        });
        document.title = t('common.documentTitle', document.querySelector('h1').textContent);
    }

    // The text as nodes: the pattern's pieces, with each {n} replaced by args[n] (a node, or a string).
    function parts(key, ...args) {
        return strings[key].split(/\{(\d+)\}/).map((piece, i) => {
            const arg = i % 2 === 1 ? args[Number(piece)] : piece;
            return typeof arg === 'string' ? document.createTextNode(arg) : arg;
        });
    }

    function t(key, ...args) {
        return parts(key, ...args).map((node) => node.textContent).join('');
    }

    function fill(element, key, ...args) {
        element.replaceChildren(...parts(key, ...args));
    }

    function ltr(text) {
        const bdi = document.createElement('bdi');
        bdi.dir = 'ltr';
        bdi.textContent = text;
        return bdi;
    }

    function date(iso, dateStyle) {
        return new Intl.DateTimeFormat(lang, {dateStyle, timeStyle: 'short'}).format(new Date(iso));
    }

    // A Retry-After in seconds as "45 seconds" or "3 minutes"; null when there is none.
    function wait(seconds) {
        const s = parseInt(seconds, 10);
        if (!s) {
            return null;
        }
        const [n, unit] = s < 60 ? [s, 'second'] : [Math.ceil(s / 60), 'minute'];
        return new Intl.NumberFormat(lang, {style: 'unit', unit, unitDisplay: 'long'}).format(n);
    }

    return {load, parts, t, fill, ltr, date, wait};
}());
