package io.portside.diagnose;

/** How one step of a diagnosis ended. */
public enum AttemptOutcome {
    OK, FAILED, NOT_TESTED
}
