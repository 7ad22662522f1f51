package io.portside.diagnose;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The doctor's words, from the {@code io.portside.i18n.doctor} bundle (English, Simplified
 * Chinese): its explanations, its report, and the sequence diagram's labels.
 */
public final class DoctorText {
    private final ResourceBundle words;
    private final Locale locale;

    public DoctorText(Locale locale) {
        this.locale = locale;
        // no fall-back to the JVM's language: English asked for is English on a Chinese system
        this.words = ResourceBundle.getBundle("io.portside.i18n.doctor", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The sentence under {@code doctor.KEY}, its %n$s filled in. */
    public String get(String key, Object... args) {
        return String.format(locale, words.getString("doctor." + key), args);
    }
}
