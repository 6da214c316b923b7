package com.acme.shop.integration;

import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestTemplate;

/** Twilio's Messages API over plain HTTP. */
@Component
public class SmsClient {
    private static final String MESSAGES_URL = "https://api.twilio.com/2010-04-01/Accounts/AC0001/Messages.json";

    private final RestTemplate restTemplate = new RestTemplate();

    public void send(Map<String, Object> payload) {
        restTemplate.postForObject(MESSAGES_URL, payload, String.class);  // reported where callers pass their data in
    }
}
