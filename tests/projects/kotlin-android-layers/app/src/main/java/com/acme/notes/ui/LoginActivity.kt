package com.acme.notes.ui

import android.os.Bundle
import com.acme.notes.analytics.Tracker
import com.acme.notes.data.AccountRepository
import com.acme.notes.data.Account

class LoginActivity : AppCompatActivity() {
    private lateinit var repository: AccountRepository
    private lateinit var tracker: Tracker

    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        repository = AccountRepository(this)
        tracker = Tracker(this)
    }

    fun onSignIn(email: String, phone: String) {
        val account = Account(email = email, phone = phone, nickname = "reader")
        repository.remember(account) // expect: stored user.contact.email
        tracker.signedIn(phone) // expect: shared user.contact.phone_number -> umeng-analytics
        repository.audit(email) // expect: logged user.contact.email
    }
}
