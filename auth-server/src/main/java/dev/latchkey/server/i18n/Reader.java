package dev.latchkey.server.i18n;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import dev.latchkey.i18n.Languages;

/**
 * Who an email is written for: a language, and a time zone when known. Without one, times are in
 * UTC and say so. Stored on the account ({@code app_user.language_tag}, {@code .time_zone}) and on a
 * reset request's mail job, as tags: a supported language tag and an IANA zone id.
 */
public record Reader(Locale language, Optional<ZoneId> timeZone) {
    /** The desktop sends its machine's zone, so that times in the account's emails read as local times. */
    private static final HeaderName TIME_ZONE = HeaderNames.create("X-Time-Zone");
    private static final int MAX_ZONE = 64;
    /** Not ZoneOffset.UTC, whose short name is "Z": readers are told "UTC". */
    private static final ZoneId UTC = ZoneId.of("UTC");

    /** What a request tells of its reader; empty when it sends no {@code Accept-Language}. */
    public static Optional<Reader> of(ServerRequest request) {
        return request.headers().first(HeaderNames.ACCEPT_LANGUAGE)
                .map(accept -> new Reader(Languages.negotiate(accept),
                        zone(request.headers().first(TIME_ZONE).orElse(null))));
    }

    /** For whom nobody has told of a language or zone: English, and times in UTC. */
    public static final Reader UNKNOWN = new Reader(Languages.ENGLISH, Optional.empty());

    /** From stored tags; a null zone reads as unknown (UTC). */
    public static Reader stored(String languageTag, String zoneId) {
        return new Reader(Languages.of(languageTag), zone(zoneId));
    }

    public String languageTag() {
        return language.toLanguageTag();
    }

    /** The zone's id, or null when unknown. */
    public String zoneId() {
        return timeZone.map(ZoneId::getId).orElse(null);
    }

    /**
     * A moment as this reader reads it, "Sunday, November 22, 2026, 11:45 PM CET" in English, in UTC
     * (and saying so) when the zone is unknown.
     */
    public String when(Instant instant) {
        DateTimeFormatter format = new DateTimeFormatterBuilder()
                .appendLocalized(FormatStyle.FULL, FormatStyle.SHORT)
                .appendLiteral(' ')
                .appendZoneText(TextStyle.SHORT)
                .toFormatter(language);
        return format.withZone(timeZone.orElse(UTC)).format(instant);
    }

    /** An IANA zone id ("Europe/Berlin"), or empty for anything else: a client's header is not trusted. */
    private static Optional<ZoneId> zone(String id) {
        if (id == null || id.isBlank() || id.length() > MAX_ZONE) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
