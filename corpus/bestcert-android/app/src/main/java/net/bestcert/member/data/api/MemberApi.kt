package net.bestcert.member.data.api

import okhttp3.MultipartBody
import okhttp3.RequestBody
import retrofit2.http.Body
import retrofit2.http.Multipart
import retrofit2.http.POST
import retrofit2.http.PUT
import retrofit2.http.Part

/** The member API of api.bestcert.net (Retrofit). */
interface MemberApi {
    @POST("sms/code")
    suspend fun sendSmsCode(@Body body: SmsCodeBody): ApiResult<Unit>

    @POST("members")
    suspend fun register(@Body body: RegisterBody): ApiResult<MemberDto>

    @POST("sessions")
    suspend fun login(@Body body: LoginBody): ApiResult<SessionDto>

    @PUT("members/me/contact")
    suspend fun updateContact(@Body body: ContactBody): ApiResult<Unit>

    @Multipart
    @POST("certification/face")
    suspend fun certifyFace(
        @Part("realName") realName: RequestBody,
        @Part("idNumber") idNumber: RequestBody,
        @Part("birthDate") birthDate: RequestBody,
        @Part face: MultipartBody.Part,
    ): ApiResult<CertificationDto>
}
