package net.bestcert.member.ui.invoice

import android.content.Context
import android.content.SharedPreferences
import androidx.core.content.edit
import androidx.security.crypto.EncryptedSharedPreferences
import androidx.security.crypto.MasterKey

/**
 * The invoice title used last time, so that the next order's invoice is filled in.
 * An individual's taxpayer number is the ID card number.
 */
class InvoiceTitleStore(context: Context) {
    private val prefs: SharedPreferences = EncryptedSharedPreferences.create(
        context,
        "invoice_title",
        MasterKey.Builder(context).setKeyScheme(MasterKey.KeyScheme.AES256_GCM).build(),
        EncryptedSharedPreferences.PrefKeyEncryptionScheme.AES256_SIV,
        EncryptedSharedPreferences.PrefValueEncryptionScheme.AES256_GCM,
    )

    fun rememberIndividual(idNumber: String) {
        prefs.edit {
            putString(KEY_TITLE_TYPE, TYPE_INDIVIDUAL)
            putString(KEY_TAXPAYER_ID_NUMBER, idNumber)
        }
    }

    fun lastTaxpayerIdNumber(): String? = prefs.getString(KEY_TAXPAYER_ID_NUMBER, null)

    private companion object {
        const val KEY_TITLE_TYPE = "title_type"
        const val KEY_TAXPAYER_ID_NUMBER = "taxpayer_id_number"
        const val TYPE_INDIVIDUAL = "individual"
    }
}
