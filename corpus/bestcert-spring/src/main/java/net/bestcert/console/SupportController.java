package net.bestcert.console;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Online consultations with the customer service desk. */
@RestController
@RequestMapping("/api/support")
public class SupportController {

    public record ConsultationRequest(String topic, String consultationRecord) {}

    private final JdbcTemplate jdbcTemplate;
    private final SalesLeadService salesLeads;

    public SupportController(JdbcTemplate jdbcTemplate, SalesLeadService salesLeads) {
        this.jdbcTemplate = jdbcTemplate;
        this.salesLeads = salesLeads;
    }

    /** The service desk posts the record of a consultation when it is closed. */
    @PostMapping("/consultations")
    public ResponseEntity<?> closeConsultation(@RequestBody ConsultationRequest body,
                                               @RequestHeader("X-Member-Id") long memberId) {
        jdbcTemplate.update(
                "INSERT INTO support_consultation (member_id, topic, consultation_record, closed_at) VALUES (?, ?, ?, NOW())",
                memberId, body.topic(), body.consultationRecord());
        if ("PRE_SALES".equals(body.topic())) {
            salesLeads.fromConsultation(memberId, body.consultationRecord());
        }
        return ResponseEntity.ok(Map.of("closed", true));
    }
}
