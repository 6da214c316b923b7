package cn.example.kyc.util;

/** Display forms that keep only what support staff needs (脱敏). */
public final class DesensitizeUtil {
    private DesensitizeUtil() {
    }

    public static String idCard(String idCard) {
        if (idCard == null || idCard.length() < 8) {
            return "****";
        }
        return idCard.substring(0, 4) + "**********" + idCard.substring(idCard.length() - 4);
    }
}
