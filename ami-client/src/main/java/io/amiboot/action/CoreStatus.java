package io.amiboot.action;

import io.amiboot.client.AmiResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * The answer to {@code CoreStatus}.
 *
 * @param startup when Asterisk started, in the server's local time, or {@code null} if not reported
 * @param lastReload when its configuration was last reloaded, in the server's local time, or {@code null}
 * @param currentCalls calls in progress
 * @param processedCalls calls handled since startup, or -1 if not reported
 * @param response the whole response, for headers not mapped here
 */
public record CoreStatus(LocalDateTime startup, LocalDateTime lastReload, int currentCalls, long processedCalls,
        AmiResponse response) {

    static CoreStatus from(AmiResponse response) {
        return new CoreStatus(dateTime(response, "CoreStartupDate", "CoreStartupTime"),
                dateTime(response, "CoreReloadDate", "CoreReloadTime"),
                (int) number(response.get("CoreCurrentCalls"), 0), number(response.get("CoreProcessedCalls"), -1),
                response);
    }

    private static LocalDateTime dateTime(AmiResponse response, String date, String time) {
        try {
            String day = response.get(date);
            String clock = response.get(time);
            return day == null || clock == null ? null : LocalDateTime.of(LocalDate.parse(day.trim()), LocalTime.parse(clock.trim()));
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    static long number(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        }
        catch (NumberFormatException ex) {
            return fallback;
        }
    }
}
