package io.portside.diagnose.diagram;

/** One side of the diagram, labelled with the real address seen on the control connection. */
public record Lane(Side side, String address) {
}
