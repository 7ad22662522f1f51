package io.portside.ui.connection;

/**
 * The browse connection, as the bar and the status bar show it. LOST: the server closed it (or
 * it broke) while the user still wants it; the next action reconnects to the same site and folder.
 */
public enum ConnectionState { DISCONNECTED, CONNECTING, CONNECTED, LOST }
