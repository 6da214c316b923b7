package com.acme.shop.util;

import javax.servlet.http.HttpServletRequest;

public final class RequestUtil {
    private RequestUtil() {
    }

    /** The caller's address, behind the load balancer. */
    public static String getClientIp(HttpServletRequest request) {
        String ip = request.getHeader("X-Forwarded-For"); // expect: collected user.device.ip_address
        if (ip == null || ip.isEmpty()) {
            ip = request.getRemoteAddr(); // expect: collected user.device.ip_address
        }
        return ip.split(",")[0].trim();
    }

    /** Where a request comes from, as the audit log shows it. */
    public static String origin(HttpServletRequest request) {
        return "ip=" + getClientIp(request);
    }

    public static String requestId(HttpServletRequest request) {
        return request.getHeader("X-Request-Id");
    }
}
