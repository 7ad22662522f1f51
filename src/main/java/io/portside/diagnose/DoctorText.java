package io.portside.diagnose;

import java.util.Locale;
import java.util.ResourceBundle;

/** The doctor's words, from the {@code io.portside.i18n.doctor} bundle (English, Simplified Chinese). */
final class DoctorText {
    private final ResourceBundle words;
    private final Locale locale;

    DoctorText(Locale locale) {
        this.locale = locale;
        this.words = ResourceBundle.getBundle("io.portside.i18n.doctor", locale);
    }

    Locale locale() {
        return locale;
    }

    /** The sentence under {@code doctor.KEY}, its %n$s filled in. */
    String get(String key, Object... args) {
        return String.format(locale, words.getString("doctor." + key), args);
    }
}
