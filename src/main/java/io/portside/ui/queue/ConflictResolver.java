package io.portside.ui.queue;

/** Decides what to do with an existing target; may block (it asks the user). */
@FunctionalInterface
public interface ConflictResolver {
    Conflict.Decision resolve(Conflict conflict);
}
