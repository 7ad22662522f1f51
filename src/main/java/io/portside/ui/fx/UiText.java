package io.portside.ui.fx;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The window's words in the chosen language ({@code io.portside.i18n.ui} bundle). Passed in, not global. */
public final class UiText {
    private final ResourceBundle bundle;
    private final Locale locale;

    public UiText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("io.portside.i18n.ui", locale);
    }

    public Locale locale() {
        return locale;
    }

    /**
     * Dates and times as the window's language writes them (2026/12/3 下午4:45 in Chinese), not as
     * the system's: a Chinese window on an English system must not show US dates.
     */
    public DateTimeFormatter dateTime(FormatStyle style) {
        return DateTimeFormatter.ofLocalizedDateTime(style).withLocale(locale).withZone(ZoneId.systemDefault());
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in; the key itself if missing. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
