package com.acme.shop.service;

import com.acme.shop.integration.SegmentTracker;
import com.acme.shop.integration.SentryReporter;
import com.acme.shop.model.User;
import com.acme.shop.repository.AuditTrail;
import com.acme.shop.repository.UserRepository;
import com.acme.shop.util.LogUtil;
import com.acme.shop.util.UserKeys;
import com.acme.shop.web.dto.SignupRequest;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

@Service
public class UserService {
    private final UserRepository userRepository;
    private final PasswordEncoder passwordEncoder;
    private final SegmentTracker tracker;
    private final NotificationService notifications;

    @Autowired
    private AuditTrail auditTrail;

    @Autowired
    private SentryReporter errors;

    @Autowired
    private JavaMailSender mailSender;

    public UserService(UserRepository userRepository, PasswordEncoder passwordEncoder,
                       SegmentTracker tracker, NotificationService notifications) {
        this.userRepository = userRepository;
        this.passwordEncoder = passwordEncoder;
        this.tracker = tracker;
        this.notifications = notifications;
    }

    public Long register(SignupRequest req, String ip) {
        User user = new User();
        user.setEmail(req.getEmail());
        user.setMobile(req.getMobile());
        user.setFullName(req.getFullName());
        user.setPasswordHash(passwordEncoder.encode(req.getPassword()));
        try {
            userRepository.save(user); // expect: stored user.name
        } catch (DataIntegrityViolationException e) {
            errors.signupFailed(req.getEmail(), e);
            throw e;
        }
        auditTrail.record("signup", ip);
        trackSignup(user);
        notifications.sendText(user.getMobile(), "Welcome to Acme!");
        sendWelcomeMail(user);
        return user.getId();
    }

    public Long authenticate(String email, String password) {
        User user = userRepository.findByEmail(email).orElseThrow(IllegalArgumentException::new);
        if (!passwordEncoder.matches(password, user.getPasswordHash())) {
            LogUtil.audit("login.failed", user.getId());
            throw new IllegalArgumentException("bad credentials");
        }
        return user.getId();
    }

    private void trackSignup(User user) {
        Map<String, Object> traits = new HashMap<>();
        traits.put("email", user.getEmail());
        traits.put("plan", "free");
        this.tracker.identify(UserKeys.stableKey(user.getEmail()), traits);
        this.tracker.track(String.valueOf(user.getId()), "Signed Up");
    }

    private void sendWelcomeMail(User user) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setTo(user.getEmail());
        message.setSubject("Welcome");
        mailSender.send(message);  // reported where callers pass their data in
    }
}
