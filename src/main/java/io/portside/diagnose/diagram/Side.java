package io.portside.diagnose.diagram;

/** The two lanes of the diagram. */
public enum Side {
    CLIENT, SERVER;

    public Side other() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
