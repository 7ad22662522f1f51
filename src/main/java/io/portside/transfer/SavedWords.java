package io.portside.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.portside.ftp.UserMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A job's message as {@code queue.json} keeps it: its key and arguments rather than the English
 * sentence, so a queue saved by the English window reads in Chinese in the Chinese one after a
 * restart. An argument is either text ({@code text}) or a message of its own.
 *
 * @param key  the message's key, or null for text (a verbatim message, or a plain argument)
 * @param args the arguments of a keyed message (null for text)
 * @param text the text, when {@code key} is null
 */
@JsonInclude(JsonInclude.Include.NON_NULL) // {"text": "..."} or {"key": "...", "args": [...]}
record SavedWords(String key, List<SavedWords> args, String text) {

    static SavedWords of(UserMessage m) {
        if (m.key() == null) {
            return new SavedWords(null, null, String.valueOf(m.args().get(0)));
        }
        List<SavedWords> args = new ArrayList<>(m.args().size());
        for (Object a : m.args()) {
            args.add(a instanceof UserMessage u ? of(u) : new SavedWords(null, null, String.valueOf(a)));
        }
        return new SavedWords(m.key(), args, null);
    }

    UserMessage toMessage() {
        if (key == null) {
            return UserMessage.verbatim(text);
        }
        Object[] shown = new Object[args == null ? 0 : args.size()];
        for (int i = 0; i < shown.length; i++) {
            SavedWords a = args.get(i);
            shown[i] = a == null ? "" : a.key() == null ? String.valueOf(a.text()) : a.toMessage();
        }
        return UserMessage.of(key, shown);
    }
}
