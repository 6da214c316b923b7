package com.acme.shop.service;

import com.acme.shop.integration.SmsClient;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

@Service
public class NotificationService {
    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);

    private final SmsClient smsClient;

    public NotificationService(SmsClient smsClient) {
        this.smsClient = smsClient;
    }

    /** A text to one user. */
    public void sendText(String phone, String text) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("To", phone);
        payload.put("Body", text);
        smsClient.send(payload);
    }

    /** A text to the operations channel. */
    public void sendText(String text) {
        log.info("ops broadcast: {}", text);
    }
}
