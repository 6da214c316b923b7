package com.acme.notes.util;

import android.util.Log;

public final class AuditLog {
    private AuditLog() {}

    public static void write(String line) {
        Log.i("audit", line);
    }
}
