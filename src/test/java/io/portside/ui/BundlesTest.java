package io.portside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Chinese bundles have every key of the English ones, with the same placeholders. */
class BundlesTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("%\\d+\\$[sd]|\\{\\d+[^}]*}");

    @ParameterizedTest
    @ValueSource(strings = {"ui", "log", "doctor"})
    void chineseMatchesEnglish(String bundle) throws Exception {
        Properties en = load(bundle + ".properties");
        Properties zh = load(bundle + "_zh_CN.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(zh.getProperty(key)), key);
        }
    }

    private static TreeSet<String> placeholders(String s) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            String p = m.group();
            out.add(p.startsWith("{") ? p.replaceAll("\\{(\\d+).*", "$1") : p);
        }
        return out;
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/io/portside/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
