package net.bestcert.member.analytics

import android.content.Context
import com.umeng.analytics.MobclickAgent

/** Usage statistics through Umeng U-App. */
object Analytics {
    fun signedIn(context: Context, phone: String) {
        MobclickAgent.onProfileSignIn(phone)
        MobclickAgent.onEvent(context, "login_success", mapOf("channel" to "sms"))
    }

    fun certificationSubmitted(context: Context, attempts: Int) {
        MobclickAgent.onEvent(context, "certification_submitted", mapOf("attempts" to attempts.toString()))
    }

    fun signedOut() {
        MobclickAgent.onProfileSignOff()
    }
}
