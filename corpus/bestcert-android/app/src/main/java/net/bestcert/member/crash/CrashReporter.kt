package net.bestcert.member.crash

import android.content.Context
import com.tencent.bugly.crashreport.CrashReport

/** Ties Bugly crash reports to the signed-in member. */
object CrashReporter {
    fun identify(context: Context, memberId: Long, phone: String) {
        CrashReport.setUserId(phone)
        CrashReport.putUserData(context, "memberId", memberId.toString())
    }

    fun forget() {
        CrashReport.setUserId("anonymous")
    }
}
