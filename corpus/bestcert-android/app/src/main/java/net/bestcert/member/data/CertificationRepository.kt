package net.bestcert.member.data

import android.content.Context
import android.graphics.Bitmap
import net.bestcert.member.data.api.CertificationDto
import net.bestcert.member.data.api.MemberApi
import net.bestcert.member.data.prefs.SessionStore
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.MultipartBody
import okhttp3.RequestBody.Companion.toRequestBody
import timber.log.Timber
import java.io.ByteArrayOutputStream

/**
 * Real-name authentication by face recognition (privacy statement 2.2.1): the real
 * name, the ID card number and a photo of the face go to the member API.
 */
class CertificationRepository(
    context: Context,
    private val api: MemberApi,
    private val session: SessionStore,
) {
    // The half-filled form survives the camera screen and process death.
    private val draftPrefs = context.getSharedPreferences("certification_draft", Context.MODE_PRIVATE)

    fun saveDraft(realName: String, idNumber: String) {
        draftPrefs.edit()
            .putString("real_name", realName)
            .putString("id_number", idNumber)
            .apply()
    }

    fun draftName(): String? = draftPrefs.getString("real_name", null)

    suspend fun submit(realName: String, idNumber: String, birthDate: String, face: Bitmap): CertificationDto {
        Timber.i("submitting real-name certification, ID number %s", idNumber)
        val jpeg = ByteArrayOutputStream().use { out ->
            face.compress(Bitmap.CompressFormat.JPEG, 90, out)
            out.toByteArray()
        }
        val facePart = MultipartBody.Part.createFormData("face", "face.jpg", jpeg.toRequestBody(JPEG))
        val result = api.certifyFace(
            realName.toRequestBody(TEXT),
            idNumber.toRequestBody(TEXT),
            birthDate.toRequestBody(TEXT),
            facePart,
        ).requireData()
        Timber.i("certification %s, face image of %d bytes", result.status, jpeg.size)
        session.saveVerifiedIdentity(realName, idNumber)
        draftPrefs.edit().clear().apply()
        return result
    }

    private companion object {
        val TEXT = "text/plain".toMediaType()
        val JPEG = "image/jpeg".toMediaType()
    }
}
