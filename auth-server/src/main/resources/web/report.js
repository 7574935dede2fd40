// The "Not you?" page. Like the reset page, the token arrives in the URL fragment, is removed from the
// address bar at once and kept only in memory. Opening the page only reads what was reported: nothing
// changes until the person confirms with a click (a mail scanner that opens links confirms nothing).
'use strict';

(function () {
    const token = readToken();
    history.replaceState(null, '', location.pathname + location.search);

    const $ = (id) => document.getElementById(id);
    const sections = ['checking', 'missing', 'invalid', 'confirm', 'done', 'problem'];
    // What was reported, and what confirming will do about it.
    const events = {
        RESET_REQUESTED: ['report.event.RESET_REQUESTED', 'report.effect.RESET_REQUESTED'],
        INVITATION: ['report.event.INVITATION', 'report.effect.INVITATION'],
        PASSWORD_CHANGED: ['report.event.PASSWORD_CHANGED', 'report.effect.PASSWORD_CHANGED'],
        SECOND_FACTOR: ['report.event.SECOND_FACTOR', 'report.effect.SECOND_FACTOR']
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

    function refused(answer) {
        if (answer.status === 429) {
            problem(I18n.t('report.tooMany'));
        } else if (answer.status === 400) {
            show('invalid');
        } else {
            problem(I18n.t('common.failed'));
        }
    }

    async function start() {
        try {
            await I18n.load('report');
        } catch (e) {
            show('problem'); // with the page's English words: without its strings it has no others
            return;
        }
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
            const from = answer.json.clientIp ? [...I18n.parts('report.fromIp', I18n.ltr(answer.json.clientIp)), ' '] : [];
            $('reported').replaceChildren(...I18n.parts(what, I18n.ltr(answer.json.email),
                I18n.date(answer.json.occurredAt, 'full')), ' ', ...from, I18n.t('report.ifNotYou'));
            I18n.fill($('effect'), effect);
            show('confirm');
        } catch (e) {
            problem(I18n.t('common.unreachable.reload'));
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
            problem(I18n.t('common.unreachable.retry'));
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('confirmReport').addEventListener('click', confirm);
        start();
    });
}());
