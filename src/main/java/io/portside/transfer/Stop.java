package io.portside.transfer;

/** What the user asked of a running job; the worker acts on it when the transfer has stopped. */
enum Stop {
    NONE,
    /** Keep the .part for a later resume. */
    PAUSE,
    /** Paused and resumed before the worker noticed: run again, from the .part. */
    RESTART,
    /** Delete the .part. */
    CANCEL,
    /** Cancel, and the job has left the queue already. */
    REMOVE
}
