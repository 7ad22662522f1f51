package io.portside.ftp.capture;

/** Whether to capture the packets of our own connections. */
public enum CaptureMode {
    /** Never: the log shows the sockets' view only. */
    OFF,
    /** Always; a session does not start when capture is impossible (the message says why and how to allow it). */
    ON,
    /** When the machine allows it; otherwise one line in the log says why not, and sessions go on without. */
    AUTO
}
