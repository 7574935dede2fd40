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
    // Whether the account has a second factor (verify says), and which kind of code is asked for.
    let secondFactor = false;
    let recovery = false;
    const STATES = {met: 'reset.rule.met', unmet: 'reset.rule.unmet', later: 'reset.rule.checkedLater'};

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

    function tooMany(retryAfter, key, soonKey) {
        const wait = I18n.wait(retryAfter);
        problem(wait ? I18n.t(key, wait) : I18n.t(soonKey));
    }

    function rule(id, key, state) {
        let li = $(id);
        if (!li) {
            li = document.createElement('li');
            li.id = id;
            $('rules').appendChild(li);
        }
        const text = I18n.t(key);
        li.textContent = state === 'later' ? I18n.t('reset.rule.later', text) : text;
        li.className = state;
        li.setAttribute('aria-label', I18n.t('reset.rule.state', text, I18n.t(STATES[state])));
    }

    function length(s) {
        return Array.from(s.normalize('NFKC')).length;
    }

    function updateRules() {
        const password = $('newPassword').value;
        const n = length(password);
        // The rules' words are the server's (rule.*), as the desktop shows them; the numbers are its policy's.
        rule('rule-min', 'rule.MIN_LENGTH', n >= policy.minLength ? 'met' : 'unmet');
        rule('rule-max', 'rule.MAX_LENGTH', n > 0 && n <= policy.maxLength ? 'met' : 'unmet');
        rule('rule-match', 'reset.rule.match', password !== '' && password === $('confirmPassword').value ? 'met' : 'unmet');
        rule('rule-common', 'rule.NOT_COMMON', 'later');
        rule('rule-email', 'rule.NOT_EMAIL_NAME', 'later');
        rule('rule-strength', 'rule.STRENGTH', 'later');
        $('submit').disabled = busy || n < policy.minLength || n > policy.maxLength
            || password !== $('confirmPassword').value
            || (secondFactor && $('secondFactor').value.trim() === '');
    }

    // The app's six digits, or a recovery code in their place.
    function toggleRecovery() {
        recovery = !recovery;
        $('secondFactorLabel').textContent = I18n.t(recovery ? 'reset.recoveryCode' : 'reset.secondFactor');
        $('recoveryToggle').textContent = I18n.t(recovery ? 'reset.useAuthenticator' : 'reset.useRecoveryCode');
        $('secondFactor').inputMode = recovery ? 'text' : 'numeric';
        $('secondFactor').autocomplete = recovery ? 'off' : 'one-time-code';
        $('secondFactor').value = '';
        $('secondFactorError').hidden = true;
        $('secondFactor').focus();
        updateRules();
    }

    function refuseSecondFactor(message) {
        $('secondFactorError').textContent = message;
        $('secondFactorError').hidden = false;
        $('secondFactor').value = '';
        $('secondFactor').focus();
    }

    async function start() {
        try {
            await I18n.load('reset');
        } catch (e) {
            show('problem'); // with the page's English words: without its strings it has no others
            return;
        }
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
                I18n.fill($('forAccount'), 'reset.forAccount', I18n.ltr(verified.json.email),
                    I18n.date(verified.json.expiresAt, 'medium'));
                secondFactor = verified.json.secondFactor === true;
                $('secondFactorBox').hidden = !secondFactor;
                updateRules();
                show('form');
            } else if (verified.status === 429) {
                tooMany(verified.retryAfter, 'reset.tooManyFromNetwork', 'reset.tooManyFromNetwork.soon');
            } else {
                show('invalid');
            }
        } catch (e) {
            problem(I18n.t('common.unreachable.reload'));
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
            const body = {token, newPassword: $('newPassword').value};
            if (secondFactor) {
                body.secondFactor = $('secondFactor').value.trim();
            }
            const answer = await call('POST', '/api/v1/password-resets/complete', body);
            const error = answer.json && answer.json.error;
            if (answer.status === 200) {
                $('newPassword').value = '';
                $('confirmPassword').value = '';
                $('secondFactor').value = '';
                show('done');
            } else if (answer.status === 400
                    && (error === 'invalid_second_factor' || error === 'second_factor_required')) {
                // The account has a factor the page did not know of (added since verify), or the code is wrong.
                secondFactor = true;
                $('secondFactorBox').hidden = false;
                refuseSecondFactor(answer.json.message);
            } else if (answer.status === 422) {
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
                tooMany(answer.retryAfter, 'reset.tooMany', 'reset.tooMany.soon');
            } else {
                problem(I18n.t('common.failed'));
            }
        } catch (e) {
            problem(I18n.t('common.unreachable.retry'));
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
        $('secondFactor').addEventListener('input', () => {
            $('secondFactorError').hidden = true;
            updateRules();
        });
        $('recoveryToggle').addEventListener('click', toggleRecovery);
        $('show').addEventListener('change', () => {
            const type = $('show').checked ? 'text' : 'password';
            $('newPassword').type = type;
            $('confirmPassword').type = type;
        });
        $('form').addEventListener('submit', submit);
        start();
    });
}());
