package net.bestcert.member.device;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A stable, non-reversible fingerprint of the device, sent as a request header so
 * that the API can tell a known device from a new one without the raw identifiers.
 */
public final class DeviceFingerprint {
    private DeviceFingerprint() {}

    public static String of(String androidId, String deviceModel) {
        return sha256Hex(androidId + "|" + deviceModel);
    }

    static String sha256Hex(String input) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(input.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(hash.length * 2);
            for (byte b : hash) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
