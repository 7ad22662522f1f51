package io.portside.ftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portside.ftp.event.ConnectionId;
import io.portside.ftp.event.LogFormatter;
import io.portside.ftp.event.ProtocolEvent;
import io.portside.ftp.event.ProtocolEvent.Notice.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The engine's sentences: every key in English and Chinese, and their arguments rendered in both. */
class UserMessageTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Pattern ARG = Pattern.compile("\\{(\\d+)[^}]*}");

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(UserMessage.BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    @Test
    void everyKeyIsInBothLanguagesWithTheSameArguments() {
        ResourceBundle en = bundle(Locale.ROOT);
        ResourceBundle zh = bundle(ZH);
        assertEquals(Locale.ROOT, en.getLocale());
        assertEquals(ZH, zh.getLocale(), "errors_zh_CN.properties exists");
        TreeSet<String> enKeys = new TreeSet<>(load("errors.properties").stringPropertyNames());
        TreeSet<String> zhKeys = new TreeSet<>(load("errors_zh_CN.properties").stringPropertyNames());
        assertFalse(enKeys.isEmpty());
        assertEquals(enKeys, zhKeys, "the Chinese file's own keys (not inherited from English) are the English ones");
        for (String key : enKeys) {
            assertEquals(arguments(en.getString(key)), arguments(zh.getString(key)), key);
            assertFalse(zh.getString(key).equals(en.getString(key)) && !zh.getString(key).matches("[{}0-9: ]*"),
                    key + " is not translated");
        }
    }

    @Test
    void everyArgumentRendersAndNoQuoteIsSwallowed() {
        for (Locale locale : List.of(Locale.ROOT, ZH)) {
            ResourceBundle words = bundle(locale);
            for (String key : words.keySet()) {
                String pattern = words.getString(key);
                int count = arguments(pattern).size();
                List<Object> args = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    args.add("<arg" + i + ">");
                }
                String shown = UserMessage.of(key, args.toArray()).render(locale);
                for (Object a : args) {
                    assertTrue(shown.contains((String) a), key + " in " + locale + " shows " + a + ": " + shown);
                }
                assertFalse(shown.contains("{"), key + " has an unfilled placeholder: " + shown);
                // a lone ' starts a quoted (unformatted) run in MessageFormat: written '' it shows as one
                int quotesInPattern = pattern.length() - pattern.replace("'", "").length();
                int quotesShown = shown.length() - shown.replace("'", "").length();
                assertEquals(quotesInPattern / 2, quotesShown, key + " in " + locale + ": " + pattern);
                assertEquals(shown, new MessageFormat(pattern, locale).format(args.toArray()));
            }
        }
    }

    @Test
    void nestedMessagesRenderInTheSameLanguageAndOtherArgumentsAsTheyAre() {
        UserMessage m = UserMessage.of("failed.because", UserMessage.of("doing.downloading", "a b.txt"),
                UserMessage.of("why.reset"));
        assertEquals("downloading a b.txt: the connection was reset (the server or a firewall dropped it)", m.toString());
        assertEquals("下载 a b.txt：连接被重置（服务器或防火墙断开了它）", m.render(ZH));
        assertEquals("the transfer ended early: 12345 of 67890 bytes arrived",
                UserMessage.of("job.endedEarly", 12345L, 67890L).toString(), "numbers without grouping");
        assertEquals("'7x9' is not an octal mode like 644 or 0755", UserMessage.of("chmod.notOctal", "7x9").toString());
        assertEquals("as it is: {0} 'x'", UserMessage.verbatim("as it is: {0} 'x'").render(ZH));
    }

    @Test
    void anExceptionSaysEnglishAsItsMessageAndTheWindowsLanguageWhenAsked() {
        FtpException e = new FtpException(UserMessage.of("session.notConnected", "example.org"));
        assertEquals("not connected to example.org (the connection was closed)", e.getMessage());
        assertEquals("未连接到 example.org（连接已关闭）", UserMessage.textOf(e, ZH));
        assertEquals("disk on fire", UserMessage.textOf(new java.io.IOException("disk on fire"), ZH));
    }

    @Test
    void theLogShowsAnEngineErrorInItsOwnLanguage() {
        ProtocolEvent.Notice notice = new ProtocolEvent.Notice(Instant.now(), ConnectionId.control("t", 1),
                Severity.ERROR, "error", List.of(UserMessage.of("failed.dataBroke",
                        UserMessage.of("doing.uploading", "x.bin"), "Broken pipe")));
        assertEquals("上传 x.bin：数据连接中断（Broken pipe）", new LogFormatter(ZH).format(notice).text());
        assertEquals("uploading x.bin: the data connection broke (Broken pipe)",
                new LogFormatter(Locale.ENGLISH).format(notice).text());
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = UserMessageTest.class.getResourceAsStream("/io/portside/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private static TreeSet<String> arguments(String pattern) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = ARG.matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
