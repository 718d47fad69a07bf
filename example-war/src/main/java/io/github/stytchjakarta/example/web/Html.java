package io.github.stytchjakarta.example.web;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Markup that is safe to send: the app's own template text with every dynamic value escaped. Values become
 * markup only through {@link #of}, which escapes everything that is not already {@code Html}, so that
 * forgetting to escape is not possible by accident.
 *
 * <pre>
 * Html row = Html.of("&lt;tr&gt;&lt;td&gt;{}&lt;/td&gt;&lt;td&gt;{}&lt;/td&gt;&lt;/tr&gt;", document.title(), deleteButton);
 * </pre>
 *
 * @param markup the HTML text
 */
public record Html(String markup) {

    /** No markup. */
    public static final Html EMPTY = new Html("");

    private static final String PLACEHOLDER = "{}";

    /** Requires the markup. */
    public Html {
        Objects.requireNonNull(markup, "markup");
    }

    /**
     * Fills the {@code {}} placeholders of a template in order: an {@code Html} argument verbatim, any other
     * argument as escaped text ({@code null} as nothing).
     *
     * @param template trusted markup with as many {@code {}} as arguments
     * @param args     the values
     * @return the markup
     * @throws IllegalArgumentException if the placeholders and arguments do not match in number
     */
    public static Html of(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 64 * args.length);
        int from = 0;
        for (Object arg : args) {
            int at = template.indexOf(PLACEHOLDER, from);
            if (at < 0) {
                throw new IllegalArgumentException("More arguments than placeholders");
            }
            out.append(template, from, at).append(arg instanceof Html html ? html.markup() : escape(arg));
            from = at + PLACEHOLDER.length();
        }
        if (template.indexOf(PLACEHOLDER, from) >= 0) {
            throw new IllegalArgumentException("More placeholders than arguments");
        }
        return new Html(out.append(template, from, template.length()).toString());
    }

    /**
     * @param parts markup pieces
     * @return the pieces one after the other
     */
    public static Html join(Collection<Html> parts) {
        return new Html(parts.stream().map(Html::markup).collect(Collectors.joining()));
    }

    /**
     * Escapes text for an HTML element or a quoted attribute value.
     *
     * @param value the value; {@code null} gives {@code ""}
     * @return the text with {@code & < > " '} replaced by character references
     */
    public static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return markup;
    }
}
