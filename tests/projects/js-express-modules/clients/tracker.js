import Mixpanel from 'mixpanel';

const mixpanel = Mixpanel.init(process.env.MIXPANEL_TOKEN);

export default {
  signup(profile) {
    mixpanel.people.set(profile.id, { $email: profile.email, plan: profile.plan });  // expect: shared user.contact.email -> mixpanel
  },
  visits(userId, count) {
    mixpanel.track('visit', { userId, count });
  },
};
