package com.acme.shop.util;

import org.apache.commons.codec.digest.DigestUtils;

/** Stable keys for systems that must not see who the user is. */
public final class UserKeys {
    private UserKeys() {
    }

    public static String stableKey(String email) {
        return DigestUtils.sha256Hex(email.trim().toLowerCase());
    }
}
