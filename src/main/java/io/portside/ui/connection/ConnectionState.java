package io.portside.ui.connection;

/** The browse connection, as the bar and the status bar show it. */
public enum ConnectionState { DISCONNECTED, CONNECTING, CONNECTED }
