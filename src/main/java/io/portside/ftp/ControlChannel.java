package io.portside.ftp;

import java.io.IOException;
import java.net.InetAddress;

/** What opening a data connection needs from the control connection. */
interface ControlChannel {
    /** Sends a command and returns the reply code (the reply is logged by the client). */
    int send(String command, String argument) throws IOException;

    /** The first line of the last reply. */
    String replyLine();

    /** All lines of the last reply. */
    String[] replyLines();

    /** The server's address of the control connection. */
    InetAddress peer();

    /** Our own address of the control connection. */
    InetAddress local();

    /** After an abandoned transfer: sends ABOR and reads what the server still has to say. */
    void resynchronize();
}
