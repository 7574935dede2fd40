package dev.latchkey.server.ratelimit;

/**
 * A per-client limit counted twice: by the client's network ({@link ClientNetwork#of}) and, for an
 * IPv6 client, by its /48 ({@link ClientNetwork#site}) with a larger budget; refused when either is
 * spent. The /48 counts only what its /64 allowed, so one /64 spending its own budget leaves the
 * rest of its /48 theirs. {@code refused} runs on each refusal (a metric).
 */
final class TieredLimiter implements Limiter {
    private final Limiter network;
    private final Limiter site;
    private final Runnable refused;

    /** {@code network} maps client IPs to their network itself; {@code site} is given the /48 as its key. */
    TieredLimiter(Limiter network, Limiter site, Runnable refused) {
        this.network = network;
        this.site = site;
        this.refused = refused;
    }

    @Override
    public Decision hit(String ip) {
        Decision own = network.hit(ip);
        Decision decision = !own.allowed() ? own : ClientNetwork.site(ip).map(site::hit)
                .map(wide -> wide.allowed() ? new Decision(true, 0, own.last() || wide.last()) : wide)
                .orElse(own);
        if (!decision.allowed()) {
            refused.run();
        }
        return decision;
    }

    @Override
    public void refund(String ip) {
        network.refund(ip);
        ClientNetwork.site(ip).ifPresent(site::refund);
    }
}
