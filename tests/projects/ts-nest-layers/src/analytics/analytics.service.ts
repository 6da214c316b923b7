// Product analytics behind one class, so the vendor can be swapped.
import { Injectable } from '@nestjs/common';
import { Analytics } from '@segment/analytics-node';

@Injectable()
export class AnalyticsService {
  private readonly client = new Analytics({ writeKey: process.env.SEGMENT_WRITE_KEY ?? '' });

  identifyUser(userId: string, traits: Record<string, string>) {
    this.client.identify({ userId, traits });  // reported where callers pass their data in
  }

  trackEvent(userId: string, event: string) {
    this.client.track({ userId, event });
  }
}
