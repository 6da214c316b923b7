package com.acme.notes.analytics;

import android.content.Context;
import com.umeng.analytics.MobclickAgent;
import com.acme.notes.util.Logs;

public class Tracker {
    private final Context context;

    public Tracker(Context context) {
        this.context = context;
    }

    public void signedIn(String mobile) {
        MobclickAgent.onProfileSignIn(mobile); // expect: shared user.contact.phone_number -> umeng-analytics
        Logs.INSTANCE.debug("tracked " + mobile); // missed: logged user.contact.phone_number -- Java reaches a Kotlin object through INSTANCE, which the join does not resolve to the object
    }
}
