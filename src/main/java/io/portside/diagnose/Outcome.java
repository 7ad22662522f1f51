package io.portside.diagnose;

/** How one step of a diagnosis ended. */
public enum Outcome {
    OK, FAILED, NOT_TESTED
}
