package net.bestcert.member.push

import android.content.Context
import cn.jpush.android.api.JPushInterface

/**
 * Binds the device to the member in JPush, so that service notices reach it
 * (privacy statement 2.3.1); the mobile number lets JPush fall back to SMS.
 */
class PushRegistrar(private val context: Context) {
    fun bind(memberId: Long, phone: String) {
        JPushInterface.setAlias(context, SEQ_ALIAS, "member_$memberId")
        JPushInterface.setTags(context, SEQ_TAGS, setOf("android", "member"))
        JPushInterface.setMobileNumber(context, SEQ_MOBILE, phone)
    }

    fun unbind() {
        JPushInterface.deleteAlias(context, SEQ_ALIAS)
    }

    private companion object {
        const val SEQ_ALIAS = 1
        const val SEQ_TAGS = 2
        const val SEQ_MOBILE = 3
    }
}
