package net.bestcert.console;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/account")
public class AccountController {

    private static final Logger log = LoggerFactory.getLogger(AccountController.class);
    private static final Pattern PHONE_PATTERN = Pattern.compile("^1[3-9]\\d{9}$");
    private static final String SMS_SIGN_NAME = "BestCert";
    private static final String SMS_TEMPLATE_REGISTER = "SMS_186950012";
    private static final String PHONE_COOKIE = "BC_LOGIN_PHONE";

    public record RegisterRequest(String phone, String smsCode, String memberName, String password) {}

    private final UserRepository userRepository;
    private final PasswordEncoder passwordEncoder;
    private final JdbcTemplate jdbcTemplate;
    private final Client smsClient;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> pendingCodes = new ConcurrentHashMap<>();

    public AccountController(UserRepository userRepository, PasswordEncoder passwordEncoder,
                             JdbcTemplate jdbcTemplate, Client smsClient) {
        this.userRepository = userRepository;
        this.passwordEncoder = passwordEncoder;
        this.jdbcTemplate = jdbcTemplate;
        this.smsClient = smsClient;
    }

    /**
     * Sends a six-digit verification code to a mobile phone number in the
     * People's Republic of China. The code is valid until it is used once.
     */
    @PostMapping("/sms-code")
    public ResponseEntity<?> sendSmsCode(@RequestParam String phone, HttpServletRequest request) throws Exception {
        if (!PHONE_PATTERN.matcher(phone).matches()) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid phone number"));
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        pendingCodes.put(phone, code);
        SendSmsRequest sms = new SendSmsRequest()
                .setPhoneNumbers(phone)
                .setSignName(SMS_SIGN_NAME)
                .setTemplateCode(SMS_TEMPLATE_REGISTER)
                .setTemplateParam("{\"code\":\"" + code + "\"}");
        smsClient.sendSms(sms);
        log.info("sms sent to {}", maskPhone(phone));
        log.info("sms code requested from {}", request.getRemoteAddr());
        return ResponseEntity.ok(Map.of("sent", true));
    }

    @PostMapping("/register")
    public ResponseEntity<?> register(@RequestBody RegisterRequest body) {
        String expected = pendingCodes.remove(body.phone());
        if (expected == null || !expected.equals(body.smsCode())) {
            return ResponseEntity.badRequest().body(Map.of("error", "wrong verification code"));
        }
        if (userRepository.existsByPhone(body.phone())) {
            return ResponseEntity.status(409).body(Map.of("error", "this phone number is already registered"));
        }
        User user = new User();
        user.setPhone(body.phone());
        user.setMemberName(body.memberName());
        user.setPasswordHash(passwordEncoder.encode(body.password()));
        userRepository.save(user);
        log.info("member {} registered", user.getId());
        return ResponseEntity.ok(Map.of("id", user.getId()));
    }

    @PostMapping("/login")
    public ResponseEntity<?> login(@RequestParam String phone, @RequestParam String password,
                                   HttpServletRequest request, HttpServletResponse response) {
        User user = userRepository.findByPhone(phone).orElse(null);
        if (user == null || !passwordEncoder.matches(password, user.getPasswordHash())) {
            log.warn("login failed for {}", maskPhone(phone));
            return ResponseEntity.status(401).body(Map.of("error", "wrong phone number or password"));
        }

        String ip = request.getRemoteAddr();
        String latitude = request.getParameter("lat");
        String longitude = request.getParameter("lng");
        jdbcTemplate.update(
                "INSERT INTO login_log (member_id, ip, latitude, longitude, user_agent) VALUES (?, ?, ?, ?, ?)",
                user.getId(), ip, latitude, longitude, request.getHeader("User-Agent"));

        Cookie remember = new Cookie(PHONE_COOKIE, phone);
        remember.setMaxAge((int) Duration.ofDays(30).toSeconds());
        remember.setHttpOnly(true);
        remember.setSecure(true);
        response.addCookie(remember);
        log.info("member {} logged in", user.getId());
        return ResponseEntity.ok(Map.of("id", user.getId()));
    }

    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "***";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
