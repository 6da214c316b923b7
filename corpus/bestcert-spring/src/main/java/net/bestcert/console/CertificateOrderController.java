package net.bestcert.console;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

/**
 * Certificate orders. BestCert places each order with the issuing CA, which
 * validates the applicant before it issues the certificate.
 */
@RestController
@RequestMapping("/api/orders")
public class CertificateOrderController {

    private static final Logger log = LoggerFactory.getLogger(CertificateOrderController.class);
    private static final String CA_ORDER_URL = "https://api.partnerca.cn/v1/orders";

    public record OrderRequest(String productSku, String commonName, String contactName,
                               String contactEmail, String contactPhone, boolean issuerShareConsent) {}

    private final RestTemplate restTemplate = new RestTemplate();

    /** OV and EV certificates: the CA calls the applicant to validate the organization. */
    @PostMapping("/organization-validated")
    public ResponseEntity<?> orderOrganizationValidated(@RequestBody OrderRequest body,
                                                        @RequestHeader("X-Member-Id") long memberId) {
        if (!body.issuerShareConsent()) {
            return ResponseEntity.badRequest()
                    .body(Map.of("error", "please agree that the issuing CA receives the applicant's details"));
        }
        Map<String, Object> order = Map.of(
                "product", body.productSku(),
                "commonName", body.commonName(),
                "applicantName", body.contactName(),
                "applicantEmail", body.contactEmail(),
                "applicantPhone", body.contactPhone());
        Map<?, ?> placed = restTemplate.postForObject(CA_ORDER_URL, order, Map.class);
        log.info("OV order {} placed for member {}", placed.get("orderId"), memberId);
        return ResponseEntity.ok(Map.of("orderId", placed.get("orderId")));
    }

    /** DV certificates: the CA mails the approver of the domain. */
    @PostMapping("/domain-validated")
    public ResponseEntity<?> orderDomainValidated(@RequestBody OrderRequest body,
                                                  @RequestHeader("X-Member-Id") long memberId) {
        Map<String, Object> order = Map.of(
                "product", body.productSku(),
                "commonName", body.commonName(),
                "applicantEmail", body.contactEmail(),
                "applicantPhone", body.contactPhone());
        Map<?, ?> placed = restTemplate.postForObject(CA_ORDER_URL, order, Map.class);
        log.info("DV order {} placed for member {}", placed.get("orderId"), memberId);
        return ResponseEntity.ok(Map.of("orderId", placed.get("orderId")));
    }
}
