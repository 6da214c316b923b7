package net.bestcert.member.ui.register

import android.app.Application
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.MutableLiveData
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.launch
import net.bestcert.member.BestCertApp
import net.bestcert.member.data.api.ApiException
import timber.log.Timber

class RegisterViewModel(application: Application) : AndroidViewModel(application) {
    private val repository = (application as BestCertApp).container.memberRepository

    val registered = MutableLiveData<Boolean>()

    fun register(memberName: String, mobile: String, password: String, smsCode: String) {
        viewModelScope.launch {
            try {
                val member = repository.register(memberName, mobile, password, smsCode)
                Timber.i("registered member %d (%s)", member.memberId, member.memberType)
                registered.value = true
            } catch (e: ApiException) {
                Timber.w("registration refused: %d %s", e.code, e.message)
                registered.value = false
            }
        }
    }
}
