package dev.latchkey.server;

import java.time.Duration;

import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.server.helpdesk.CaseService;
import dev.latchkey.server.helpdesk.HelpdeskService;
import dev.latchkey.server.helpdesk.StaffRefusals;
import dev.latchkey.server.http.AllowedHosts;
import dev.latchkey.server.http.ClientIp;
import dev.latchkey.server.http.ObserveAccess;
import dev.latchkey.server.report.ReportService;
import dev.latchkey.server.reset.ResetService;
import dev.latchkey.server.mfa.FactorRemovals;
import dev.latchkey.server.mfa.SecondFactorService;
import dev.latchkey.server.session.PasswordChange;
import dev.latchkey.server.session.SessionService;

/** What the HTTP routes need, built once by {@link AuthServer}. */
public record Api(ResetService resets, ReportService reports, SessionService sessions,
                  PasswordChange passwordChange, SecondFactorService secondFactors, FactorRemovals factorRemovals,
                  HelpdeskService helpdesk, CaseService cases, PasswordPolicy policy, ClientIp clientIp, Duration resetTokenTtl,
                  AllowedHosts allowedHosts, ObserveAccess observeAccess, StaffRefusals staffRefusals) {
}
