package net.bestcert.member.ui.profile

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.MutableLiveData
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.launch
import net.bestcert.member.BestCertApp
import timber.log.Timber

class ContactViewModel(application: Application) : AndroidViewModel(application) {
    private val repository = (application as BestCertApp).container.memberRepository

    val saved = MutableLiveData(false)

    fun save(email: String, contactPhone: String, jobTitle: String) {
        viewModelScope.launch {
            repository.updateContact(email, contactPhone, jobTitle)
            Timber.i("console contact of the account updated")
            saved.value = true
        }
    }
}
