package io.github.stytchjakarta.core.internal.json;

import io.github.stytchjakarta.core.AuthenticationFactor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lenient readers for JSON values held as plain Java objects (JWT claims, parsed JSON maps): a
 * value of the wrong type reads as {@code null} or empty, never as an exception, so that the caller
 * decides whether the value was required.
 */
public final class Claims {

    private static final String TYPE = "type";
    private static final String DELIVERY_METHOD = "delivery_method";
    private static final String LAST_AUTHENTICATED_AT = "last_authenticated_at";
    private static final String CREATED_AT = "created_at";
    private static final String UPDATED_AT = "updated_at";
    private static final Set<String> COMMON_FACTOR_FIELDS =
            Set.of(TYPE, DELIVERY_METHOD, LAST_AUTHENTICATED_AT, CREATED_AT, UPDATED_AT);

    private Claims() {
    }

    /**
     * @param value a claim value
     * @return the string, or {@code null} when the value is not a string
     */
    public static String string(Object value) {
        return value instanceof String string ? string : null;
    }

    /**
     * @param value a claim value
     * @return the map, or {@code null} when the value is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /**
     * @param value a claim value
     * @return the strings of a JSON array (other elements skipped); empty when not an array
     */
    public static List<String> strings(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object element : list) {
            if (element instanceof String string) {
                strings.add(string);
            }
        }
        return strings;
    }

    /**
     * Parses an RFC 3339 timestamp. The form Stytch sends ({@code 2026-01-01T00:00:00Z}, optionally
     * with a fraction or a numeric offset) is parsed by hand, because {@link Instant#parse} costs
     * microseconds and a session JWT carries half a dozen timestamps; anything else falls back to it.
     *
     * @param value an RFC 3339 timestamp, e.g. {@code 2026-01-01T00:00:00Z}
     * @return the instant, or {@code null} when the value is not a timestamp
     */
    public static Instant instant(Object value) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return null;
        }
        Instant instant = parseCommonForm(text);
        if (instant != null) {
            return instant;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±hh:mm), or null when the text has any other form
    private static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || (text.charAt(10) | 0x20) != 't'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int index = 19;
        int nanos = 0;
        if (text.charAt(index) == '.') {
            int start = ++index;
            while (index < length && index - start < 9 && Character.isDigit(text.charAt(index))) {
                nanos = nanos * 10 + (text.charAt(index) - '0');
                index++;
            }
            if (index == start || index < length && Character.isDigit(text.charAt(index))) {
                return null;
            }
            for (int scale = index - start; scale < 9; scale++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (index == length - 1 && (text.charAt(index) | 0x20) == 'z') {
            offsetSeconds = 0;
        } else if (index == length - 6 && (text.charAt(index) == '+' || text.charAt(index) == '-')
                && text.charAt(index + 3) == ':') {
            int offsetHours = digits(text, index + 1, 2);
            int offsetMinutes = digits(text, index + 4, 2);
            if (offsetHours < 0 || offsetHours > 23 || offsetMinutes < 0 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (text.charAt(index) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds, nanos);
    }

    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * Reads the authentication factors of a session.
     *
     * @param value a JSON array of factor objects
     * @return the factors (non-objects skipped); empty when not an array
     */
    public static List<AuthenticationFactor> factors(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<AuthenticationFactor> factors = new ArrayList<>(list.size());
        for (Object element : list) {
            Map<String, Object> object = object(element);
            if (object != null) {
                factors.add(factor(object));
            }
        }
        return factors;
    }

    /**
     * Reads one authentication factor: the common fields by name, everything else into
     * {@link AuthenticationFactor#details()}.
     *
     * @param object the factor object; must not be {@code null}
     * @return the factor
     */
    public static AuthenticationFactor factor(Map<String, Object> object) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (Map.Entry<String, Object> member : object.entrySet()) {
            if (!COMMON_FACTOR_FIELDS.contains(member.getKey())) {
                details.put(member.getKey(), member.getValue());
            }
        }
        return new AuthenticationFactor(string(object.get(TYPE)), string(object.get(DELIVERY_METHOD)),
                instant(object.get(LAST_AUTHENTICATED_AT)), instant(object.get(CREATED_AT)),
                instant(object.get(UPDATED_AT)), details);
    }
}
