package net.bestcert.member.ui.invoice

import android.app.Application
import androidx.lifecycle.AndroidViewModel

class InvoiceViewModel(application: Application) : AndroidViewModel(application) {
    private val titles = InvoiceTitleStore(application)

    fun lastTaxpayerIdNumber(): String? = titles.lastTaxpayerIdNumber()

    /** The next invoice made out to the member as an individual is filled in with it. */
    fun keepIndividualTitle(idNumber: String) {
        titles.rememberIndividual(idNumber)
    }
}
