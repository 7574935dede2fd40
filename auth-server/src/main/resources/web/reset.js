// The reset page. The token arrives in the URL fragment (never sent to a server, never in a Referer);
// it is read once, removed from the address bar at once, and kept only in this script's memory.
'use strict';

(function () {
    const token = readToken();
    history.replaceState(null, '', location.pathname + location.search);

    const $ = (id) => document.getElementById(id);
    const sections = ['checking', 'missing', 'invalid', 'form', 'done', 'problem'];
    let policy = {minLength: 15, maxLength: 256};
    let busy = false;

    function readToken() {
        const match = /(?:^#|&)token=([A-Za-z0-9_-]{64})(?:&|$)/.exec(location.hash);
        return match ? match[1] : null;
    }

    function show(id) {
        sections.forEach((s) => { $(s).hidden = s !== id; });
        const first = id === 'form' ? $('newPassword') : $(id).querySelector('h2, p');
        if (first) {
            if (!first.hasAttribute('tabindex') && id !== 'form') {
                first.setAttribute('tabindex', '-1');
            }
            first.focus();
        }
    }

    function problem(text) {
        $('problemText').textContent = text;
        show('problem');
    }

    async function call(method, path, body) {
        const options = {method, headers: {'Accept': 'application/json'}, cache: 'no-store',
            credentials: 'omit', referrerPolicy: 'no-referrer'};
        if (body) {
            options.headers['Content-Type'] = 'application/json';
            options.body = JSON.stringify(body);
        }
        const response = await fetch(path, options);
        let json = null;
        try {
            json = await response.json();
        } catch (e) {
            json = null;
        }
        return {status: response.status, json, retryAfter: response.headers.get('Retry-After')};
    }

    function waitText(seconds) {
        const s = parseInt(seconds, 10);
        if (!s) {
            return 'a moment';
        }
        const [n, unit] = s < 60 ? [s, 'second'] : [Math.ceil(s / 60), 'minute'];
        return n + ' ' + unit + (n === 1 ? '' : 's');
    }

    function when(iso) {
        return new Date(iso).toLocaleString(undefined, {dateStyle: 'medium', timeStyle: 'short'});
    }

    function rule(id, text, state) {
        let li = $(id);
        if (!li) {
            li = document.createElement('li');
            li.id = id;
            $('rules').appendChild(li);
        }
        li.textContent = text + (state === 'later' ? ' (checked when you submit)' : '');
        li.className = state;
        li.setAttribute('aria-label', text + ': ' + ({met: 'met', unmet: 'not met yet', later: 'checked when you submit'})[state]);
    }

    function length(s) {
        return Array.from(s.normalize('NFKC')).length;
    }

    function updateRules() {
        const password = $('newPassword').value;
        const n = length(password);
        rule('rule-min', 'At least ' + policy.minLength + ' characters', n >= policy.minLength ? 'met' : 'unmet');
        rule('rule-max', 'At most ' + policy.maxLength + ' characters', n > 0 && n <= policy.maxLength ? 'met' : 'unmet');
        rule('rule-match', 'Both entries match', password !== '' && password === $('confirmPassword').value ? 'met' : 'unmet');
        rule('rule-server', 'Not a common password, not your email name, hard to guess', 'later');
        $('submit').disabled = busy || n < policy.minLength || n > policy.maxLength
            || password !== $('confirmPassword').value;
    }

    async function start() {
        if (!token) {
            show('missing');
            return;
        }
        try {
            const [policyAnswer, verified] = await Promise.all([
                call('GET', '/api/v1/password-policy'),
                call('POST', '/api/v1/password-resets/verify', {token})]);
            if (policyAnswer.status === 200) {
                policy = policyAnswer.json;
            }
            if (verified.status === 200) {
                $('forAccount').textContent = 'For ' + verified.json.email + '. This link works until '
                    + when(verified.json.expiresAt) + '.';
                updateRules();
                show('form');
            } else if (verified.status === 429) {
                problem('Too many attempts from your network. Try again in ' + waitText(verified.retryAfter) + '.');
            } else {
                show('invalid');
            }
        } catch (e) {
            problem('Cannot reach Latchkey right now. Check your connection and reload this page.');
        }
    }

    async function submit(event) {
        event.preventDefault();
        updateRules();
        if ($('submit').disabled) {
            return;
        }
        busy = true;
        $('submit').disabled = true;
        $('refusal').hidden = true;
        try {
            const answer = await call('POST', '/api/v1/password-resets/complete',
                {token, newPassword: $('newPassword').value});
            if (answer.status === 200) {
                $('newPassword').value = '';
                $('confirmPassword').value = '';
                show('done');
            } else if (answer.status === 422) {
                $('refusalText').textContent = 'That password cannot be used:';
                $('refusalList').replaceChildren(...(answer.json.details || []).map((line) => {
                    const li = document.createElement('li');
                    li.textContent = line;
                    return li;
                }));
                $('refusal').hidden = false;
                $('newPassword').focus();
            } else if (answer.status === 400 && answer.json && answer.json.error === 'invalid_token') {
                show('invalid');
            } else if (answer.status === 429) {
                problem('Too many attempts. Try again in ' + waitText(answer.retryAfter) + '.');
            } else {
                problem('Something went wrong. Reload the page and try again.');
            }
        } catch (e) {
            problem('Cannot reach Latchkey right now. Check your connection and try again.');
        } finally {
            busy = false;
            updateRules();
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('newPassword').addEventListener('input', () => {
            // A refusal speaks of the password that was sent, not of the one being typed now.
            $('refusal').hidden = true;
            updateRules();
        });
        $('confirmPassword').addEventListener('input', updateRules);
        $('show').addEventListener('change', () => {
            const type = $('show').checked ? 'text' : 'password';
            $('newPassword').type = type;
            $('confirmPassword').type = type;
        });
        $('form').addEventListener('submit', submit);
        start();
    });
}());
