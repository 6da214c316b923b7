package net.bestcert.member.data.api

import net.bestcert.member.BuildConfig
import net.bestcert.member.data.prefs.SessionStore
import net.bestcert.member.device.DeviceFingerprint
import net.bestcert.member.device.DeviceInfoCollector
import okhttp3.OkHttpClient
import okhttp3.logging.HttpLoggingInterceptor
import retrofit2.Retrofit
import retrofit2.converter.gson.GsonConverterFactory

/** Builds the Retrofit service of the member API. */
object ApiClient {
    private const val BASE_URL = "https://api.bestcert.net/app/v2/"

    fun create(device: DeviceInfoCollector, session: SessionStore): MemberApi {
        val okHttp = OkHttpClient.Builder()
            .addInterceptor { chain ->
                val request = chain.request().newBuilder()
                    .header("Authorization", "Bearer " + session.token().orEmpty())
                    .header("X-Device-Model", device.deviceModel())
                    .header("X-Device-Fingerprint", DeviceFingerprint.of(device.androidId(), device.deviceModel()))
                    .build()
                chain.proceed(request)
            }
            .addInterceptor(HttpLoggingInterceptor().apply {
                level = if (BuildConfig.DEBUG) HttpLoggingInterceptor.Level.BASIC else HttpLoggingInterceptor.Level.NONE
            })
            .build()
        return Retrofit.Builder()
            .baseUrl(BASE_URL)
            .client(okHttp)
            .addConverterFactory(GsonConverterFactory.create())
            .build()
            .create(MemberApi::class.java)
    }
}
