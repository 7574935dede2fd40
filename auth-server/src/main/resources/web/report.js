// The "Not you?" page. Like the reset page, the token arrives in the URL fragment, is removed from the
// address bar at once and kept only in memory. Opening the page only reads what was reported: nothing
// changes until the person confirms with a click (a mail scanner that opens links confirms nothing).
'use strict';

(function () {
    const token = readToken();
    history.replaceState(null, '', location.pathname + location.search);

    const $ = (id) => document.getElementById(id);
    const sections = ['checking', 'missing', 'invalid', 'confirm', 'done', 'problem'];
    const events = {
        RESET_REQUESTED: ['a request to reset your password', 'The reset link in that email, and any other we'
            + ' sent you, will stop working. Your password and your sessions stay as they are.'],
        INVITATION: ['an invitation to a Latchkey account', 'The link in that invitation will stop working.'],
        PASSWORD_CHANGED: ['a change of your password', 'Every session of your account will be signed out and'
            + ' the account put on hold: nobody can sign in with a password or reset it until your help desk'
            + ' has checked with you and sent you a new reset link.']
    };

    function readToken() {
        const match = /(?:^#|&)token=([A-Za-z0-9_-]{64})(?:&|$)/.exec(location.hash);
        return match ? match[1] : null;
    }

    function show(id) {
        sections.forEach((s) => { $(s).hidden = s !== id; });
        const first = $(id).querySelector('h2, p');
        if (first) {
            first.setAttribute('tabindex', '-1');
            first.focus();
        }
    }

    function problem(text) {
        $('problemText').textContent = text;
        show('problem');
    }

    async function post(path) {
        const response = await fetch(path, {method: 'POST', cache: 'no-store', credentials: 'omit',
            referrerPolicy: 'no-referrer', headers: {'Accept': 'application/json', 'Content-Type': 'application/json'},
            body: JSON.stringify({token})});
        let json = null;
        try {
            json = await response.json();
        } catch (e) {
            json = null;
        }
        return {status: response.status, json};
    }

    function when(iso) {
        return new Date(iso).toLocaleString(undefined, {dateStyle: 'full', timeStyle: 'short'});
    }

    function refused(answer) {
        if (answer.status === 429) {
            problem('Too many attempts from your network. Wait a few minutes, then reload this page.');
        } else if (answer.status === 400) {
            show('invalid');
        } else {
            problem('Something went wrong. Reload the page and try again.');
        }
    }

    async function start() {
        if (!token) {
            show('missing');
            return;
        }
        try {
            const answer = await post('/api/v1/reports/verify');
            if (answer.status !== 200) {
                refused(answer);
                return;
            }
            const [what, effect] = events[answer.json.event];
            $('reported').textContent = 'We emailed ' + answer.json.email + ' about ' + what + ' on '
                + when(answer.json.occurredAt) + (answer.json.clientIp ? ', from the IP address '
                + answer.json.clientIp : '') + '. If that was not you, tell us.';
            $('effect').textContent = effect;
            show('confirm');
        } catch (e) {
            problem('Cannot reach Latchkey right now. Check your connection and reload this page.');
        }
    }

    async function confirm() {
        $('confirmReport').disabled = true;
        try {
            const answer = await post('/api/v1/reports');
            if (answer.status !== 200) {
                refused(answer);
                return;
            }
            $('outcome').textContent = answer.json.message;
            $('reference').textContent = answer.json.reference;
            $('support').textContent = answer.json.supportContact;
            show('done');
        } catch (e) {
            $('confirmReport').disabled = false;
            problem('Cannot reach Latchkey right now. Check your connection and try again.');
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('confirmReport').addEventListener('click', confirm);
        start();
    });
}());
