package dev.latchkey.testkit.selector;

import static dev.latchkey.testkit.selector.Area.ACCOUNT;
import static dev.latchkey.testkit.selector.Area.CODE;
import static dev.latchkey.testkit.selector.Area.DONE;
import static dev.latchkey.testkit.selector.Area.FORGOT;
import static dev.latchkey.testkit.selector.Area.HEADER;
import static dev.latchkey.testkit.selector.Area.HELPDESK;
import static dev.latchkey.testkit.selector.Area.HELPDESK_DIALOGS;
import static dev.latchkey.testkit.selector.Area.MAILBOX;
import static dev.latchkey.testkit.selector.Area.NEW_PASSWORD;
import static dev.latchkey.testkit.selector.Area.PASSWORD_FIELDS;
import static dev.latchkey.testkit.selector.Area.REPORT;
import static dev.latchkey.testkit.selector.Area.SECOND_FACTOR;
import static dev.latchkey.testkit.selector.Area.SECOND_FACTOR_FIELDS;
import static dev.latchkey.testkit.selector.Area.SETUP;
import static dev.latchkey.testkit.selector.Area.SIGN_IN;
import static dev.latchkey.testkit.selector.Area.STARTUP;

/**
 * The published {@code fx:id}s: the selectors automation may rely on, one constant per id and area.
 * This is the single list; {@code docs/automation.md} mirrors it and a test fails when the app gains
 * or loses an id that is not here, so renaming one is a deliberate change to this file and the docs.
 */
public enum FxId {
    HEADER_ROOT(HEADER, "root", "The window's root pane (header over the current screen)"),
    HEADER_APP_TITLE(HEADER, "appTitle", "Label: the app's name"),
    HEADER_SIGNED_IN_AS(HEADER, "signedInAs", "Label: \"Signed in as ...\" (empty when signed out)"),
    HEADER_OPEN_HELPDESK(HEADER, "openHelpdesk", "Button: the help desk (shown to signed-in staff only)"),
    HEADER_OPEN_ACCOUNT(HEADER, "openAccount", "Button: the account screen (shown when signed in)"),
    HEADER_OPEN_MAILBOX(HEADER, "openMailbox", "Button: the local mailbox (embedded server only)"),
    HEADER_LANGUAGE(HEADER, "language", "Menu button: the language, each under its own name (the choice is remembered)"),
    HEADER_LANGUAGE_EN(HEADER, "language-en", "Menu item: English"),
    HEADER_LANGUAGE_DE(HEADER, "language-de", "Menu item: Deutsch"),
    HEADER_LANGUAGE_FR(HEADER, "language-fr", "Menu item: Français"),
    HEADER_LANGUAGE_ES(HEADER, "language-es", "Menu item: Español"),
    HEADER_LANGUAGE_AR(HEADER, "language-ar", "Menu item: العربية (Arabic; the window mirrors, right to left)"),

    STARTUP_STATUS(STARTUP, "startupStatus", "Label: \"Starting...\", or why start-up failed"),

    SETUP_HEADING(SETUP, "heading", "Label: the screen's title"),
    SETUP_EMAIL_LABEL(SETUP, "emailLabel", "Label of the email field"),
    SETUP_EMAIL(SETUP, "email", "Text field: the administrator's email address"),
    SETUP_NAME_LABEL(SETUP, "nameLabel", "Label of the name field"),
    SETUP_NAME(SETUP, "name", "Text field: the administrator's display name"),
    SETUP_PASSWORD_FIELDS(SETUP, "passwordFields", "The new-password fields (see their own table)"),
    SETUP_ERROR(SETUP, "error", "Label: why the account was not created"),
    SETUP_CREATE(SETUP, "create", "Button: create the administrator (disabled until the password is acceptable)"),
    SETUP_PROGRESS(SETUP, "progress", "Progress indicator: shown while the call runs"),

    SIGN_IN_CARD(SIGN_IN, "card", "The sign-in form's card"),
    SIGN_IN_HEADING(SIGN_IN, "heading", "Label: the screen's title"),
    SIGN_IN_NOTICE(SIGN_IN, "notice", "Label: a one-time notice (\"You have signed out.\", \"Administrator created\")"),
    SIGN_IN_PLAIN_HTTP_WARNING(SIGN_IN, "plainHttpWarning",
            "Label: shown only when the server is another machine reached over plain http"),
    SIGN_IN_EMAIL_LABEL(SIGN_IN, "emailLabel", "Label of the email field"),
    SIGN_IN_EMAIL(SIGN_IN, "email", "Text field: email address"),
    SIGN_IN_PASSWORD_LABEL(SIGN_IN, "passwordLabel", "Label of the password field"),
    SIGN_IN_PASSWORD(SIGN_IN, "password", "Password field"),
    SIGN_IN_SECOND_FACTOR_BOX(SIGN_IN, "secondFactorBox", "Pane: the second-factor fields (shown once the server asks for a code)"),
    SIGN_IN_SECOND_FACTOR_FIELDS(SIGN_IN, "secondFactorFields", "The second-factor code fields (see their own table)"),
    SIGN_IN_ERROR(SIGN_IN, "error", "Label: why the sign-in failed"),
    SIGN_IN_SUBMIT(SIGN_IN, "signIn", "Button: sign in (the default button)"),
    SIGN_IN_PROGRESS(SIGN_IN, "progress", "Progress indicator: shown while the call runs"),
    SIGN_IN_FORGOT_PASSWORD(SIGN_IN, "forgotPassword", "Link: \"Forgot password?\""),

    FORGOT_HEADING(FORGOT, "heading", "Label: the screen's title"),
    FORGOT_ASK_PANE(FORGOT, "askPane", "Pane: the email form (hidden once the code is sent)"),
    FORGOT_EMAIL_LABEL(FORGOT, "emailLabel", "Label of the email field"),
    FORGOT_EMAIL(FORGOT, "email", "Text field: the address to send the code to"),
    FORGOT_ERROR(FORGOT, "error", "Label: why the request was refused"),
    FORGOT_SEND_CODE(FORGOT, "sendCode", "Button: send the code"),
    FORGOT_PROGRESS(FORGOT, "progress", "Progress indicator: shown while the call runs"),
    FORGOT_BACK_TO_SIGN_IN(FORGOT, "backToSignIn", "Link: back to sign in (email form)"),
    FORGOT_HAVE_CODE_ALREADY(FORGOT, "haveCodeAlready", "Link: \"I have a code already\", to the code screen"),
    FORGOT_SENT_PANE(FORGOT, "sentPane", "Pane: shown once the request is accepted"),
    FORGOT_CONFIRMATION(FORGOT, "confirmation", "Label: the generic \"If an account exists...\" confirmation"),
    FORGOT_HAVE_CODE(FORGOT, "haveCode", "Button: \"I have the code\", to the code screen"),
    FORGOT_BACK_TO_SIGN_IN_AFTER_SENT(FORGOT, "backToSignInAfterSent", "Link: back to sign in (after sending)"),

    CODE_HEADING(CODE, "heading", "Label: the screen's title"),
    CODE_CODE_LABEL(CODE, "codeLabel", "Label of the code field"),
    CODE_CODE(CODE, "code", "Text field: the code, or the whole link, from the email"),
    CODE_ERROR(CODE, "error", "Label: why the code was refused (invalid, expired, used)"),
    CODE_ASK_AGAIN(CODE, "askAgain", "Link: ask for a new code (shown when the code was refused)"),
    CODE_VERIFIED(CODE, "verified", "Label: the masked address and expiry of a good code"),
    CODE_REPORT_OFFER(CODE, "reportOffer", "Pane: shown when a \"Not you?\" link was pasted instead of a code"),
    CODE_REPORT_OFFER_TEXT(CODE, "reportOfferText", "Label: what a \"Not you?\" link is"),
    CODE_OPEN_REPORT(CODE, "openReport", "Button: open the report screen for the pasted link"),
    CODE_VERIFY(CODE, "verify", "Button: check the code (until it is verified)"),
    CODE_PROCEED(CODE, "proceed", "Button: continue to the new password (once verified)"),
    CODE_PROGRESS(CODE, "progress", "Progress indicator: shown while the call runs"),
    CODE_BACK_TO_SIGN_IN(CODE, "backToSignIn", "Link: back to sign in"),

    NEW_PASSWORD_HEADING(NEW_PASSWORD, "heading", "Label: the screen's title"),
    NEW_PASSWORD_FOR_ACCOUNT(NEW_PASSWORD, "forAccount", "Label: the masked address the code is for"),
    NEW_PASSWORD_PASSWORD_FIELDS(NEW_PASSWORD, "passwordFields", "The new-password fields (see their own table)"),
    NEW_PASSWORD_SECOND_FACTOR_BOX(NEW_PASSWORD, "secondFactorBox", "Pane: the second factor (shown when the account has one)"),
    NEW_PASSWORD_SECOND_FACTOR_WHY(NEW_PASSWORD, "secondFactorWhy", "Label: why a code is asked for"),
    NEW_PASSWORD_SECOND_FACTOR_FIELDS(NEW_PASSWORD, "secondFactorFields", "The second-factor code fields (see their own table)"),
    NEW_PASSWORD_ERROR(NEW_PASSWORD, "error", "Label: why the reset was refused"),
    NEW_PASSWORD_ASK_AGAIN(NEW_PASSWORD, "askAgain", "Link: ask for a new code (shown when the code expired meanwhile)"),
    NEW_PASSWORD_SET_PASSWORD(NEW_PASSWORD, "setPassword", "Button: set the password (disabled until acceptable)"),
    NEW_PASSWORD_PROGRESS(NEW_PASSWORD, "progress", "Progress indicator: shown while the call runs"),

    PASSWORD_NEW_LABEL(PASSWORD_FIELDS, "newPasswordLabel", "Label of the new password"),
    PASSWORD_NEW(PASSWORD_FIELDS, "newPassword", "Password field: the new password"),
    PASSWORD_NEW_SHOWN(PASSWORD_FIELDS, "newPasswordShown", "Text field: the new password in clear (when shown)"),
    PASSWORD_CONFIRM_LABEL(PASSWORD_FIELDS, "confirmLabel", "Label of the confirmation"),
    PASSWORD_CONFIRM(PASSWORD_FIELDS, "confirmPassword", "Password field: the new password again"),
    PASSWORD_CONFIRM_SHOWN(PASSWORD_FIELDS, "confirmPasswordShown", "Text field: the confirmation in clear (when shown)"),
    PASSWORD_SHOW(PASSWORD_FIELDS, "showPasswords", "Check box: show the passwords in clear"),
    PASSWORD_CHECKLIST(PASSWORD_FIELDS, "checklist", "Pane: the live checklist and strength meter"),
    PASSWORD_STRENGTH_METER(PASSWORD_FIELDS, "strengthMeter", "Progress bar: strength score (0 to 4, as a fraction)"),
    PASSWORD_STRENGTH_LABEL(PASSWORD_FIELDS, "strengthLabel", "Label: the strength in words"),
    PASSWORD_RULE_MIN_LENGTH(PASSWORD_FIELDS, "rule-MIN_LENGTH", "Checklist line: minimum length (starts with \u2713, \u2717 or \u2022)"),
    PASSWORD_RULE_NOT_COMMON(PASSWORD_FIELDS, "rule-NOT_COMMON", "Checklist line: not a common password"),
    PASSWORD_RULE_NOT_EMAIL_NAME(PASSWORD_FIELDS, "rule-NOT_EMAIL_NAME", "Checklist line: not the email's name (\u2022 \"checked when you submit\" during a reset)"),
    PASSWORD_RULE_STRENGTH(PASSWORD_FIELDS, "rule-STRENGTH", "Checklist line: strong enough"),
    PASSWORD_RULE_MATCH(PASSWORD_FIELDS, "rule-MATCH", "Checklist line: the two entries match"),
    PASSWORD_RULE_ERRORS(PASSWORD_FIELDS, "ruleErrors", "Label: the server's refusal, rule by rule"),

    SECOND_FACTOR_LABEL(SECOND_FACTOR_FIELDS, "secondFactorLabel", "Label of the code field (says which code it takes)"),
    SECOND_FACTOR_CODE(SECOND_FACTOR_FIELDS, "secondFactor", "Text field: the authenticator app's code, or a recovery code"),
    SECOND_FACTOR_USE_RECOVERY_CODE(SECOND_FACTOR_FIELDS, "useRecoveryCode", "Link: use a recovery code instead (and back)"),

    DONE_HEADING(DONE, "heading", "Label: the screen's title"),
    DONE_TEXT(DONE, "doneText", "Label: the password was changed, sign in"),
    DONE_BACK_TO_SIGN_IN(DONE, "backToSignIn", "Button: to sign in (the default button)"),

    REPORT_HEADING(REPORT, "heading", "Label: the screen's title"),
    REPORT_REPORTED(REPORT, "reported", "Pane: what was reported (before confirming)"),
    REPORT_EVENT(REPORT, "event", "Label: what happened, in words"),
    REPORT_WHEN(REPORT, "when", "Label: when it happened"),
    REPORT_FROM(REPORT, "from", "Label: from which address, if recorded"),
    REPORT_ACCOUNT(REPORT, "account", "Label: the masked account address"),
    REPORT_VALID_UNTIL(REPORT, "validUntil", "Label: until when the link can be used"),
    REPORT_OUTCOME(REPORT, "outcome", "Pane: shown once the report is made"),
    REPORT_OUTCOME_MESSAGE(REPORT, "outcomeMessage", "Label: what happens now"),
    REPORT_REFERENCE(REPORT, "reference", "Label: the case's reference, to quote to the help desk"),
    REPORT_SUPPORT_CONTACT(REPORT, "supportContact", "Label: how to reach the help desk"),
    REPORT_ERROR(REPORT, "error", "Label: why the link cannot be used"),
    REPORT_CONFIRM(REPORT, "confirmReport", "Button: \"This was not me\" (hidden once reported)"),
    REPORT_PROGRESS(REPORT, "progress", "Progress indicator: shown while the call runs"),
    REPORT_BACK_TO_SIGN_IN(REPORT, "backToSignIn", "Button: back to sign in"),

    ACCOUNT_NAME(ACCOUNT, "name", "Label: the display name"),
    ACCOUNT_EMAIL(ACCOUNT, "email", "Label: the email address"),
    ACCOUNT_SIGN_OUT(ACCOUNT, "signOut", "Button: sign out"),
    ACCOUNT_DETAILS(ACCOUNT, "details", "Label: role and account facts"),
    ACCOUNT_SECOND_FACTOR_HEADING(ACCOUNT, "secondFactorHeading", "Label: the second-factor heading"),
    ACCOUNT_SECOND_FACTOR_STATUS(ACCOUNT, "secondFactorStatus", "Label: whether the account has a second factor, and recovery codes left"),
    ACCOUNT_MANAGE_SECOND_FACTOR(ACCOUNT, "manageSecondFactor", "Button: the second-factor screen"),
    ACCOUNT_CHANGE_HEADING(ACCOUNT, "changeHeading", "Label: the change-password heading"),
    ACCOUNT_CURRENT_PASSWORD_LABEL(ACCOUNT, "currentPasswordLabel", "Label of the current password"),
    ACCOUNT_CURRENT_PASSWORD(ACCOUNT, "currentPassword", "Password field: the current password"),
    ACCOUNT_PASSWORD_FIELDS(ACCOUNT, "passwordFields", "The new-password fields (see their own table)"),
    ACCOUNT_ERROR(ACCOUNT, "error", "Label: why the change was refused"),
    ACCOUNT_SUCCESS(ACCOUNT, "success", "Label: the password was changed"),
    ACCOUNT_CHANGE_PASSWORD(ACCOUNT, "changePassword", "Button: change the password"),
    ACCOUNT_PROGRESS(ACCOUNT, "progress", "Progress indicator: shown while the call runs"),

    FACTOR_HEADING(SECOND_FACTOR, "heading", "Label: the screen's title"),
    FACTOR_NOTICE(SECOND_FACTOR, "notice", "Label: why the screen came up (a staff account that needs a second factor)"),
    FACTOR_STATUS(SECOND_FACTOR, "status", "Label: whether the account has a second factor, and recovery codes left"),
    FACTOR_OVERVIEW(SECOND_FACTOR, "overview", "Pane: the first step (current password, and a code once there is a factor)"),
    FACTOR_EXPLANATION(SECOND_FACTOR, "explanation", "Label: what a second factor does"),
    FACTOR_PASSWORD_LABEL(SECOND_FACTOR, "factorPasswordLabel", "Label of the current password"),
    FACTOR_PASSWORD(SECOND_FACTOR, "factorPassword", "Password field: the current password"),
    FACTOR_PROOF_BOX(SECOND_FACTOR, "proofBox", "Pane: a code of the current factor (shown when there is one)"),
    FACTOR_PROOF_FIELDS(SECOND_FACTOR, "secondFactorFields", "The second-factor code fields (see their own table)"),
    FACTOR_SET_UP(SECOND_FACTOR, "setUpSecondFactor", "Button: set up an authenticator app (a new one when there is a factor)"),
    FACTOR_NEW_RECOVERY_CODES(SECOND_FACTOR, "newRecoveryCodes", "Button: ten new recovery codes (shown when there is a factor)"),
    FACTOR_TURN_OFF(SECOND_FACTOR, "turnOffSecondFactor", "Button: turn the second factor off (shown when there is one)"),
    FACTOR_SCAN(SECOND_FACTOR, "scan", "Pane: the second step, the new key"),
    FACTOR_SCAN_HELP(SECOND_FACTOR, "scanHelp", "Label: how to add the key to an app"),
    FACTOR_QR_CODE(SECOND_FACTOR, "qrCode", "Image: the QR code of the key's otpauth:// URI"),
    FACTOR_SECRET_KEY_LABEL(SECOND_FACTOR, "secretKeyLabel", "Label of the key"),
    FACTOR_SECRET_KEY(SECOND_FACTOR, "secretKey", "Text field (read only): the key in Base32, in groups of four"),
    FACTOR_FIRST_CODE_LABEL(SECOND_FACTOR, "firstCodeLabel", "Label of the first code"),
    FACTOR_FIRST_CODE(SECOND_FACTOR, "firstCode", "Text field: the first code the app shows for the new key"),
    FACTOR_CONFIRM(SECOND_FACTOR, "confirmSecondFactor", "Button: check the code and turn the factor on"),
    FACTOR_CANCEL(SECOND_FACTOR, "cancelSetUp", "Button: cancel the set-up (nothing changes)"),
    FACTOR_CODES(SECOND_FACTOR, "codes", "Pane: the last step, the recovery codes"),
    FACTOR_CODES_HELP(SECOND_FACTOR, "codesHelp", "Label: what recovery codes are for"),
    FACTOR_RECOVERY_CODES(SECOND_FACTOR, "recoveryCodes", "Text area (read only): the ten recovery codes, one per line, shown once"),
    FACTOR_SAVE_RECOVERY_CODES(SECOND_FACTOR, "saveRecoveryCodes", "Button: save the codes to a file (the system's file chooser)"),
    FACTOR_RECOVERY_CODES_DONE(SECOND_FACTOR, "recoveryCodesDone", "Button: done, the codes are saved"),
    FACTOR_ERROR(SECOND_FACTOR, "error", "Label: why a step was refused"),
    FACTOR_SUCCESS(SECOND_FACTOR, "success", "Label: what was done"),
    FACTOR_BACK(SECOND_FACTOR, "backToAccount", "Link: back to the account screen"),
    FACTOR_PROGRESS(SECOND_FACTOR, "progress", "Progress indicator: shown while the call runs"),

    MAILBOX_BACK(MAILBOX, "back", "Button: back to the very screen you left"),
    MAILBOX_HEADING(MAILBOX, "heading", "Label: the screen's title"),
    MAILBOX_PROGRESS(MAILBOX, "progress", "Progress indicator: shown while reading"),
    MAILBOX_REFRESH(MAILBOX, "refresh", "Button: read the outbox again (it also refreshes by itself)"),
    MAILBOX_ERROR(MAILBOX, "error", "Label: why the outbox could not be read"),
    MAILBOX_MESSAGES(MAILBOX, "messages", "List: the messages, newest first, the newest selected"),
    MAILBOX_EMPTY(MAILBOX, "empty", "Label: \"No messages yet.\""),
    MAILBOX_CODE_LABEL(MAILBOX, "codeLabel", "Label of the code"),
    MAILBOX_CODE(MAILBOX, "code", "Text field (read-only): the reset code in the selected message"),
    MAILBOX_COPY_CODE(MAILBOX, "copyCode", "Button: copy the code"),
    MAILBOX_COPIED(MAILBOX, "copied", "Label: \"Copied.\""),
    MAILBOX_BODY(MAILBOX, "body", "Text area (read-only): the selected message's text"),

    HELPDESK_HEADING(HELPDESK, "heading", "Label: the screen's title"),
    HELPDESK_PROGRESS(HELPDESK, "progress", "Progress indicator: shown while a call runs"),
    HELPDESK_INVITE_USER(HELPDESK, "inviteUser", "Button: invite a user (opens the invite dialog)"),
    HELPDESK_STATUS(HELPDESK, "status", "Label: the outcome of the last action"),
    HELPDESK_ERROR(HELPDESK, "error", "Label: why the last action failed"),
    HELPDESK_TABS(HELPDESK, "tabs", "Tab pane: users, cases, audit"),
    HELPDESK_USERS_TAB(HELPDESK, "usersTab", "Tab: users"),
    HELPDESK_SEARCH_LABEL(HELPDESK, "searchLabel", "Label of the search field"),
    HELPDESK_USER_SEARCH(HELPDESK, "userSearch", "Text field: search users by address or name"),
    HELPDESK_USERS(HELPDESK, "users", "List: the users found"),
    HELPDESK_NO_SELECTION(HELPDESK, "noSelection", "Label: shown while no user is selected"),
    HELPDESK_USER_DETAIL(HELPDESK, "userDetail", "Pane: the selected user"),
    HELPDESK_DETAIL_NAME(HELPDESK, "detailName", "Label: the selected user's name"),
    HELPDESK_DETAIL_EMAIL(HELPDESK, "detailEmail", "Label: the selected user's address"),
    HELPDESK_DETAIL_FACTS(HELPDESK, "detailFacts", "Label: role, lock and hold state"),
    HELPDESK_SEND_RESET(HELPDESK, "sendReset", "Button: send a reset (asks for a reason)"),
    HELPDESK_UNLOCK(HELPDESK, "unlock", "Button: unlock the sign-in"),
    HELPDESK_DETAIL_SECOND_FACTOR(HELPDESK, "detailSecondFactor",
            "Label: the selected user's second factor, and when a removal asked for happens"),
    HELPDESK_REMOVE_SECOND_FACTOR(HELPDESK, "removeSecondFactor",
            "Button: remove the second factor after the waiting time (asks how the owner was checked)"),
    HELPDESK_SIGN_OUT_EVERYWHERE(HELPDESK, "signOutEverywhere", "Button: end every session of the selected user"),
    HELPDESK_REFRESH_USER(HELPDESK, "refreshUser", "Button: read the selected user again"),
    HELPDESK_USER_EVENTS(HELPDESK, "userEvents", "List: the user's recent events, with mail delivery"),
    HELPDESK_CASES_TAB(HELPDESK, "casesTab", "Tab: \"Not you?\" cases"),
    HELPDESK_REFRESH_CASES(HELPDESK, "refreshCases", "Button: read the cases again"),
    HELPDESK_CASE_STATUS_FILTER(HELPDESK, "caseStatusFilter", "Choice box: show cases in one status, or any"),
    HELPDESK_CASE_KIND_FILTER(HELPDESK, "caseKindFilter", "Choice box: show cases of one kind, or any"),
    HELPDESK_CASE_REFERENCE(HELPDESK, "caseReference", "Text field: the reference an owner quoted (Enter finds its case)"),
    HELPDESK_CASES_COUNT(HELPDESK, "casesCount", "Label: how many of the matching cases are shown"),
    HELPDESK_LOAD_MORE_CASES(HELPDESK, "loadMoreCases", "Button: load the next page of cases"),
    HELPDESK_CASES_TABLE(HELPDESK, "casesTable", "Table: the cases, open first"),
    HELPDESK_CASE_OPENED_COLUMN(HELPDESK, "caseOpenedColumn", "Column: opened"),
    HELPDESK_CASE_KIND_COLUMN(HELPDESK, "caseKindColumn", "Column: kind"),
    HELPDESK_CASE_STATUS_COLUMN(HELPDESK, "caseStatusColumn", "Column: status"),
    HELPDESK_CASE_USER_COLUMN(HELPDESK, "caseUserColumn", "Column: user"),
    HELPDESK_CASE_HELD_COLUMN(HELPDESK, "caseHeldColumn", "Column: account held"),
    HELPDESK_CASE_SUMMARY_COLUMN(HELPDESK, "caseSummaryColumn", "Column: summary"),
    HELPDESK_NO_CASE(HELPDESK, "noCase", "Label: shown while no case is selected"),
    HELPDESK_CASE_DETAIL(HELPDESK, "caseDetail", "Pane: the selected case"),
    HELPDESK_CASE_TITLE(HELPDESK, "caseTitle", "Label: \"Case N ...\""),
    HELPDESK_CASE_SUMMARY(HELPDESK, "caseSummary", "Label: the case's summary"),
    HELPDESK_CASE_FACTS(HELPDESK, "caseFacts", "Label: user, status, hold"),
    HELPDESK_ACKNOWLEDGE_CASE(HELPDESK, "acknowledgeCase", "Button: acknowledge the case"),
    HELPDESK_RELEASE_HOLD(HELPDESK, "releaseHold", "Button: release the account's hold (sends a fresh reset link)"),
    HELPDESK_RESOLVE_CASE(HELPDESK, "resolveCase", "Button: resolve the case"),
    HELPDESK_CASE_NOTES(HELPDESK, "caseNotes", "List: the case's notes"),
    HELPDESK_CASE_NOTE(HELPDESK, "caseNote", "Text field: a new note (Enter adds it)"),
    HELPDESK_ADD_CASE_NOTE(HELPDESK, "addCaseNote", "Button: add the note"),
    HELPDESK_CASE_EVENTS(HELPDESK, "caseEvents", "List: the case's events"),
    HELPDESK_AUDIT_TAB(HELPDESK, "auditTab", "Tab: audit log"),
    HELPDESK_AUDIT_TYPE(HELPDESK, "auditType", "Choice box: event type filter"),
    HELPDESK_AUDIT_FILTER(HELPDESK, "auditFilter", "Text field: address filter"),
    HELPDESK_REFRESH_AUDIT(HELPDESK, "refreshAudit", "Button: read the audit log again"),
    HELPDESK_AUDIT_TABLE(HELPDESK, "auditTable", "Table: audit events, newest first"),
    HELPDESK_AT_COLUMN(HELPDESK, "atColumn", "Column: when"),
    HELPDESK_TYPE_COLUMN(HELPDESK, "typeColumn", "Column: event type"),
    HELPDESK_USER_COLUMN(HELPDESK, "userColumn", "Column: user"),
    HELPDESK_ACTOR_COLUMN(HELPDESK, "actorColumn", "Column: who acted"),
    HELPDESK_IP_COLUMN(HELPDESK, "ipColumn", "Column: client address"),
    HELPDESK_DETAIL_COLUMN(HELPDESK, "detailColumn", "Column: detail"),
    HELPDESK_DELIVERY_COLUMN(HELPDESK, "deliveryColumn", "Column: mail delivery"),
    HELPDESK_LOAD_MORE(HELPDESK, "loadMore", "Button: load older events"),

    DIALOG_REASON(HELPDESK_DIALOGS, "reason", "Text area: the reason (send-reset and remove-second-factor dialogs)"),
    DIALOG_CONFIRM_RESET(HELPDESK_DIALOGS, "confirmReset", "Button: send the reset (send-reset dialog)"),
    DIALOG_CONFIRM_FACTOR_REMOVAL(HELPDESK_DIALOGS, "confirmFactorRemoval",
            "Button: ask for the second factor's removal (remove-second-factor dialog)"),
    DIALOG_INVITE_EMAIL(HELPDESK_DIALOGS, "inviteEmail", "Text field: address to invite (invite dialog)"),
    DIALOG_INVITE_NAME(HELPDESK_DIALOGS, "inviteName", "Text field: the invitee's name (invite dialog)"),
    DIALOG_INVITE_ROLE(HELPDESK_DIALOGS, "inviteRole", "Choice box: the invitee's role (invite dialog)"),
    DIALOG_CONFIRM_INVITE(HELPDESK_DIALOGS, "confirmInvite", "Button: send the invitation (invite dialog)");

    private final Area area;
    private final String id;
    private final String description;

    FxId(Area area, String id, String description) {
        this.area = area;
        this.id = id;
        this.description = description;
    }

    public Area area() {
        return area;
    }

    /** The {@code fx:id} as the app sets it. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The CSS selector TestFX's {@code lookup} takes. */
    public String query() {
        return "#" + id;
    }
}
