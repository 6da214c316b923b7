package com.acme.shop.util;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per business event, parsed by the log pipeline. */
public final class LogUtil {
    private static final Logger log = LoggerFactory.getLogger("audit");

    private LogUtil() {
    }

    public static void audit(String event, Object data) {
        log.info("[audit] {} {}", event, data);  // reported where callers pass their data in
    }

    public static void audit(String event) {
        log.info("[audit] {}", event);
    }
}
