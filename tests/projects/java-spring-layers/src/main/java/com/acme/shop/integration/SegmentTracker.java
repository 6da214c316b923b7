package com.acme.shop.integration;

import com.segment.analytics.Analytics;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.TrackMessage;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Product analytics; the SDK stays behind this class. */
@Component
public class SegmentTracker {
    private final Analytics analytics;

    public SegmentTracker(Analytics analytics) {
        this.analytics = analytics;
    }

    public void identify(String userId, Map<String, Object> traits) {
        analytics.enqueue(IdentifyMessage.builder().userId(userId).traits(traits));  // reported where callers pass their data in
    }

    public void track(String userId, String event) {
        analytics.enqueue(TrackMessage.builder(event).userId(userId));
    }
}
