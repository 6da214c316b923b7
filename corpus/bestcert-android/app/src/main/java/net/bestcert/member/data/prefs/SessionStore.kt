package net.bestcert.member.data.prefs

import android.content.Context
import android.content.SharedPreferences
import androidx.core.content.edit
import androidx.security.crypto.EncryptedSharedPreferences
import androidx.security.crypto.MasterKey

/**
 * What the app remembers between launches. The session token and the verified
 * identity are kept in EncryptedSharedPreferences (AES-256, key in the Android
 * Keystore); the rest in plain preferences.
 */
class SessionStore(context: Context) {
    private val prefs: SharedPreferences =
        context.getSharedPreferences("session", Context.MODE_PRIVATE)

    private val securePrefs: SharedPreferences = EncryptedSharedPreferences.create(
        context,
        "secure_session",
        MasterKey.Builder(context).setKeyScheme(MasterKey.KeyScheme.AES256_GCM).build(),
        EncryptedSharedPreferences.PrefKeyEncryptionScheme.AES256_SIV,
        EncryptedSharedPreferences.PrefValueEncryptionScheme.AES256_GCM,
    )

    /** Pre-fills the login form with the number used last time. */
    fun rememberLogin(memberId: Long, phone: String) {
        prefs.edit()
            .putLong(KEY_MEMBER_ID, memberId)
            .putString(KEY_LAST_PHONE, phone)
            .apply()
    }

    fun lastPhone(): String? = prefs.getString(KEY_LAST_PHONE, null)

    fun saveToken(token: String) {
        securePrefs.edit().putString(KEY_TOKEN, token).apply()
    }

    fun token(): String? = securePrefs.getString(KEY_TOKEN, null)

    fun saveVerifiedIdentity(realName: String, idNumber: String) {
        securePrefs.edit {
            putString(KEY_REAL_NAME, realName) // candor: purpose=essential.legal_obligation
            putString(KEY_ID_NUMBER, idNumber)
            putBoolean(KEY_CERTIFIED, true)
        }
    }

    fun clear() {
        prefs.edit().clear().apply()
        securePrefs.edit().clear().apply()
    }

    private companion object {
        const val KEY_MEMBER_ID = "member_id"
        const val KEY_LAST_PHONE = "last_login_phone"
        const val KEY_TOKEN = "session_token"
        const val KEY_REAL_NAME = "verified_real_name"
        const val KEY_ID_NUMBER = "verified_id_number"
        const val KEY_CERTIFIED = "certified"
    }
}
