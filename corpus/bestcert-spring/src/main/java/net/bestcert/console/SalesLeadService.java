package net.bestcert.console;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Leads the sales team calls back with offers. */
@Service
public class SalesLeadService {

    private final JdbcTemplate jdbcTemplate;

    public SalesLeadService(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A pre-sales consultation becomes a lead, with what the member asked about. */
    public void fromConsultation(long memberId, String consultationRecord) {
        jdbcTemplate.update(
                "INSERT INTO sales_lead (member_id, source, notes, created_at) VALUES (?, 'consultation', ?, NOW())",
                memberId, consultationRecord);
    }
}
