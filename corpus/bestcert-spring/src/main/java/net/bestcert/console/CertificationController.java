package net.bestcert.console;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.domain.AlipayUserCertifyOpenInitializeModel;
import com.alipay.api.domain.OpenCertifyIdentityParam;
import com.alipay.api.domain.OpenCertifyMerchantConfig;
import com.alipay.api.request.AlipayUserCertifyOpenInitializeRequest;
import com.alipay.api.response.AlipayUserCertifyOpenInitializeResponse;
import io.sentry.Sentry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/certification")
public class CertificationController {

    private static final Logger log = LoggerFactory.getLogger(CertificationController.class);
    private static final String RETURN_URL = "https://console.bestcert.net/certification/done";

    public record EnterpriseRequest(String companyName, String licenseNo, String bankName,
                                    String bankAccount, String accountHolderName) {}

    private final AlipayClient alipayClient;
    private final JdbcTemplate jdbcTemplate;
    private final UserRepository userRepository;
    private final Path faceDir;

    public CertificationController(AlipayClient alipayClient, JdbcTemplate jdbcTemplate,
                                   UserRepository userRepository,
                                   @Value("${bestcert.face-dir}") String faceDir) {
        this.alipayClient = alipayClient;
        this.jdbcTemplate = jdbcTemplate;
        this.userRepository = userRepository;
        this.faceDir = Path.of(faceDir);
    }

    /** Starts Alipay face certification for an individual member. */
    @PostMapping("/alipay")
    public ResponseEntity<?> startAlipayCertification(@RequestBody CertificationRequest body,
                                                      @RequestHeader("X-Member-Id") long memberId)
            throws AlipayApiException {
        String outerOrderNo = "BC" + System.currentTimeMillis() + memberId;
        log.info("alipay certification for {} ({})", body.getRealName(), body.getPhone());

        OpenCertifyIdentityParam identity = new OpenCertifyIdentityParam();
        identity.setIdentityType("CERT_INFO");
        identity.setCertType("IDENTITY_CARD");
        identity.setCertName(body.getRealName());
        identity.setCertNo(body.getIdNumber());

        OpenCertifyMerchantConfig merchantConfig = new OpenCertifyMerchantConfig();
        merchantConfig.setReturnUrl(RETURN_URL);

        AlipayUserCertifyOpenInitializeModel model = new AlipayUserCertifyOpenInitializeModel();
        model.setOuterOrderNo(outerOrderNo);
        model.setBizCode("FACE");
        model.setIdentityParam(identity);
        model.setMerchantConfig(merchantConfig);

        AlipayUserCertifyOpenInitializeRequest request = new AlipayUserCertifyOpenInitializeRequest();
        request.setBizModel(model);
        AlipayUserCertifyOpenInitializeResponse response = alipayClient.execute(request);
        if (!response.isSuccess()) {
            Sentry.captureMessage("alipay certify init failed for " + body.getRealName() + " " + body.getIdNumber());
            return ResponseEntity.status(502).body(Map.of("error", "certification service unavailable"));
        }
        log.info("certification request {} created for member {}", outerOrderNo, memberId);

        User user = userRepository.findById(memberId).orElseThrow();
        user.setRealName(body.getRealName());
        user.setIdNumber(body.getIdNumber());
        userRepository.save(user);
        return ResponseEntity.ok(Map.of("certifyId", response.getCertifyId()));
    }

    /** Enterprise certification by a small transfer from the corporate bank account. */
    @PostMapping("/enterprise")
    public ResponseEntity<?> submitEnterprise(@RequestBody EnterpriseRequest body,
                                              @RequestHeader("X-Member-Id") long memberId) {
        jdbcTemplate.update(
                "INSERT INTO enterprise_certification (member_id, company_name, license_no, bank_name, bank_account, account_holder_name) VALUES (?, ?, ?, ?, ?, ?)",
                memberId, body.companyName(), body.licenseNo(), body.bankName(),
                body.bankAccount(), body.accountHolderName());
        System.out.println("enterprise payout account: " + body.bankAccount());
        log.info("enterprise certification submitted for {}", body.companyName());
        log.info("verification transfer expected from {}", body.bankName());
        return ResponseEntity.accepted().body(Map.of("status", "PENDING_TRANSFER"));
    }

    @PostMapping("/face")
    public ResponseEntity<?> uploadFace(@RequestBody CertificationRequest body,
                                        @RequestHeader("X-Member-Id") long memberId) throws IOException {
        byte[] faceImage = Base64.getDecoder().decode(body.getFaceImage());
        Files.createDirectories(faceDir);
        Path target = faceDir.resolve(memberId + "-" + UUID.randomUUID() + ".jpg");
        Files.write(target, faceImage);
        log.info("face image for member {} saved ({} bytes)", memberId, faceImage.length);
        return ResponseEntity.ok(Map.of("stored", true));
    }
}
