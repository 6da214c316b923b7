package net.bestcert.member.ui.certification

import android.app.Application
import android.graphics.Bitmap
import androidx.lifecycle.AndroidViewModel
import androidx.lifecycle.MutableLiveData
import androidx.lifecycle.viewModelScope
import kotlinx.coroutines.launch
import net.bestcert.member.BestCertApp
import net.bestcert.member.analytics.Analytics
import net.bestcert.member.data.api.ApiException
import net.bestcert.member.util.IdCards
import net.bestcert.member.util.Masking
import timber.log.Timber

class CertificationViewModel(application: Application) : AndroidViewModel(application) {
    private val repository = (application as BestCertApp).container.certificationRepository
    private var attempts = 0

    val status = MutableLiveData<String>()

    fun draftName(): String? = repository.draftName()

    fun keepDraft(realName: String, idNumber: String) {
        repository.saveDraft(realName, idNumber)
    }

    fun submit(realName: String, idNumber: String, faceImage: Bitmap) {
        attempts += 1
        val birthDate = IdCards.birthDateOf(idNumber)
        viewModelScope.launch {
            try {
                val result = repository.submit(realName, idNumber, birthDate, faceImage)
                status.value = result.status
                Analytics.certificationSubmitted(getApplication(), attempts)
            } catch (e: ApiException) {
                Timber.w("certification refused for ID %s: %d", Masking.maskIdNumber(idNumber), e.code)
                status.value = e.message
            }
        }
    }
}
