package io.portside.diagnose;

import io.portside.ftp.DataMode;
import io.portside.ftp.ExtendedMode;

/**
 * The four ways to open a data connection, each pinned down so that the doctor tests exactly
 * one of them: ALWAYS/NEVER rather than AUTO, so that EPSV is not quietly replaced by PASV.
 */
public enum DataMethod {
    PASV(DataMode.PASSIVE, ExtendedMode.NEVER),
    EPSV(DataMode.PASSIVE, ExtendedMode.ALWAYS),
    PORT(DataMode.ACTIVE, ExtendedMode.NEVER),
    EPRT(DataMode.ACTIVE, ExtendedMode.ALWAYS);

    private final DataMode mode;
    private final ExtendedMode extended;

    DataMethod(DataMode mode, ExtendedMode extended) {
        this.mode = mode;
        this.extended = extended;
    }

    public DataMode mode() {
        return mode;
    }

    public ExtendedMode extended() {
        return extended;
    }

    public boolean passive() {
        return mode == DataMode.PASSIVE;
    }

    public boolean isExtended() {
        return extended == ExtendedMode.ALWAYS;
    }
}
