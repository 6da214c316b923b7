package com.acme.shop.repository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Security events, kept for the compliance team. */
@Repository
public class AuditTrail {
    private final JdbcTemplate jdbcTemplate;

    public AuditTrail(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    public void record(String event, String source) {
        jdbcTemplate.update("INSERT INTO audit_log (event, source, created_at) VALUES (?, ?, now())", event, source);  // reported where callers pass their data in
    }

    public int purgeOlderThan(int days) {
        return jdbcTemplate.update("DELETE FROM audit_log WHERE created_at < now() - ?", days);
    }
}
