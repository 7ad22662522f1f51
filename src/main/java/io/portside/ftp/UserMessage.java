package io.portside.ftp;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Formattable;
import java.util.Formatter;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence for the user, kept as a key of the {@code io.portside.i18n.errors} bundle and its
 * arguments, so each reader renders it in its own language: the CLI and exception messages in
 * English ({@link #toString()}), the window and its log in theirs ({@link #render(Locale)}).
 * An argument that is itself a UserMessage (what was being done, the reason) is rendered in
 * the same language; any other argument (a path, a server's reply) is shown as it is.
 *
 * <p>As a {@link Formattable}, {@code String.format(locale, "%s", message)} renders it in that
 * locale, which is how the log's lines ({@code LogFormatter}) show it.
 */
public final class UserMessage implements Formattable {
    static final String BUNDLE = "io.portside.i18n.errors";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final String key;
    private final List<Object> args;

    private UserMessage(String key, List<Object> args) {
        this.key = key;
        this.args = args;
    }

    /** The sentence of {@code key}, with {@code {0}}-style arguments. */
    public static UserMessage of(String key, Object... args) {
        return new UserMessage(key, Arrays.asList(args.clone()));
    }

    /**
     * The words of a failure: a worded exception's sentence (rendered later in the reader's
     * language), any other exception's message as it is.
     */
    public static UserMessage of(Throwable e) {
        if (e instanceof Worded w) {
            return w.words();
        }
        return verbatim(e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Text that is already words of its own (another exception's message, a server's text): shown as it is. */
    public static UserMessage verbatim(String text) {
        return new UserMessage(null, List.of(String.valueOf(text)));
    }

    /** A command as sent, e.g. {@code SIZE a.txt}, as the "what" of a failure: the same in every language. */
    public static UserMessage command(String line) {
        return verbatim(line);
    }

    /** The bundle key, or null for verbatim text. */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    public String render(Locale locale) {
        if (key == null) {
            return (String) args.get(0);
        }
        ResourceBundle words = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
        String pattern;
        try {
            pattern = words.getString(key);
        } catch (MissingResourceException e) {
            return key + args;
        }
        Object[] shown = new Object[args.size()];
        for (int i = 0; i < shown.length; i++) {
            Object a = args.get(i);
            // numbers as they are ("1234", never "1,234"): they are byte counts, ports and codes
            shown[i] = a instanceof UserMessage m ? m.render(locale) : String.valueOf(a);
        }
        return new MessageFormat(pattern, locale).format(shown);
    }

    /**
     * The text of a failure for a reader in {@code locale}: a worded exception's sentence in that
     * language, any other exception's message as it is.
     */
    public static String textOf(Throwable e, Locale locale) {
        return of(e).render(locale);
    }

    /** In English, as the CLI and exception messages show it. */
    @Override
    public String toString() {
        return render(Locale.ROOT);
    }

    @Override
    public void formatTo(Formatter formatter, int flags, int width, int precision) {
        formatter.format("%s", render(formatter.locale() == null ? Locale.ROOT : formatter.locale()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserMessage m && Objects.equals(key, m.key) && args.equals(m.args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, args);
    }
}
