package net.bestcert.member.ui.login

import android.app.Application
import android.util.Log
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.MutableLiveData
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.launch
import net.bestcert.member.BestCertApp
import net.bestcert.member.analytics.Analytics
import net.bestcert.member.crash.CrashReporter
import net.bestcert.member.data.api.ApiException
import net.bestcert.member.device.GeoPoint
import java.io.IOException

sealed interface LoginState {
    data object Idle : LoginState
    data object CodeSent : LoginState
    data object SignedIn : LoginState
    data object Failed : LoginState
}

class LoginViewModel(application: Application) : AndroidViewModel(application) {
    private val container = (application as BestCertApp).container
    private val repository = container.memberRepository

    val state = MutableLiveData<LoginState>(LoginState.Idle)

    fun lastPhone(): String? = container.sessionStore.lastPhone()

    fun requestCode(phone: String) {
        viewModelScope.launch {
            try {
                repository.requestSmsCode(phone)
                state.value = LoginState.CodeSent
            } catch (e: IOException) {
                state.value = LoginState.Failed
            }
        }
    }

    fun login(phone: String, password: String, where: GeoPoint?) {
        viewModelScope.launch {
            try {
                val session = repository.login(phone, password, where)
                Log.d(TAG, "login ok phone=$phone member=${session.memberId}")
                Analytics.signedIn(getApplication(), phone)
                CrashReporter.identify(getApplication(), session.memberId, phone)
                container.pushRegistrar.bind(session.memberId, phone)
                state.value = LoginState.SignedIn
            } catch (e: ApiException) {
                Log.w(TAG, "login rejected: code ${e.code}")
                state.value = LoginState.Failed
            } catch (e: IOException) {
                Log.e(TAG, "phone login failed, network unreachable", e)
                state.value = LoginState.Failed
            }
        }
    }

    private companion object {
        const val TAG = "LoginViewModel"
    }
}
