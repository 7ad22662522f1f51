package io.portside.ftp;

/**
 * A failure that carries its sentence as a {@link UserMessage}, so each reader shows it in its
 * own language ({@link UserMessage#of(Throwable)}); its {@code getMessage()} is the English.
 */
public interface Worded {
    UserMessage words();
}
