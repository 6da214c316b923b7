package com.acme.notes.data

import android.content.Context
import android.content.SharedPreferences
import com.acme.notes.util.AuditLog

class AccountRepository(context: Context) {
    private val prefs: SharedPreferences = context.getSharedPreferences("account", Context.MODE_PRIVATE)

    fun remember(account: Account) {
        prefs.edit().putString("account_email", account.email).apply()
        prefs.edit().putString("nickname", account.nickname).apply() // expect: stored user.account.username
    }

    fun audit(email: String) {
        AuditLog.write("signed in: " + email)
    }
}
