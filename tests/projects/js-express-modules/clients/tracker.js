import Mixpanel from 'mixpanel';

const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN);

export default {
  signup(profile) {
    mixpanel.people.set(profile.id, { $email: profile.email, plan: profile.plan });  // reported where callers pass their data in
  },
  visits(userId, count) {
    mixpanel.track('visit', { userId, count });
  },
};
